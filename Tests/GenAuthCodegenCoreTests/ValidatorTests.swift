import Foundation
import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// One test per kind of mistake the validator catches: the message and its position are pinned.
@Suite(.offThePool) struct ValidatorTests {
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

    @Test func eachClientHasItsOwnTypes() throws {
        let management = "client: ManagementClient\nendpoints:\n  listUsers: { summary: S, method: GET, path: /x, response: OkDto }\ntypes:\n"
            + Snippets.responseType + "\n  UserDto:\n    properties:\n      tags: { type: [string] }\n"
        let authentication = Snippets.endpoint("summary: S\nmethod: GET\npath: /y\nresponse: OkDto", types: "  UserDto:\n    properties:\n      id: { type: string }")
        let result = Pipeline.validatedAPI(Harness.sources(["a.yaml": authentication, "m.yaml": management]))
        #expect(result.1.isEmpty, "\(result.1)")
        let parts = try #require(result.0?.parts)
        #expect(parts.map(\.client) == [.authenticationClient, .managementClient])
        #expect(parts.map { $0.types["UserDto"]?.properties.map(\.key) } == [["id"], ["tags"]])

        // A type of one client is unknown to the other.
        let crossing = Harness.diagnostics([
            "a.yaml": authentication,
            "m.yaml": "client: ManagementClient\nendpoints:\n  getUser: { summary: S, method: GET, path: /x, response: UserDto }\n",
        ])
        #expect(crossing == ["specs/m.yaml:3:59: error: unknown type 'UserDto'"])
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

/// Constraints: where each applies, their bounds, and examples that break them.
@Suite(.offThePool) struct ConstraintTests {
    @Test func eachConstraintAppliesToItsKindOfValue() {
        let diagnostics = Harness.diagnostics("""
            types:
              A:
                properties:
                  name: { type: string, minLength: 1, maxLength: 50 }
                  tags: { type: [string], minItems: 1, maxItems: 3, uniqueItems: true, items: { maxLength: 5 } }
                  limit: { type: integer, minimum: 1, maximum: 50 }
                  count: { type: integer, maxLength: 3 }
                  title: { type: string, maxItems: 2, minimum: 0 }
                  flags: { type: boolean, items: { maxLength: 1 } }
                  range: { type: string, minLength: 5, maxLength: 2 }
                  size: { type: integer, maxLength: -1 }
            """)
        #expect(diagnostics == [
            "specs/test.yaml:7:42: error: 'maxLength' applies to strings; 'count' is an integer",
            "specs/test.yaml:8:40: error: 'maxItems' applies to arrays; 'title' is a string",
            "specs/test.yaml:8:52: error: 'minimum' applies to numbers; 'title' is a string",
            "specs/test.yaml:9:51: error: 'items' constrains the elements of an array; 'flags' is a boolean",
            "specs/test.yaml:10:41: error: 'minLength' (5) of 'range' is greater than its 'maxLength' (2)",
            "specs/test.yaml:11:41: error: expected a whole number of 0 or more for 'maxLength', found the scalar '-1'",
        ])
    }

    @Test func examplesAndDefaultsMustKeepTheirConstraints() {
        let diagnostics = Harness.diagnostics("""
            types:
              A:
                properties:
                  name: { type: string, maxLength: 3, example: abcd }
                  tags: { type: [string], maxItems: 2, example: [a, b, c] }
                  codes: { type: [string], items: { maxLength: 2 }, example: [ab, abc] }
                  unique: { type: [string], uniqueItems: true, example: [a, a] }
                  limit: { type: integer, minimum: 1, maximum: 50, default: 0, example: 51 }
                  inner: { type: B, example: { code: "" } }
              B:
                properties:
                  code: { type: string, minLength: 1 }
            """)
        #expect(diagnostics == [
            "specs/test.yaml:4:52: error: the example of 'name' has 4 characters; 'maxLength' is 3",
            "specs/test.yaml:5:53: error: the example of 'tags' has 3 items; 'maxItems' is 2",
            "specs/test.yaml:6:66: error: item 1 of the example of 'codes' has 3 characters; 'maxLength' is 2",
            "specs/test.yaml:7:61: error: the example of 'unique' repeats an item; 'uniqueItems' is true",
            "specs/test.yaml:8:65: error: the default of 'limit' is 0; 'minimum' is 1",
            "specs/test.yaml:8:77: error: the example of 'limit' is 51; 'maximum' is 50",
            "specs/test.yaml:9:42: error: 'code' in the example of 'inner' is empty; 'minLength' is 1",
        ])
    }

    @Test func aParameterNeedsANonEmptyExample() {
        let diagnostics = Harness.diagnostics(Snippets.endpoint("""
            summary: Get
            method: GET
            path: /api/v3/codes/{code}
            pathParams:
              code: { type: string, example: "" }
            query:
              qrcodeId: { type: string, required: true, example: "" }
              optional: { type: string, example: "" }
            response: OkDto
            """))
        #expect(diagnostics == [
            "specs/test.yaml:8:38: error: the example of 'code' is empty; a path parameter's value must not be",
            "specs/test.yaml:10:58: error: the example of 'qrcodeId' is empty; a query parameter's value must not be",
            "specs/test.yaml:11:42: error: the example of 'optional' is empty; a query parameter's value must not be",
        ])
    }

    @Test func samplesKeepTheConstraintsWhereTheSpecGivesNoExample() throws {
        let api = try #require(Harness.model("""
            client: AuthenticationClient
            endpoints:
              check:
                summary: Check
                method: POST
                path: /api/v3/check
                query:
                  code: { type: string, required: true, maxLength: 4 }
                  limit: { type: integer, required: true, minimum: 1, maximum: 50 }
                request: CheckDto
                response: CheckDto
            types:
              CheckDto:
                properties:
                  resources: { type: [string], required: true, minItems: 2, uniqueItems: true, items: { minLength: 12 } }
                  ratio: { type: number, required: true, minimum: 0.5 }
            """))
        let call = ExampleCall(api.endpoints[0], api: api)
        #expect(call.query == "code=CODE&limit=1")
        #expect(call.body == .object([
            .init(key: "resources", value: .array([.string("RESOURCES_1X"), .string("RESOURCES_2X")])),
            .init(key: "ratio", value: .number(0.5)),
        ]))
    }
}
