import Foundation
import Testing
@testable import GenAuthCodegenCore

/// One test per kind of mistake the validator catches: the message and its position are pinned.
@Suite struct ValidatorTests {
    @Test func unknownTypeReferenceSuggestsTheClosestName() {
        let diagnostics = Harness.diagnostics(Snippets.endpoint("""
            summary: Do it
            method: POST
            path: /x
            request: SendSmsDto
            response: OkDto
            """, types: """
              SendSMSDto:
                properties:
                  phone: { type: strin }
            """))
        #expect(diagnostics == [
            "specs/test.yaml:7:14: error: unknown type 'SendSmsDto' (did you mean 'SendSMSDto'?)",
            "specs/test.yaml:15:22: error: unknown type 'strin' (did you mean 'string'?)",
        ])
    }

    @Test func aTypeDefinedTwiceNamesBothPlaces() {
        let diagnostics = Harness.diagnostics([
            "a.yaml": "types:\n  UserDto:\n    properties: {}\n",
            "b.yaml": "types:\n  Other:\n    properties: {}\n  UserDto:\n    properties: {}\n",
        ])
        #expect(diagnostics == [
            "specs/b.yaml:4:3: error: type 'UserDto' is defined twice\nspecs/a.yaml:2:3: note: first defined here"
        ])
    }

    @Test func anEndpointDefinedTwiceNamesBothPlaces() {
        let endpoint = "client: AuthenticationClient\nendpoints:\n  sendSms: { summary: S, method: POST, path: /x, response: OkDto }\n"
        let diagnostics = Harness.diagnostics([
            "a.yaml": endpoint + "types:\n" + Snippets.responseType + "\n",
            "b.yaml": endpoint,
        ])
        #expect(diagnostics == [
            "specs/b.yaml:3:3: error: endpoint 'sendSms' of AuthenticationClient is defined twice\nspecs/a.yaml:3:3: note: first defined here"
        ])
    }

    @Test func aPathPlaceholderNeedsAPathParam() {
        let diagnostics = Harness.diagnostics(Snippets.endpoint("""
            summary: Get
            method: GET
            path: /api/v3/users/{userId}/roles/{roleId}
            pathParams:
              userId: { type: string }
            response: OkDto
            """))
        #expect(diagnostics == ["specs/test.yaml:6:11: error: path parameter '{roleId}' has no entry in 'pathParams'"])
    }

    @Test func aPathParamMustAppearInThePath() {
        let diagnostics = Harness.diagnostics(Snippets.endpoint("""
            summary: Get
            method: GET
            path: /api/v3/users
            pathParams:
              userId: { type: string }
            response: OkDto
            """))
        #expect(diagnostics == ["specs/test.yaml:8:7: error: 'pathParams' entry 'userId' does not appear in the path '/api/v3/users'"])
    }

    @Test func invalidIdentifiersAreErrors() {
        let diagnostics = Harness.diagnostics("""
            client: AuthenticationClient
            endpoints:
              send_sms: { summary: S, method: POST, path: /x, response: okDto }
            types:
              okDto:
                properties: {}
            """)
        #expect(diagnostics == [
            "specs/test.yaml:3:3: error: 'send_sms' is not a valid endpoint name: it must start with a lowercase letter and contain only ASCII letters and digits",
            "specs/test.yaml:3:61: error: unknown type 'okDto'",
            "specs/test.yaml:5:3: error: 'okDto' is not a valid type name: it must start with an uppercase letter and contain only ASCII letters and digits",
        ])
    }

    @Test func propertiesThatBecomeTheSameSwiftNameCollide() {
        let diagnostics = Harness.diagnostics("types:\n  A:\n    properties:\n      client_id: { type: string }\n      clientId: { type: string }\n")
        #expect(diagnostics == [
            "specs/test.yaml:5:7: error: 'clientId' and 'client_id' of type 'A' both become the Swift name 'clientId'\nspecs/test.yaml:4:7: note: 'client_id' is here"
        ])
    }

    @Test func enumValuesThatBecomeTheSameCaseCollide() {
        let diagnostics = Harness.diagnostics("types:\n  Kind:\n    enum: [azure-ad, azure_ad, AZURE_AD_2]\n")
        #expect(diagnostics == [
            "specs/test.yaml:3:22: error: enum values 'azure_ad' and 'azure-ad' of 'Kind' both become the case 'azureAd'; give one of them a 'name'\nspecs/test.yaml:3:12: note: 'azure-ad' is here"
        ])
    }

    @Test func anExplicitNameResolvesAnEnumCollision() {
        let api = Harness.model("types:\n  Kind:\n    enum:\n      azure-ad: Azure AD\n      azure_ad: { description: Legacy, name: azureAdLegacy }\n      '1': One\n")
        guard case .enumeration(let decl)? = api?.types["Kind"]?.kind else {
            Issue.record("Kind is not an enum")
            return
        }
        #expect(decl.cases.map(\.swiftName) == ["azureAd", "azureAdLegacy", "_1"])
    }

    @Test func unknownMethodSuggestsTheUppercaseSpelling() {
        let diagnostics = Harness.diagnostics(Snippets.endpoint("summary: S\nmethod: post\npath: /x\nresponse: OkDto"))
        #expect(diagnostics == ["specs/test.yaml:5:13: error: unknown HTTP method 'post'; it is one of GET, POST, PUT, PATCH, DELETE (did you mean 'POST'?)"])
    }

    @Test func reservedTypeNamesAreErrors() {
        let diagnostics = Harness.diagnostics("types:\n  String:\n    properties: {}\n  JSONValue:\n    properties: {}\n")
        #expect(diagnostics == [
            "specs/test.yaml:2:3: error: type name 'String' is reserved: the SDK or Swift already uses it",
            "specs/test.yaml:4:3: error: type name 'JSONValue' is reserved: the SDK or Swift already uses it",
        ])
    }

    @Test func aStructThatContainsItselfIsAnError() {
        let diagnostics = Harness.diagnostics("""
            types:
              Node:
                properties:
                  next: { type: Link }
                  children: { type: [Node] }
              Link:
                properties:
                  node: { type: Node, required: true }
            """)
        #expect(diagnostics == [
            "specs/test.yaml:8:7: error: type 'Link' contains itself (Link.node → Node.next); a Swift struct cannot, make one of these properties an array"
        ])
    }

    @Test func examplesMustMatchTheirType() {
        let diagnostics = Harness.diagnostics("""
            types:
              A:
                properties:
                  count: { type: integer, example: many }
                  channel: { example: CHANNEL_LOGN, enum: [CHANNEL_LOGIN, CHANNEL_REGISTER] }
                  when: { type: date-time, example: yesterday }
            """)
        #expect(diagnostics == [
            "specs/test.yaml:4:40: error: the example of 'count' must be an integer, found 'many'",
            "specs/test.yaml:5:27: error: the example of 'channel' has 'CHANNEL_LOGN', which is not one of the enum's values (did you mean 'CHANNEL_LOGIN'?)",
            "specs/test.yaml:6:41: error: the example of 'when' must be an ISO 8601 date-time such as 2023-11-01T08:00:00Z, found 'yesterday'",
        ])
    }

    @Test func aGETCannotHaveABody() {
        let diagnostics = Harness.diagnostics(Snippets.endpoint("summary: S\nmethod: GET\npath: /x\nrequest: OkDto\nresponse: OkDto"))
        #expect(diagnostics == ["specs/test.yaml:7:14: error: GET endpoint 'doThing' cannot have a request body; use 'query'"])
    }

    @Test func unknownClientSuggestsTheClosest() {
        let diagnostics = Harness.diagnostics("client: AuthenticationClnt\nendpoints: {}\n")
        #expect(diagnostics == [
            "specs/test.yaml:1:9: error: unknown client 'AuthenticationClnt'; it is one of 'AuthenticationClient', 'ManagementClient' (did you mean 'AuthenticationClient'?)"
        ])
    }

    @Test func managementClientEndpointsAreNotGeneratedYet() {
        let diagnostics = Harness.diagnostics("client: ManagementClient\nendpoints:\n  listUsers: { summary: S, method: GET, path: /x, response: OkDto }\ntypes:\n" + Snippets.responseType + "\n")
        #expect(diagnostics == [
            "specs/test.yaml:1:9: error: ManagementClient endpoints cannot be generated yet: the SDK has no ManagementClient runtime"
        ])
    }

    @Test func anEndpointNameMustNotShadowAClientMember() {
        let diagnostics = Harness.diagnostics(Snippets.endpoint("summary: S\nmethod: POST\npath: /x\nresponse: OkDto", name: "setAccessToken"))
        #expect(diagnostics == ["specs/test.yaml:3:3: error: endpoint name 'setAccessToken' is reserved: AuthenticationClient already has a member of that name"])
    }

    @Test func queryParametersMustBeScalars() {
        let diagnostics = Harness.diagnostics(Snippets.endpoint("""
            summary: S
            method: GET
            path: /x
            query:
              filter: { type: OkDto }
            response: OkDto
            """))
        #expect(diagnostics == [
            "specs/test.yaml:8:7: error: parameter 'filter' of endpoint 'doThing' must be a string, integer, number, boolean, date-time, enum, or an array of those"
        ])
    }

    @Test func missingTranslationsAreWarningsNotErrors() {
        let result = Pipeline.lint(Harness.sources(["test.yaml": Snippets.endpoint("summary: { en: Do it, zh: 做 }\ndescription: { en: Only English }\nmethod: POST\npath: /x\nresponse: OkDto")]))
        #expect(!result.hasErrors)
        #expect(result.diagnostics.map(\.description) == ["specs/test.yaml:3:3: warning: the description of 'doThing' has no zh text"])
    }

    @Test func everyErrorOfARunIsReportedNotOnlyTheFirst() {
        let diagnostics = Harness.diagnostics([
            "a.yaml": "client: AuthenticationClient\nendpoints:\n  x: { summary: S, method: GETT, path: x, response: Nope }\n",
            "b.yaml": "types:\n  B:\n    propertie: {}\n",
        ])
        #expect(diagnostics.count == 5)
        #expect(diagnostics.allSatisfy { $0.contains(": error: ") })
    }
}
