import Yams

/// Resolves raw spec files into the ``API`` model: every name checked, every reference resolved,
/// every example typed. Reports each problem it finds; the model is only usable without errors.
struct Validator {
    var diagnostics = DiagnosticCollector()
    private(set) var rawTypes: [String: (type: RawType, file: RawSpecFile)] = [:]
    /// Every type name a reference may use, for "did you mean": the defined types and the built-in ones.
    private(set) var typeNameCandidates: [String] = []

    /// - Parameters:
    ///   - files: the raw specs of one client (and files of its types only), in sorted path order.
    ///   - client: that client.
    ///   - languages: the languages of the docs, of all clients.
    mutating func validate(_ files: [RawSpecFile], client: ClientName, languages: [Language]) -> API {
        collectTypes(files)
        typeNameCandidates = rawTypes.keys.sorted() + Self.builtinTypeNames
        // Types are resolved, and their examples checked, on every core: each one only reads the others.
        // Each worker reports into its own copy of the validator; the reports are gathered in name order.
        let names = rawTypes.keys.sorted()
        let shared = UncheckedSendable(self)
        let resolved = Pipeline.concurrentMap(names) { name in
            var worker = shared.value.worker
            let (raw, file) = worker.rawTypes[name]!
            return (worker.resolveType(raw, in: file), worker.diagnostics.diagnostics)
        }
        var types: [String: TypeDecl] = [:]
        for (name, (type, reports)) in zip(names, resolved) {
            types[name] = type
            diagnostics.append(contentsOf: reports)
        }
        var unions: [String: UnionDecl] = [:]
        for type in types.values {
            for property in type.properties {
                if let union = property.inlineUnion { unions["\(type.name).\(union.name)"] = union }
            }
        }
        let checkedTypes = UncheckedSendable(types)
        let knownUnions = unions
        let checked = Pipeline.concurrentMap(names) { name -> (TypeDecl?, [Diagnostic]) in
            guard var type = checkedTypes.value[name], case .object(var properties) = type.kind else { return (nil, []) }
            var valueChecker = ValueChecker(types: checkedTypes.value, unions: knownUnions)
            let raws = shared.value.rawTypes[name]!.type.properties ?? []
            for index in properties.indices {
                guard let raw = raws.first(where: { $0.key.value == properties[index].key }) else { continue }
                valueChecker.checkValues(of: raw, into: &properties[index])
            }
            type.kind = .object(properties)
            return (type, valueChecker.diagnostics.diagnostics)
        }
        for (name, (type, reports)) in zip(names, checked) {
            if let type { types[name] = type }
            diagnostics.append(contentsOf: reports)
        }
        checkCycles(types)

        // Clients and duplicate endpoints are settled in file order; then each file's endpoints are resolved
        // on every core.
        var clients: [ClientName?] = []
        var endpointsByClient: [ClientName: [String: RawEndpoint]] = [:]
        var kept: [[RawEndpoint]] = []
        for file in files {
            var client: ClientName?
            if let name = file.client {
                client = ClientName(rawValue: name.value)
                if client == nil {
                    diagnostics.error(
                        "unknown client '\(name.value)'; it is one of \(ClientName.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))"
                            + Suggestions.hint(for: name.value, in: ClientName.allCases.map(\.rawValue)),
                        at: name.location)
                }
            } else if let first = file.endpoints.first {
                diagnostics.error("a file with endpoints must name their 'client'", at: first.name.location)
            }
            var endpoints: [RawEndpoint] = []
            for raw in file.endpoints {
                if let client {
                    if let previous = endpointsByClient[client]?[raw.name.value] {
                        diagnostics.error(
                            "endpoint '\(raw.name.value)' of \(client.rawValue) is defined twice",
                            at: raw.name.location,
                            notes: [.note("first defined here", at: previous.name.location)])
                        continue
                    }
                    endpointsByClient[client, default: [:]][raw.name.value] = raw
                }
                endpoints.append(raw)
            }
            clients.append(client)
            kept.append(endpoints)
        }
        let work = UncheckedSendable((files: files, kept: kept, clients: clients))
        let fileResults = Pipeline.concurrentMap(Array(files.indices)) { index -> ([Endpoint], [Diagnostic]) in
            var worker = shared.value.worker
            var valueChecker = ValueChecker(types: checkedTypes.value, unions: knownUnions)
            let (files, kept, clients) = work.value
            let endpoints = kept[index].compactMap { raw in
                worker.resolveEndpoint(raw, client: clients[index] ?? .authenticationClient, file: files[index], types: checkedTypes.value, checker: &valueChecker)
            }
            return (endpoints, worker.diagnostics.diagnostics + valueChecker.diagnostics.diagnostics)
        }
        var specFiles: [SpecFile] = []
        let modules = resolveModules(files, client: client)
        for (index, file) in files.enumerated() {
            diagnostics.append(contentsOf: fileResults[index].1)
            specFiles.append(SpecFile(
                path: file.path, client: clients[index], module: file.module, group: file.group, swiftModule: modules[index],
                endpoints: fileResults[index].0, typeNames: file.types.map(\.name.value).filter { rawTypes[$0]?.file.path == file.path },
                pages: resolvePages(file.pages)))
        }
        checkFileNames(specFiles, files: files)
        checkModuleReferences(specFiles, raws: files, types: types, client: client)
        warnMissingTranslations(files, languages: languages)
        return API(client: client, files: specFiles, types: types, unions: unions, languages: languages)
    }

