import Yams

/// A spec file as written, shape-checked but not yet resolved: names may still be unknown or clash.
/// Every piece keeps where it was written.
struct RawSpecFile {
    var path: String
    var location: SourceLocation
    /// For a spec written by `import-openapi`: the overlays folder its hand edits go to.
    var overlaysFolder: String?
    var client: Located<String>?
    var module: Text?
    var group: Text?
    /// The Swift module of its generated code (`swiftModule`), when it is not the client's home module.
    var swiftModule: Located<String>?
    var endpoints: [RawEndpoint] = []
    var types: [RawType] = []
    /// Hand-written pages of the docs, listed with this file's module and group.
    var pages: [RawPage] = []
    /// GenAuth's error codes (`errorCodes`): one file of the specs lists them.
    var errorCodes: RawErrorCatalogue?
}

/// GenAuth's `statusCode`s and `apiCode`s, as a spec file lists them under `errorCodes`.
struct RawErrorCatalogue {
    var location: SourceLocation
    var statusCodes: [RawErrorCode] = []
    var apiCodes: [RawErrorCode] = []
}

/// One code of the catalogue: `2333: {meaning: …, action: …}`.
struct RawErrorCode {
    var code: Located<String>
    /// The error's class name (`InvalidArgumentError`), for a statusCode.
    var name: Located<String>?
    var meaning: Text?
    /// What to do about it.
    var action: Text?
}

/// A hand-written page of the docs site, as a spec file lists it.
struct RawPage {
    var title: Text?
    var path: Located<String>?
    var location: SourceLocation
}

/// What the spec says of an endpoint that a hand-written method calls.
struct RawHandwritten {
    var location: SourceLocation
    var call: Located<String>?
    var parameters: [RawProperty] = []
    var sample: Located<String>?
}

struct Located<Value> {
    var value: Value
    var location: SourceLocation
}

struct RawEndpoint {
    var name: Located<String>
    var summary: Text?
    var description: Text?
    var method: Located<String>?
    var path: Located<String>?
    var pathParams: [RawProperty] = []
    var pathParamsLocation: SourceLocation?
    var query: [RawProperty] = []
    var request: Located<String>?
    var encoding: Located<String>?
    var response: Located<String>?
    var auth: Located<String>?
    var deprecated: Deprecation?
    var example: Node?
    var handwritten: RawHandwritten?
}

struct RawType {
    var name: Located<String>
    /// The schema's name in the API document, where the spec names the type otherwise.
    var originalName: Located<String>?
    var description: Text?
    var properties: [RawProperty]?
    var enumeration: RawEnum?
    /// Whether the fields the spec does not list are kept (`additionalProperties: true`).
    var additionalProperties: Located<Bool>?
}

struct RawProperty {
    var key: Located<String>
    var type: RawTypeRef?
    var required: Bool = false
    var description: Text?
    var defaultValue: Node?
    var example: Node?
    var deprecated: Deprecation?
    var enumeration: RawEnum?
    /// `oneOf`: the alternatives of a value that is one of several types, each named.
    var oneOf: [RawProperty]?
    var oneOfLocation: SourceLocation?
    var constraints = RawConstraints()
    /// Constraints on each element of an array (`items:`).
    var itemConstraints: RawConstraints?
}

/// Constraints as written, each with its place.
struct RawConstraints {
    var minLength: Located<Int>?
    var maxLength: Located<Int>?
    var minItems: Located<Int>?
    var maxItems: Located<Int>?
    var uniqueItems: Located<Bool>?
    var minimum: Located<Double>?
    var maximum: Located<Double>?

    var isEmpty: Bool {
        minLength == nil && maxLength == nil && minItems == nil && maxItems == nil && uniqueItems == nil
            && minimum == nil && maximum == nil
    }
}

/// A TypeRef as spelled in YAML: a name, `[T]` or `{string: T}`.
indirect enum RawTypeRef {
    case name(Located<String>)
    case array(RawTypeRef)
    case map(RawTypeRef)
}

struct RawEnum {
    var location: SourceLocation
    var values: [RawEnumValue]
}

struct RawEnumValue {
    var rawValue: Located<String>
    var description: Text?
    var name: Located<String>?
}
