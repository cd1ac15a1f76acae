/// What changed between two versions of the API, as the SDK's users see it.
public struct Changelog: Sendable, Equatable {
    public enum Impact: String, Sendable, Comparable, CaseIterable {
        /// Code that compiled stops compiling, or behaves differently.
        case breaking
        /// New API; existing code is unaffected (a deprecation warning at most).
        case additive
        /// Only texts changed: doc comments and doc pages.
        case docsOnly = "docs only"

        public static func < (lhs: Impact, rhs: Impact) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public struct Entry: Sendable, Equatable, Comparable {
        public var impact: Impact
        /// What changed, such as `AuthenticationClient.sendSms` or `SendSMSDto.channel`.
        public var subject: String
        /// The change, in Markdown, such as "removed (`POST /api/v3/send-sms`)".
        public var change: String

        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.impact, lhs.subject, lhs.change) < (rhs.impact, rhs.subject, rhs.change)
        }
    }

    public var entries: [Entry]

    public var isEmpty: Bool { entries.isEmpty }

    /// The semantic-version part to bump: `major` for a breaking change, `minor` for an addition,
    /// `patch` for docs only; nil for no change.
    public var versionBump: String? {
        if entries.contains(where: { $0.impact == .breaking }) { return "major" }
        if entries.contains(where: { $0.impact == .additive }) { return "minor" }
        return entries.isEmpty ? nil : "patch"
    }

    public var hasBreakingChanges: Bool { entries.contains { $0.impact == .breaking } }

    /// The entry as Markdown: a heading, the version bump, then the changes grouped by impact.
    public func markdown(title: String) -> String {
        var lines = ["## \(title)", ""]
        guard let bump = versionBump else {
            return (lines + ["No changes to the SDK's API or docs.", ""]).joined(separator: "\n")
        }
        let counts = Impact.allCases.map { impact in (impact, entries.filter { $0.impact == impact }.count) }
        lines.append("Semantic version: **\(bump)** (" + counts.filter { $0.1 > 0 }.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ") + ").")
        for (impact, count) in counts where count > 0 {
            lines += ["", "### \(impact.rawValue.prefix(1).uppercased() + impact.rawValue.dropFirst())", ""]
            lines += entries.filter { $0.impact == impact }.sorted().map { "- `\($0.subject)`: \($0.change)" }
        }
        return (lines + [""]).joined(separator: "\n")
    }
}

/// Compares two validated API descriptions.
enum APIDiff {
    /// Each client with its counterpart; a client only one side has is all added or all removed.
    static func compare(old: APISet, new: APISet) -> Changelog {
        var entries: [Changelog.Entry] = []
        for client in ClientName.allCases {
            let empty = API(client: client, files: [], types: [:], languages: [])
            let before = old.parts.first { $0.client == client }
            let after = new.parts.first { $0.client == client }
            guard before != nil || after != nil else { continue }
            entries += compare(old: before ?? empty, new: after ?? empty).entries
        }
        return Changelog(entries: entries.sorted())
    }

    /// The types of AuthenticationClient are named as they are; those of other clients with their module
    /// (`GenAuthManagement.UserDto`), since both modules may have a type of the same name.
    static func compare(old: API, new: API) -> Changelog {
        var entries: [Changelog.Entry] = []
        let qualifier = new.client == .authenticationClient ? "" : new.client.moduleName + "."
        func add(_ impact: Changelog.Impact, _ subject: String, _ change: String) {
            let isType = !subject.hasPrefix(new.client.rawValue + ".")
            entries.append(.init(impact: impact, subject: isType ? qualifier + subject : subject, change: change))
        }

        // Endpoints, by client and method name.
        let oldEndpoints = Dictionary(old.endpoints.map { ("\($0.client.rawValue).\($0.name)", $0) }, uniquingKeysWith: { a, _ in a })
        let newEndpoints = Dictionary(new.endpoints.map { ("\($0.client.rawValue).\($0.name)", $0) }, uniquingKeysWith: { a, _ in a })
        for (key, endpoint) in oldEndpoints where newEndpoints[key] == nil {
            add(.breaking, key, "removed (`\(endpoint.method.rawValue) \(endpoint.path)`)")
        }
        for (key, endpoint) in newEndpoints where oldEndpoints[key] == nil {
            add(.additive, key, "added (`\(endpoint.method.rawValue) \(endpoint.path)`)")
        }
        for (key, before) in oldEndpoints {
            guard let after = newEndpoints[key] else { continue }
            compareEndpoints(before, after, subject: key, add: add)
        }

        // Types, by name.
        for (name, type) in old.types where new.types[name] == nil {
            add(.breaking, name, "type removed\(kindNote(type))")
        }
        for (name, type) in new.types where old.types[name] == nil {
            add(.additive, name, "type added\(kindNote(type))")
        }
        for (name, before) in old.types {
            guard let after = new.types[name] else { continue }
            compareTypes(before, after, add: add)
        }
        return Changelog(entries: entries.sorted())
    }