    /// The hand-written pages a file lists: a path relative to a language's folder of the docs, to a Markdown file.
    private mutating func resolvePages(_ raws: [RawPage]) -> [GuidePage] {
        raws.compactMap { raw in
            guard let title = raw.title, let path = raw.path else { return nil }
            let parts = path.value.split(separator: "/", omittingEmptySubsequences: false)
            guard path.value.hasSuffix(".md"), !path.value.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
                  !path.value.contains("\\"), !path.value.contains(where: \.isWhitespace)
            else {
                diagnostics.error(
                    "page path '\(path.value)' must be a Markdown file relative to docs/<language>/, such as guides/installation.md",
                    at: path.location)
                return nil
            }
            return GuidePage(title: title, path: path.value)
        }
    }

    /// A copy that reports into diagnostics of its own, for a worker thread.
    private var worker: Validator {
        var copy = self
        copy.diagnostics = DiagnosticCollector()
        return copy
    }

    // MARK: - Types

    private mutating func collectTypes(_ files: [RawSpecFile]) {
        for file in files {
            for type in file.types {
                let name = type.name
                guard Naming.isTypeName(name.value) else {
                    diagnostics.error(
                        "'\(name.value)' is not a valid type name: it must start with an uppercase letter and contain only ASCII letters and digits",
                        at: name.location)
                    continue
                }
                if ReservedNames.types.contains(name.value) {
                    diagnostics.error("type name '\(name.value)' is reserved: the SDK or Swift already uses it", at: name.location)
                    continue
                }
                if let previous = rawTypes[name.value] {
                    diagnostics.error(
                        "type '\(name.value)' is defined twice", at: name.location,
                        notes: [.note("first defined here", at: previous.type.name.location)])
                    continue
                }
                rawTypes[name.value] = (type, file)
            }
        }
    }

    private mutating func resolveType(_ raw: RawType, in file: RawSpecFile) -> TypeDecl {
        let name = raw.name.value
        if let enumeration = raw.enumeration {
            return TypeDecl(
                name: name, originalName: raw.originalName?.value, description: raw.description,
                kind: .enumeration(resolveEnum(enumeration, name: name, description: raw.description)),
                specPath: file.path)
        }
        let properties = resolveProperties(raw.properties ?? [], owner: name, ownerDescription: "type '\(name)'").map(\.property)
        var keeps = false
        if let flag = raw.additionalProperties {
            if flag.value && properties.isEmpty {
                diagnostics.error(
                    "type '\(name)' has no properties: it keeps every field already ('properties: {}'); remove 'additionalProperties'",
                    at: flag.location)
            } else if let clash = properties.first(where: { $0.swiftName == "additionalProperties" }), flag.value {
                diagnostics.error(
                    "type '\(name)' keeps its other fields in 'additionalProperties', which its property '\(clash.key)' already names",
                    at: flag.location)
            } else {
                keeps = flag.value
            }
        }
        return TypeDecl(
            name: name, originalName: raw.originalName?.value, description: raw.description, kind: .object(properties),
            specPath: file.path, keepsAdditionalProperties: keeps)
    }

