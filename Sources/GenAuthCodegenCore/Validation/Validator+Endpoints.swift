extension Validator {
    mutating func resolveEndpoint(
        _ raw: RawEndpoint, client: ClientName, file: RawSpecFile, types: [String: TypeDecl], checker: inout ValueChecker
    ) -> Endpoint? {
        let name = raw.name
        let what = "endpoint '\(name.value)'"
        var valid = true
        if !Naming.isMethodName(name.value) {
            diagnostics.error(
                "'\(name.value)' is not a valid endpoint name: it must start with a lowercase letter and contain only ASCII letters and digits",
                at: name.location)
            valid = false
        } else if raw.handwritten == nil, ReservedNames.clientMembers.contains(name.value) || Naming.keywords.contains(name.value) {
            diagnostics.error("endpoint name '\(name.value)' is reserved: \(client.rawValue) already has a member of that name", at: name.location)
            valid = false
        }

        var method: HTTPMethod?
        if let rawMethod = raw.method {
            method = HTTPMethod(rawValue: rawMethod.value)
            if method == nil {
                let hint = HTTPMethod(rawValue: rawMethod.value.uppercased()).map { " (did you mean '\($0.rawValue)'?)" } ?? ""
                diagnostics.error(
                    "unknown HTTP method '\(rawMethod.value)'; it is one of \(HTTPMethod.allCases.map(\.rawValue).joined(separator: ", "))" + hint,
                    at: rawMethod.location)
            }
        }

        // Path and query parameters share the method's parameter list, so their Swift names must differ.
        var reserved: [String: String] = [:]
        if raw.request != nil { reserved["request"] = "the name of the method's body parameter" }
        let parameters = resolveProperties(
            raw.pathParams + raw.query, owner: client.rawValue, ownerDescription: what,
            enumPrefix: Naming.upperCamelCase(name.value) ?? "", reservedNames: reserved)
        var pathParams: [Property] = []
        var queryParams: [Property] = []
        for (resolved, rawProperty) in parameters {
            var property = resolved
            if !property.type.isParameterType(types) {
                diagnostics.error(
                    "parameter '\(property.key)' of \(what) must be a string, integer, number, boolean, date-time, enum, or an array of those",
                    at: rawProperty.key.location)
            }
            checker.checkValues(of: rawProperty, into: &property)
            let isPath = raw.pathParams.contains { $0.key.location == rawProperty.key.location }
            if property.example.map(Self.isEmptyInURL) == true, let node = rawProperty.example {
                // A server reads an empty value in a URL as no value (OpenAPI allows none by default): a sample must
                // send a real one.
                diagnostics.error(
                    "the example of '\(property.key)' is empty; a \(isPath ? "path" : "query") parameter's value must not be",
                    at: SourceLocation(file: name.location.file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1))
                property.example = nil
            }
            if isPath {
                property.required = true
                pathParams.append(property)
            } else {
                queryParams.append(property)
            }
        }

        if let path = raw.path {
            valid = checkPath(path, pathParams: raw.pathParams, pathParamsLocation: raw.pathParamsLocation ?? name.location) && valid
        }

        let request = raw.request.flatMap { objectType($0, types: types, role: "request") }
        if raw.request != nil && request == nil { valid = false }
        let response = raw.response.flatMap { objectType($0, types: types, role: "response") }

        var encoding = BodyEncoding.json
        if let rawEncoding = raw.encoding {
            if let value = BodyEncoding(rawValue: rawEncoding.value) {
                encoding = value
                if value == .form && raw.request == nil {
                    diagnostics.error("\(what) has 'encoding: form' but no 'request' body", at: rawEncoding.location)
                }
            } else {
                diagnostics.error(
                    "unknown encoding '\(rawEncoding.value)'; it is 'json' or 'form'"
                        + Suggestions.hint(for: rawEncoding.value, in: BodyEncoding.allCases.map(\.rawValue)),
                    at: rawEncoding.location)
            }
        }
        if method == .GET, let request = raw.request {
            diagnostics.error("GET \(what) cannot have a request body; use 'query'", at: request.location)
        }

        var auth: AuthRequirement?
        if let rawAuth = raw.auth {
            auth = AuthRequirement(rawValue: rawAuth.value)
            if auth == nil {
                diagnostics.error(
                    "unknown auth '\(rawAuth.value)'; it is one of \(AuthRequirement.allCases.map(\.rawValue).joined(separator: ", "))"
                        + Suggestions.hint(for: rawAuth.value, in: AuthRequirement.allCases.map(\.rawValue)),
                    at: rawAuth.location)
            }
        }

        var example: Value?
        if let node = raw.example, let response {
            example = checker.value(node, as: .named(response), inlineEnum: nil, what: "the example of \(what)", file: name.location.file)
        }

        var handwritten: Handwritten?
        if let raw = raw.handwritten {
            handwritten = resolveHandwritten(raw, endpoint: name.value, client: client, checker: &checker)
            if handwritten == nil { valid = false }
        }

        guard valid, let summary = raw.summary, let method, let path = raw.path, let response else { return nil }
        return Endpoint(
            name: name.value, client: client, specPath: file.path, summary: summary, description: raw.description,
            method: method, path: path.value, pathParams: pathParams, query: queryParams, request: request,
            encoding: encoding, response: response, auth: auth, deprecated: raw.deprecated, example: example,
            handwritten: handwritten)
    }

    /// The method's path from its client (`oidc.getAccessTokenByCode`), its parameters, and its sample.
    private mutating func resolveHandwritten(
        _ raw: RawHandwritten, endpoint: String, client: ClientName, checker: inout ValueChecker
    ) -> Handwritten? {
        guard let call = raw.call, let sample = raw.sample else { return nil }
        let parts = call.value.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ Naming.isMethodName(String($0)) }) else {
            diagnostics.error(
                "call '\(call.value)' must name the method from its client, such as oidc.getAccessTokenByCode", at: call.location)
            return nil
        }
        guard !sample.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            diagnostics.error("the sample of endpoint '\(endpoint)' is empty", at: sample.location)
            return nil
        }
        var parameters: [Property] = []
        for (resolved, rawProperty) in resolveProperties(
            raw.parameters, owner: client.rawValue, ownerDescription: "the method of endpoint '\(endpoint)'",
            enumPrefix: Naming.upperCamelCase(endpoint) ?? "")
        {
            var property = resolved
            checker.checkValues(of: rawProperty, into: &property)
            parameters.append(property)
        }
        return Handwritten(call: call.value, parameters: parameters, sample: sample.value)
    }

    private mutating func objectType(_ name: Located<String>, types: [String: TypeDecl], role: String) -> String? {
        guard let type = types[name.value] else {
            if Self.builtinTypeNames.contains(name.value) {
                diagnostics.error("the \(role) must be an object type defined in specs/, not '\(name.value)'", at: name.location)
            } else {
                let candidates = typeNameCandidates
                diagnostics.error(
                    "unknown type '\(name.value)'", at: name.location,
                    hint: PendingHint(name.value, among: { candidates.filter { !Self.builtinTypeNames.contains($0) } }))
            }
            return nil
        }
        guard case .object = type.kind else {
            diagnostics.error("the \(role) must be an object type; '\(name.value)' is an enum", at: name.location)
            return nil
        }
        return name.value
    }

    /// `{name}` placeholders of the path against the `pathParams` entries.
    private mutating func checkPath(_ path: Located<String>, pathParams: [RawProperty], pathParamsLocation: SourceLocation) -> Bool {
        let text = path.value
        guard text.hasPrefix("/") else {
            diagnostics.error("path '\(text)' must start with '/'", at: path.location)
            return false
        }
        if let bad = text.first(where: { $0 == "?" || $0 == "#" || $0.isWhitespace || $0 == "%" || $0 == "\\" || $0 == "\"" }) {
            diagnostics.error("path '\(text)' must not contain '\(bad)'; query parameters go in 'query'", at: path.location)
            return false
        }
        var placeholders: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            guard rest[open] == "{", let close = rest[open...].firstIndex(of: "}") else {
                diagnostics.error("path '\(text)' has an unbalanced '\(rest[open])'", at: path.location)
                return false
            }
            let name = String(rest[rest.index(after: open)..<close])
            // A placeholder names its parameter: letters, digits, '_' and '-' only.
            guard !name.isEmpty, name.allSatisfy({ $0.isASCIIAlphanumeric || $0 == "_" || $0 == "-" }) else {
                diagnostics.error("path '\(text)' has an invalid parameter '{\(name)}'", at: path.location)
                return false
            }
            placeholders.append(name)
            rest = rest[rest.index(after: close)...]
        }
        var valid = true
        for name in placeholders where !pathParams.contains(where: { $0.key.value == name }) {
            diagnostics.error("path parameter '{\(name)}' has no entry in 'pathParams'", at: path.location)
            valid = false
        }
        for param in pathParams where !placeholders.contains(param.key.value) {
            diagnostics.error("'pathParams' entry '\(param.key.value)' does not appear in the path '\(text)'", at: param.key.location)
            valid = false
        }
        if Set(placeholders).count != placeholders.count {
            diagnostics.error("path '\(text)' names a parameter twice", at: path.location)
            valid = false
        }
        return valid
    }

    /// `""`, or an empty list: what a URL sends as an empty value.
    static func isEmptyInURL(_ value: Value) -> Bool {
        switch value {
        case .string(let text): return text.isEmpty
        case .array(let items): return items.isEmpty || items.allSatisfy(isEmptyInURL)
        default: return false
        }
    }

    // MARK: - Files and languages

    /// Every spec file becomes Swift and doc files named after it; two must not end up the same.
    mutating func checkFileNames(_ files: [SpecFile], files raws: [RawSpecFile]) {
        var seen: [String: String] = [:]
        for file in files where !file.endpoints.isEmpty {
            guard let client = file.client else { continue }
            let name = OutputNaming.clientFileName(client: client, specStem: file.stem, module: client.module(of: file))
            if let other = seen[name] {
                let location = raws.first { $0.path == file.path }?.location
                diagnostics.error(
                    "spec files '\(other)' and '\(file.path)' both produce '\(name)'; rename one of them", at: location)
            }
            seen[name] = file.path
        }
    }

    static func languages(_ files: [RawSpecFile]) -> [Language] {
        var used = Set<Language>()
        func add(_ text: Text?) { used.formUnion(text?.translations.keys ?? [:].keys) }
        for file in files {
            add(file.module)
            add(file.group)
            for endpoint in file.endpoints {
                add(endpoint.summary)
                add(endpoint.description)
            }
            for code in (file.errorCodes?.statusCodes ?? []) + (file.errorCodes?.apiCodes ?? []) {
                add(code.meaning)
            }
        }
        return used.isEmpty ? [.en] : used.sorted()
    }

    /// A text missing in a language the docs use is a warning: its page falls back to the other language.
    mutating func warnMissingTranslations(_ files: [RawSpecFile], languages: [Language]) {
        guard languages.count > 1 else { return }
        var fix = ""
        func check(_ text: Text?, _ what: @autoclosure () -> String, at location: SourceLocation) {
            guard let text else { return }
            let missing = languages.filter { text.isMissing($0) }
            if !missing.isEmpty {
                diagnostics.warning("\(what()) has no \(missing.map(\.rawValue).joined(separator: ", ")) text\(fix)", at: location)
            }
        }
        func checkProperties(_ properties: [RawProperty]) {
            for property in properties {
                check(property.description, "the description of '\(property.key.value)'", at: property.key.location)
                for value in property.enumeration?.values ?? [] {
                    check(value.description, "enum value '\(value.rawValue.value)'", at: value.rawValue.location)
                }
            }
        }
        for file in files {
            // An imported spec is rewritten by every import: its texts are added in its overlay.
            let fileName = file.path.split(separator: "/").last.map(String.init) ?? file.path
            fix = file.overlaysFolder.map { "; the spec is imported: add it in \($0)/\(Translations.fileName) or \($0)/\(fileName)" } ?? ""
            check(file.module, "'module'", at: file.location)
            check(file.group, "'group'", at: file.location)
            for endpoint in file.endpoints {
                check(endpoint.summary, "the summary of '\(endpoint.name.value)'", at: endpoint.name.location)
                check(endpoint.description, "the description of '\(endpoint.name.value)'", at: endpoint.name.location)
                checkProperties(endpoint.pathParams + endpoint.query)
            }
            for type in file.types {
                check(type.description, "the description of '\(type.name.value)'", at: type.name.location)
                checkProperties(type.properties ?? [])
                for value in type.enumeration?.values ?? [] {
                    check(value.description, "enum value '\(value.rawValue.value)'", at: value.rawValue.location)
                }
            }
        }
    }
}

extension TypeRef {
    /// Whether a value of this type can stand in a URL (path or query).
    func isParameterType(_ types: [String: TypeDecl]) -> Bool {
        switch self {
        case .string, .integer, .number, .boolean, .dateTime, .inlineEnum: return true
        case .json, .map, .inlineUnion: return false
        case .named(let name):
            if case .enumeration? = types[name]?.kind { return true }
            return false
        case .array(let element):
            if case .array = element { return false }
            return element.isParameterType(types)
        }
    }
}
