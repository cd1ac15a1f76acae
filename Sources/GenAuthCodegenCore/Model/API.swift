/// The validated API description: one part per client, each its own namespace of types and its own Swift
/// module. What every later stage works from.
struct APISet: Sendable {
    /// In the order of ``ClientName/allCases``; only the clients the specs describe.
    var parts: [API]
    /// The languages the docs are produced in.
    var languages: [Language]
    /// GenAuth's error codes, when a spec file lists them.
    var errorCodes: ErrorCatalogue? = nil

    var endpointCount: Int { parts.reduce(0) { $0 + $1.endpoints.count } }
    var typeCount: Int { parts.reduce(0) { $0 + $1.types.count } }
}

/// The part of the API of one client: its spec files and its types. Names are final Swift names.
struct API: Sendable {
    /// The client whose endpoints and types these are.
    var client: ClientName
    /// One per spec file, in sorted path order.
    var files: [SpecFile]
    /// Every named type, by name.
    var types: [String: TypeDecl]
    /// Every inline union (`oneOf`), by its qualified name (`CreateDataResourceDto.Struct`).
    var unions: [String: UnionDecl] = [:]
    /// The languages the docs are produced in.
    var languages: [Language]

    var endpoints: [Endpoint] { files.flatMap(\.endpoints) }

    /// The client's modules that hold generated code: its home module first, then the others in name order.
    var modules: [String] {
        [client.homeModule] + Set(files.compactMap(\.swiftModule)).subtracting([client.homeModule]).sorted()
    }

    /// The types in name order.
    var sortedTypes: [TypeDecl] { types.values.sorted { $0.name < $1.name } }
}

/// The clients of the SDK.
enum ClientName: String, CaseIterable, Sendable, Comparable {
    case authenticationClient = "AuthenticationClient"
    case managementClient = "ManagementClient"

    /// The Swift module apps import for the client (its library product): its own code, or, when the client's
    /// code is split into several modules, the module that re-exports them all.
    var moduleName: String {
        switch self {
        case .authenticationClient: return "GenAuthAuthentication"
        case .managementClient: return "GenAuthManagement"
        }
    }

    /// The module that declares the client's class and its hand-written runtime, and holds the generated code of the
    /// spec files that name no `swiftModule`. Every other module of the client imports it.
    var homeModule: String {
        switch self {
        case .authenticationClient: return "GenAuthAuthentication"
        case .managementClient: return "GenAuthManagementCore"
        }
    }

    /// The module the generated Swift of one of the client's spec files goes into.
    func module(of file: SpecFile) -> String { file.swiftModule ?? homeModule }

    /// The test target that compiles the client's doc samples and runs its contract tests.
    var testsTarget: String { moduleName + "Tests" }

    static func < (lhs: ClientName, rhs: ClientName) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

struct SpecFile: Sendable {
    /// Path relative to the specs folder, with `/` separators: `authentication/message-service.yaml`.
    var path: String
    var client: ClientName?
    var module: Text?
    var group: Text?
    /// The Swift module its types and methods go into (`swiftModule`); nil for the client's home module.
    var swiftModule: String? = nil
    var endpoints: [Endpoint]
    /// Types defined in this file, in spec order.
    var typeNames: [String]
    /// Hand-written pages of the docs, listed with this file's module and group (at the top without a module).
    var pages: [GuidePage] = []

    /// The endpoints the generator writes a method for: not those a hand-written method calls.
    var generatedEndpoints: [Endpoint] { endpoints.filter { $0.handwritten == nil } }

    /// `authentication/message-service`
    var stem: String { path.hasSuffix(".yaml") ? String(path.dropLast(5)) : path }
}

/// A hand-written page of the docs site.
struct GuidePage: Sendable {
    var title: Text
    /// Relative to `docs/<language>/`, the same in each language: `guides/installation.md`.
    var path: String
}

/// An endpoint that a hand-written method calls: the generator writes its page, its types and its compiled sample,
/// not the method.
struct Handwritten: Sendable {
    /// How the method is reached from its client: `oidc.getAccessTokenByCode`.
    var call: String
    /// The method's parameters, for the page.
    var parameters: [Property]
    /// The sample's statements, after the client is created.
    var sample: String
}

enum HTTPMethod: String, CaseIterable, Sendable {
    case GET, POST, PUT, PATCH, DELETE
}

enum BodyEncoding: String, CaseIterable, Sendable {
    case json, form
}

enum AuthRequirement: String, CaseIterable, Sendable {
    /// `accessToken`: a signed-in user's token. `accessKey`: the management client's credentials, which it
    /// sends by itself.
    case none, appId, accessToken, accessKey
}

enum Deprecation: Hashable, Sendable {
    case deprecated
    case replacedBy(Text)
}

struct Endpoint: Sendable {
    var name: String
    var client: ClientName
    var specPath: String
    var summary: Text
    var description: Text?
    var method: HTTPMethod
    var path: String
    var pathParams: [Property]
    var query: [Property]
    var request: String?
    var encoding: BodyEncoding
    var response: String
    var auth: AuthRequirement?
    var deprecated: Deprecation?
    var example: Value?
    /// Set when a hand-written method calls the endpoint.
    var handwritten: Handwritten? = nil
}

struct TypeDecl: Sendable {
    enum Kind: Sendable {
        case object([Property])
        case enumeration(EnumDecl)
    }

    var name: String
    /// The schema's name in GenAuth's document, where the spec renames it (`Result` → `ResultDto`).
    var originalName: String?
    var description: Text?
    var kind: Kind
    var specPath: String
    /// Whether the fields the spec does not list are kept, in `additionalProperties`.
    var keepsAdditionalProperties = false

    var properties: [Property] {
        if case .object(let properties) = kind { return properties }
        return []
    }
}

struct Property: Sendable {
    /// The key on the wire (or the parameter's name in the URL).
    var key: String
    /// The Swift name, without backticks.
    var swiftName: String
    var type: TypeRef
    var required: Bool
    var description: Text?
    var defaultValue: Value?
    var example: Value?
    var deprecated: Deprecation?
    /// The enum declared inline, nested in the owning type.
    var inlineEnum: EnumDecl?
    /// The union (`oneOf`) declared inline, nested in the owning type.
    var inlineUnion: UnionDecl?
    var constraints = Constraints()
    /// What each element of an array must satisfy.
    var itemConstraints = Constraints()
}

/// A property's type, resolved.
indirect enum TypeRef: Hashable, Sendable {
    case string, integer, number, boolean, dateTime, json
    /// A named object or enum type.
    case named(String)
    /// An inline enum: its Swift name qualified by its owner, as `SendSMSDto.Channel`.
    case inlineEnum(qualifiedName: String)
    /// An inline union (`oneOf`), qualified by its owner, as `CreateDataResourceDto.Struct`.
    case inlineUnion(qualifiedName: String)
    case array(TypeRef)
    case map(TypeRef)
}

struct EnumDecl: Sendable {
    /// The Swift type name (unqualified).
    var name: String
    var description: Text?
    var cases: [EnumCase]
}

/// A value that is one of several types, told apart by the JSON kind of the value (object, string, number,
/// boolean, array): a Swift enum with one case per alternative.
struct UnionDecl: Sendable {
    /// The Swift type name (unqualified).
    var name: String
    var description: Text?
    /// Each alternative: its key is the case name; its type, constraints and description are the payload's.
    var cases: [Property]
    /// The JSON kind of each alternative's values: `object`, `string`, `number`, `boolean` or `array`.
    var kinds: [String]
}

struct EnumCase: Sendable {
    var rawValue: String
    var swiftName: String
    var description: Text?
}