    /// Resolves the properties of one owner (a type, or an endpoint's query or path parameters), checking
    /// that their Swift names, and the names of their inline enums, do not clash.
    mutating func resolveProperties(
        _ raws: [RawProperty], owner: String, ownerDescription: String, enumPrefix: String = "",
        reservedNames: [String: String] = [:]
    ) -> [(property: Property, raw: RawProperty)] {
        var properties: [(property: Property, raw: RawProperty)] = []
        var swiftNames: [String: Located<String>] = [:]
        var enumNames: [String: Located<String>] = [:]
        for raw in raws {
            guard let swiftName = Naming.propertyName(raw.key.value) else {
                diagnostics.error("'\(raw.key.value)' has no letters or digits to make a Swift name from", at: raw.key.location)
                continue
            }
            var storageNames = [swiftName]
            if raw.deprecated != nil { storageNames.append("_" + swiftName) }
            for storageName in storageNames {
                if let other = swiftNames[storageName] {
                    diagnostics.error(
                        "'\(raw.key.value)' and '\(other.value)' of \(ownerDescription) both become the Swift name '\(storageName)'",
                        at: raw.key.location, notes: [.note("'\(other.value)' is here", at: other.location)])
                } else {
                    swiftNames[storageName] = raw.key
                }
            }
            if let reason = reservedNames[swiftName] {
                diagnostics.error("'\(raw.key.value)' of \(ownerDescription) becomes '\(swiftName)', \(reason)", at: raw.key.location)
            }

            var type: TypeRef?
            var inlineEnum: EnumDecl?
            var inlineUnion: UnionDecl?
            if let enumeration = raw.enumeration {
                if let enumName = Naming.upperCamelCase(raw.key.value).map({ Naming.nestedTypeName(enumPrefix + $0) }) {
                    if let other = enumNames[enumName] {
                        diagnostics.error(
                            "the inline enums of '\(raw.key.value)' and '\(other.value)' of \(ownerDescription) both become the type '\(enumName)'",
                            at: raw.key.location, notes: [.note("'\(other.value)' is here", at: other.location)])
                    }
                    enumNames[enumName] = raw.key
                    inlineEnum = resolveEnum(enumeration, name: enumName, description: raw.description)
                    type = .inlineEnum(qualifiedName: "\(owner).\(enumName)")
                }
            } else if let alternatives = raw.oneOf {
                if let unionName = Naming.upperCamelCase(raw.key.value).map({ Naming.nestedTypeName(enumPrefix + $0) }) {
                    if let other = enumNames[unionName] {
                        diagnostics.error(
                            "the inline types of '\(raw.key.value)' and '\(other.value)' of \(ownerDescription) both become the type '\(unionName)'",
                            at: raw.key.location, notes: [.note("'\(other.value)' is here", at: other.location)])
                    }
                    enumNames[unionName] = raw.key
                    if let decl = resolveUnion(alternatives, name: unionName, owner: owner, raw: raw) {
                        inlineUnion = decl
                        type = .inlineUnion(qualifiedName: "\(owner).\(unionName)")
                    }
                }
            } else if let rawType = raw.type {
                type = resolveTypeRef(rawType)
            }
            guard let type else { continue }
            let (constraints, itemConstraints) = resolveConstraints(raw, type: type)
            properties.append((Property(
                key: raw.key.value, swiftName: swiftName, type: type, required: raw.required,
                description: raw.description, defaultValue: nil, example: nil,
                deprecated: raw.deprecated, inlineEnum: inlineEnum, inlineUnion: inlineUnion,
                constraints: constraints, itemConstraints: itemConstraints), raw))
        }
        // A nested enum must not hide a named type that the same owner refers to.
        for property in properties.map(\.property) {
            for name in property.referencedNames where enumNames[name] != nil {
                diagnostics.error(
                    "the inline enum '\(owner).\(name)' hides the type '\(name)' that '\(property.key)' refers to; rename one of them",
                    at: enumNames[name]!.location)
            }
        }
        return properties
    }

