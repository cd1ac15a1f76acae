/// Names a spec may not give its types or methods, because the SDK or Swift already uses them there.
enum ReservedNames {
    /// Type names of the SDK's runtime and of Swift and Foundation that generated code refers to.
    static let types: Set<String> = [
        // GenAuth runtime
        "AuthenticationClient", "AuthenticationClientOptions", "ManagementClient", "ManagementClientOptions",
        "GenAuth", "GenAuthError", "GenAuthSDK", "GenAuthStringEnum", "HTTPTransport", "HTTPRequest", "HTTPResponse",
        "HTTPHeader", "URLSessionTransport", "TransportFailure", "HTTPStatusFailure", "DecodingFailure", "JSONValue",
        "APIRequest", "QueryItem", "QueryValue", "RequestExecutor", "Redactor", "PercentEncoding", "JSONCoding", "JSONKey",
        "GenAuthModel", "ModelDecodingContainer", "ModelEncodingContainer", "FieldSnapshot",
        "GenAuthCall", "APIFailure", "InvalidRequestFailure", "OAuthFailure", "CallbackFailure", "TokenValidationFailure",
        "CASFailure", "PageSequence", "GenAuthLogging", "Logger", "OIDCClient", "OAuthClient", "SAMLClient", "CASClient",
        "AuthorizationOptions", "AuthorizationRequest", "AuthorizationCallback", "PKCE", "TokenTypeHint",
        "CASAuthentication", "CASResponseFormat", "IDTokenClaims", "AccessTokenClaims", "TokenValidationOptions",
        "EventSubscription", "GenAuthEvent", "EventReconnectPolicy", "AsyncHTTPClientTransport",
        // Swift and Foundation
        "Any", "AnyObject", "Array", "Bool", "CaseIterable", "Character", "Codable", "CodingKey", "CodingKeys",
        "Data", "Date", "Decimal", "Decodable", "Decoder", "Dictionary", "Double", "Encodable", "Encoder",
        "Equatable", "Error", "Float", "Foundation", "Hashable", "Int", "Int64", "JSONDecoder", "JSONEncoder",
        "Never", "Optional", "Protocol", "RawRepresentable", "Result", "Self", "Sendable", "Set", "String",
        "Swift", "Task", "Type", "URL", "UUID", "Void",
    ]

    /// Members every client already has.
    static let clientMembers: Set<String> = [
        "accessToken", "setAccessToken", "options", "executor", "init", "deinit", "oidc", "oauth", "saml", "cas",
        "subscribe", "refreshToken", "revokeToken", "signInByEmailPassword", "signInByPhonePassCode",
    ]
}