    private static func kindNote(_ type: TypeDecl) -> String {
        if case .enumeration = type.kind { return " (enum)" }
        return ""
    }

    private static func compareEndpoints(
        _ before: Endpoint, _ after: Endpoint, subject: String, add: (Changelog.Impact, String, String) -> Void
    ) {
        if before.method != after.method {
            add(.breaking, subject, "HTTP method changed from `\(before.method.rawValue)` to `\(after.method.rawValue)`")
        }
        if before.path != after.path {
            add(.breaking, subject, "path changed from `\(before.path)` to `\(after.path)`")
        }
        if before.deprecated == nil, after.deprecated != nil {
            add(.additive, subject, "deprecated" + deprecationNote(after.deprecated))
        } else if before.deprecated != nil, after.deprecated == nil {
            add(.additive, subject, "no longer deprecated")
        }
        if before.request != after.request {
            add(.breaking, subject, "request body changed from \(typeText(before.request)) to \(typeText(after.request))")
        }
        if before.response != after.response {
            add(.breaking, subject, "response changed from `\(before.response)` to `\(after.response)`")
        }
        if before.encoding != after.encoding, before.request != nil, after.request != nil {
            add(.breaking, subject, "body encoding changed from `\(before.encoding.rawValue)` to `\(after.encoding.rawValue)`")
        }
        if before.summary != after.summary || before.description != after.description {
            add(.docsOnly, subject, "summary or description changed")
        }
        compareProperties(before.pathParams + before.query, after.pathParams + after.query,
                          owner: subject, kind: .parameter, add: add)
    }

    private static func compareTypes(_ before: TypeDecl, _ after: TypeDecl, add: (Changelog.Impact, String, String) -> Void) {
        switch (before.kind, after.kind) {
        case (.object(let old), .object(let new)):
            compareProperties(old, new, owner: after.name, kind: .property, add: add)
        case (.enumeration(let old), .enumeration(let new)):
            compareEnums(old, new, subject: after.name, add: add)
        default:
            add(.breaking, after.name, "changed from \(kindName(before)) to \(kindName(after))")
        }
        if before.description != after.description {
            add(.docsOnly, after.name, "description changed")
        }
    }

    private static func kindName(_ type: TypeDecl) -> String {
        if case .enumeration = type.kind { return "an enum" }
        return "an object type"
    }

    private enum PropertyKind {
        case property, parameter
    }