    private mutating func resolveEnum(_ raw: RawEnum, name: String, description: Text?) -> EnumDecl {
        var cases: [EnumCase] = []
        var rawValues: [String: Located<String>] = [:]
        var caseNames: [String: Located<String>] = [:]
        for value in raw.values {
            if let other = rawValues[value.rawValue.value] {
                diagnostics.error(
                    "enum value '\(value.rawValue.value)' of '\(name)' is listed twice", at: value.rawValue.location,
                    notes: [.note("first listed here", at: other.location)])
                continue
            }
            rawValues[value.rawValue.value] = value.rawValue
            let caseName: String
            if let explicit = value.name {
                guard Naming.isMethodName(explicit.value) || (explicit.value.hasPrefix("_") && Naming.isIdentifier(explicit.value)) else {
                    diagnostics.error(
                        "'\(explicit.value)' is not a valid case name: it must start with a lowercase letter (or _) and contain only ASCII letters and digits",
                        at: explicit.location)
                    continue
                }
                caseName = explicit.value
            } else if let derived = Naming.caseName(value.rawValue.value) {
                caseName = derived
            } else {
                diagnostics.error(
                    "enum value '\(value.rawValue.value)' has no letters or digits to make a case name from; give it a 'name'",
                    at: value.rawValue.location)
                continue
            }
            if ["allCases", "rawValue", "description", "isKnown", "hashValue"].contains(caseName) {
                diagnostics.error(
                    "enum value '\(value.rawValue.value)' of '\(name)' becomes '\(caseName)', which every enum already has; give it a 'name'",
                    at: value.rawValue.location)
                continue
            }
            if let other = caseNames[caseName] {
                diagnostics.error(
                    "enum values '\(value.rawValue.value)' and '\(other.value)' of '\(name)' both become the case '\(caseName)'; give one of them a 'name'",
                    at: value.rawValue.location, notes: [.note("'\(other.value)' is here", at: other.location)])
                continue
            }
            caseNames[caseName] = value.rawValue
            cases.append(EnumCase(rawValue: value.rawValue.value, swiftName: caseName, description: value.description))
        }
        return EnumDecl(name: name, description: description, cases: cases)
    }

    mutating func resolveTypeRef(_ raw: RawTypeRef) -> TypeRef? {
        switch raw {
        case .array(let element): return resolveTypeRef(element).map { .array($0) }
        case .map(let value): return resolveTypeRef(value).map { .map($0) }
        case .name(let name):
            switch name.value {
            case "string": return .string
            case "integer": return .integer
            case "number": return .number
            case "boolean": return .boolean
            case "date-time": return .dateTime
            case "json": return .json
            default:
                if rawTypes[name.value] != nil { return .named(name.value) }
                let candidates = typeNameCandidates
                diagnostics.error(
                    "unknown type '\(name.value)'", at: name.location, hint: PendingHint(name.value, among: { candidates }))
                return nil
            }
        }
    }

    static let builtinTypeNames = ["string", "integer", "number", "boolean", "date-time", "json"]

    /// A struct cannot contain itself, directly or through other structs (arrays and maps are fine).
    private mutating func checkCycles(_ types: [String: TypeDecl]) {
        var state: [String: Bool] = [:]  // false: on the current path; true: done
        var path: [(type: String, property: Property)] = []
        var reported = Set<String>()

        func visit(_ name: String) {
            state[name] = false
            for property in types[name]?.properties ?? [] {
                guard case .named(let target) = property.type, case .object? = types[target]?.kind else { continue }
                path.append((name, property))
                if state[target] == false {
                    let start = path.firstIndex { $0.type == target }!
                    let cycle = path[start...]
                    let key = cycle.map(\.type).sorted().joined(separator: ",")
                    if reported.insert(key).inserted {
                        let route = cycle.map { "\($0.type).\($0.property.key)" }.joined(separator: " → ")
                        let location = rawTypes[cycle.first!.type]?.type.properties?.first { $0.key.value == cycle.first!.property.key }?.key.location
                        diagnostics.error(
                            "type '\(target)' contains itself (\(route)); a Swift struct cannot, make one of these properties an array",
                            at: location)
                    }
                } else if state[target] == nil {
                    visit(target)
                }
                path.removeLast()
            }
            state[name] = true
        }
        for name in types.keys.sorted() where state[name] == nil {
            visit(name)
        }
    }
}

extension Property {
    /// The named types the property's values mention: its type's, or its union's alternatives'.
    var referencedNames: [String] {
        type.referencedNames + (inlineUnion?.cases.flatMap(\.type.referencedNames) ?? [])
    }
}

extension TypeRef {
    /// The named types this reference mentions.
    var referencedNames: [String] {
        switch self {
        case .named(let name): return [name]
        case .array(let element), .map(let element): return element.referencedNames
        default: return []
        }
    }
}