    private static func compareProperties(
        _ old: [Property], _ new: [Property], owner: String, kind: PropertyKind, add: (Changelog.Impact, String, String) -> Void
    ) {
        let noun = kind == .property ? "property" : "parameter"
        var removed = old.filter { property in !new.contains { $0.key == property.key } }
        var added = new.filter { property in !old.contains { $0.key == property.key } }

        // One removed and one added of the same type in the same place: most likely a rename.
        for candidate in removed {
            let sameType = added.filter { $0.type == candidate.type }
            guard sameType.count == 1, removed.filter({ $0.type == candidate.type }).count == 1, let renamed = sameType.first else { continue }
            add(.breaking, "\(owner).\(candidate.swiftName)",
                "\(noun) likely renamed to `\(renamed.swiftName)` (JSON `\(candidate.key)` → `\(renamed.key)`, both \(typeName(renamed.type)))")
            removed.removeAll { $0.key == candidate.key }
            added.removeAll { $0.key == renamed.key }
        }
        for property in removed {
            add(.breaking, "\(owner).\(property.swiftName)", "\(noun) removed")
        }
        for property in added {
            if property.required {
                let why = kind == .property ? "the initializer gains a parameter without a default" : "calls must pass it"
                add(.breaking, "\(owner).\(property.swiftName)", "required \(noun) added (\(typeName(property.type))): \(why)")
            } else {
                add(.additive, "\(owner).\(property.swiftName)", "optional \(noun) added (\(typeName(property.type)))")
            }
        }
        for before in old {
            guard let after = new.first(where: { $0.key == before.key }) else { continue }
            let subject = "\(owner).\(after.swiftName)"
            if before.type != after.type {
                add(.breaking, subject, "type changed from \(typeName(before.type)) to \(typeName(after.type))")
            }
            if !before.required, after.required {
                add(.breaking, subject, "made required")
            } else if before.required, !after.required {
                add(.breaking, subject, "made optional (its Swift type becomes optional)")
            }
            if before.defaultValue != after.defaultValue {
                // A parameter's default is the method's default argument: calls that omit it now send another value.
                add(kind == .parameter ? .breaking : .docsOnly, subject,
                    "default changed from \(valueText(before.defaultValue)) to \(valueText(after.defaultValue))")
            }
            if before.deprecated == nil, after.deprecated != nil {
                add(.additive, subject, "deprecated" + deprecationNote(after.deprecated))
            }
            if let old = before.inlineEnum, let new = after.inlineEnum {
                compareEnums(old, new, subject: subject, add: add)
            }
            if before.description != after.description {
                add(.docsOnly, subject, "description changed")
            }
        }
    }

    private static func compareEnums(_ old: EnumDecl, _ new: EnumDecl, subject: String, add: (Changelog.Impact, String, String) -> Void) {
        for value in old.cases where !new.cases.contains(where: { $0.rawValue == value.rawValue }) {
            add(.breaking, subject, "enum value `\(value.rawValue)` removed (`.\(value.swiftName)` no longer exists)")
        }
        for value in new.cases where !old.cases.contains(where: { $0.rawValue == value.rawValue }) {
            add(.additive, subject, "enum value `\(value.rawValue)` added (`.\(value.swiftName)`)")
        }
        for value in new.cases {
            guard let before = old.cases.first(where: { $0.rawValue == value.rawValue }) else { continue }
            if before.swiftName != value.swiftName {
                add(.breaking, subject, "enum value `\(value.rawValue)` renamed in Swift from `.\(before.swiftName)` to `.\(value.swiftName)`")
            }
        }
    }

    private static func deprecationNote(_ deprecation: Deprecation?) -> String {
        if case .replacedBy(let text)? = deprecation { return ": " + Escaping.markdown(text.resolved(.en)) }
        return ""
    }

    private static func typeText(_ name: String?) -> String {
        name.map { "`\($0)`" } ?? "none"
    }

    static func typeName(_ type: TypeRef) -> String {
        "`" + SwiftSyntax.typeName(type) + "`"
    }

    private static func valueText(_ value: Value?) -> String {
        value.map { "`" + Examples.compactJSON($0) + "`" } ?? "none"
    }
}

/// The API described by a set of spec files, or the diagnostics that stop it from being one.
public enum APIComparison {
    /// The changelog from `old` to `new`; the errors of either side when one of them is not a valid API.
    public static func changelog(old: [SpecSource], new: [SpecSource]) -> (Changelog?, [Diagnostic]) {
        let (before, oldDiagnostics) = Pipeline.validatedAPI(old)
        let (after, newDiagnostics) = Pipeline.validatedAPI(new)
        let errors = (oldDiagnostics + newDiagnostics).filter { $0.severity == .error }
        guard let before, let after, errors.isEmpty else { return (nil, errors) }
        return (APIDiff.compare(old: before, new: after), [])
    }
}
