// The contexts of the Markdown templates. Every string is final Markdown: spec text is escaped so that it
// renders literally and cannot break a table, a heading or a code block.

/// `doc-page.mustache`: one endpoint in one language.
struct DocPageContext: TemplateContext {
    let header: String
    let labels: DocLabels
    let title: String
    let descriptionText: String?
    /// "Deprecated: …" when the endpoint is.
    let deprecationNote: String?
    let authNote: String?
    /// For a paginated list: how to iterate every item with its `<name>Items` companion.
    let paginationNote: String?
    /// `` `AuthenticationClient.sendSms` ``
    let methodName: String
    /// `` `POST /api/v3/send-sms` ``
    let httpRequest: String
    /// How the method reports failures, under the response.
    let failureNote: String
    let requestRows: [DocParameterRow]
    let hasRequestRows: Bool
    let sampleFence: String
    /// The sample, ending in a newline.
    let sampleCode: String
    /// `` `SendSMSRespDto` ``
    let responseType: String
    let responseRows: [DocParameterRow]
    let exampleFence: String
    let exampleJSON: String
    let dataStructures: [DocDataStructure]
    let hasDataStructures: Bool
    let navigation: String?
}

struct DocParameterRow: TemplateContext {
    let name: String
    let type: String
    let required: String
    let defaultValue: String
    let description: String
    let example: String
}

struct DocDataStructure: TemplateContext {
    let structureName: String
    /// "GenAuth's API document calls this type `Result`." where the spec renames it.
    let originalNameNote: String?
    let structureDescription: String?
    let isEnum: Bool
    let fieldRows: [DocParameterRow]
    let valueRows: [DocEnumRow]
}

struct DocEnumRow: TemplateContext {
    let enumValue: String
    let enumDescription: String
}

/// `doc-index.mustache`: the table of contents of one language.
struct DocIndexContext: TemplateContext {
    let header: String
    let labels: DocLabels
    /// The hand-written pages of files without a module.
    let topEntries: [DocIndexEntry]
    let hasTopEntries: Bool
    let modules: [DocIndexModule]
}

struct DocIndexModule: TemplateContext {
    let moduleTitle: String
    let groups: [DocIndexGroup]
}

struct DocIndexGroup: TemplateContext {
    let groupTitle: String
    let entries: [DocIndexEntry]
}

struct DocIndexEntry: TemplateContext {
    let entryTitle: String
    let link: String
    /// The method a page documents; nil for a hand-written page.
    let entryMethod: String?
}

enum DocContexts {
    static func header(for specPaths: [String], specsFolder: String) -> String {
        let sources = specPaths.map { "\(specsFolder)/\($0)" }.joined(separator: ", ")
        return "\(OutputNaming.markdownMarker) from \(sources). Do not edit: change the spec and regenerate. -->"
    }

    static func page(
        _ endpoint: Endpoint, api: API, language: Language, sample: SampleCode,
        previous: (Endpoint, String)?, next: (Endpoint, String)?, pagePath: String, specsFolder: String
    ) -> DocPageContext {
        let labels = DocLabels.of(language)
        let md = { (text: Text?) in Escaping.markdown(text?.resolved(language) ?? "") }

        var requestRows: [DocParameterRow]
        if let handwritten = endpoint.handwritten {
            // The hand-written method's own parameters; what goes on the wire is in the data structures.
            requestRows = handwritten.parameters.map { row($0, owner: endpoint.client.rawValue, api: api, language: language) }
        } else {
            requestRows = (endpoint.pathParams + endpoint.query).map {
                row($0, owner: endpoint.client.rawValue, api: api, language: language, inURL: true)
            }
            if let request = endpoint.request {
                requestRows += (api.types[request]?.properties ?? []).map { row($0, owner: request, api: api, language: language) }
            }
        }
        let responseRows = (api.types[endpoint.response]?.properties ?? []).map { row($0, owner: endpoint.response, api: api, language: language) }

        var roots = endpoint.pathParams + endpoint.query + (endpoint.handwritten?.parameters ?? [])
        if let request = endpoint.request {
            // A hand-written method's wire body is a structure of its own on the page, after the parameters.
            if endpoint.handwritten != nil, let type = api.types[request] {
                roots += [Property(key: request, swiftName: request, type: .named(type.name), required: true)]
            } else {
                roots += api.types[request]?.properties ?? []
            }
        }
        roots += api.types[endpoint.response]?.properties ?? []
        let structures = reachableTypes(from: roots, api: api).map { structure($0, api: api, language: language) }

        let exampleJSON = Examples.json(Examples.response(of: endpoint, api: api)) + "\n"

        var navigation: [String] = []
        if let (other, path) = previous {
            navigation.append("\(labels.previousArticle): [\(Escaping.markdown(other.summary.resolved(language)))](\(OutputNaming.relativeLink(from: pagePath, to: path)))")
        }
        if let (other, path) = next {
            navigation.append("\(labels.nextArticle): [\(Escaping.markdown(other.summary.resolved(language)))](\(OutputNaming.relativeLink(from: pagePath, to: path)))")
        }

        let deprecationNote: String? = endpoint.deprecated.map { deprecation in
            switch deprecation {
            case .deprecated: return "**\(labels.deprecated).**"
            case .replacedBy(let text): return "**\(labels.deprecated):** \(MarkdownRendering.cell(text.resolved(language)))"
            }
        }
        let description = endpoint.description.map { MarkdownRendering.page($0.resolved(language)) }

        return DocPageContext(
            header: header(for: [endpoint.specPath], specsFolder: specsFolder),
            labels: labels,
            title: md(endpoint.summary),
            descriptionText: description?.isEmpty == false ? description : nil,
            deprecationNote: deprecationNote,
            authNote: endpoint.auth == .accessToken ? labels.needsAccessToken : endpoint.auth == .accessKey ? labels.usesAccessKey : nil,
            paginationNote: Pagination.of(endpoint, api: api).map { _ in
                "\(labels.everyItem) \(Escaping.codeSpan("\(endpoint.client.rawValue).\(endpoint.name)\(Pagination.companionSuffix)"))\(labels.everyItemTail)"
            },
            methodName: Escaping.codeSpan("\(endpoint.client.rawValue).\(endpoint.handwritten?.call ?? endpoint.name)"),
            httpRequest: Escaping.codeSpan("\(endpoint.method.rawValue) \(endpoint.path)"),
            failureNote: endpoint.path.hasPrefix("/oidc/") || endpoint.path.hasPrefix("/oauth/") ? labels.oauthFailureNote : labels.failureNote,
            requestRows: requestRows, hasRequestRows: !requestRows.isEmpty,
            sampleFence: Escaping.codeFence(for: sample.code), sampleCode: sample.code,
            responseType: Escaping.codeSpan(endpoint.response),
            responseRows: responseRows,
            exampleFence: Escaping.codeFence(for: exampleJSON), exampleJSON: exampleJSON,
            dataStructures: structures, hasDataStructures: !structures.isEmpty,
            navigation: navigation.isEmpty ? nil : navigation.joined(separator: " · "))
    }

    static func index(api: APISet, language: Language, pages: [(Endpoint, String)], specsFolder: String) -> DocIndexContext {
        let contents = SiteContexts.tree(api: api, language: language, pages: pages)
        func entry(_ entry: SiteContexts.Entry) -> DocIndexEntry {
            DocIndexEntry(
                entryTitle: Escaping.markdown(entry.title),
                link: OutputNaming.relativeLink(from: OutputNaming.docIndex(language: language), to: entry.path),
                entryMethod: entry.method.map { Escaping.codeSpan($0) })
        }
        let files = api.parts.flatMap(\.files)
        return DocIndexContext(
            header: header(for: files.filter { !$0.endpoints.isEmpty || !$0.pages.isEmpty }.map(\.path), specsFolder: specsFolder),
            labels: DocLabels.of(language),
            topEntries: contents.top.map(entry), hasTopEntries: !contents.top.isEmpty,
            modules: contents.modules.map { module in
                DocIndexModule(
                    moduleTitle: Escaping.markdown(module.module),
                    groups: module.groups.map { DocIndexGroup(groupTitle: Escaping.markdown($0.group), entries: $0.entries.map(entry)) })
            })
    }

    // MARK: - Rows

    static func row(_ property: Property, owner: String, api: API, language: Language, inURL: Bool = false) -> DocParameterRow {
        let labels = DocLabels.of(language)
        var text = property.description?.resolved(language) ?? ""
        if property.inlineEnum != nil { text = announcementLast(text) }
        var description = MarkdownRendering.cell(text)
        if inURL, case .array = property.type {
            // GenAuth's server reads a list in a URL comma-separated, as its document's own samples send it.
            description += (description.isEmpty ? "" : "<br>") + labels.commaSeparated
        }
        if let deprecation = property.deprecated {
            var note = "**\(labels.deprecated)**"
            if case .replacedBy(let text) = deprecation { note += ": " + MarkdownRendering.cell(text.resolved(language)) }
            description = description.isEmpty ? note : note + "<br>" + description
        }
        if let union = property.inlineUnion {
            let alternatives = union.cases.map { alternative -> String in
                let text = alternative.description.map { MarkdownRendering.cell($0.resolved(language)) } ?? ""
                return "- " + Escaping.codeSpan(alternative.key) + " (" + typeName(alternative.type, api: api) + ")" + (text.isEmpty ? "" : ": " + text)
            }
            description += (description.isEmpty ? "" : "<br>") + labels.oneOf + "<br>" + alternatives.joined(separator: "<br>")
        }
        if let decl = property.inlineEnum {
            let values = decl.cases.map { value -> String in
                let text = value.description.map { MarkdownRendering.cell($0.resolved(language)) } ?? ""
                return "- " + Escaping.codeSpan(value.rawValue) + (text.isEmpty ? "" : ": " + text)
            }
            description += (description.isEmpty ? "" : "<br>") + values.joined(separator: "<br>")
        }
        return DocParameterRow(
            name: Escaping.codeSpan(property.key),
            type: typeName(property.type, api: api),
            required: property.required ? labels.yes : labels.no,
            defaultValue: property.defaultValue.map { valueText($0) } ?? "-",
            description: description.isEmpty ? "-" : description,
            example: ExampleCall.sensibleExample(property).map { valueText($0) } ?? "-")
    }

    /// A description whose line announcing the values (`… optional values are:`, as GenAuth's document has it once
    /// the list under it became the enum's) is moved last, right above the enum's values the row lists after it.
    static func announcementLast(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.lastIndex(where: { OpenAPIImporter.announcesList($0.trimmingCharacters(in: .whitespaces)) }),
              index < lines.count - 1
        else { return text }
        let line = lines.remove(at: index)
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return (lines + [line]).joined(separator: "\n")
    }

    /// How the docs name a type: `string`, `integer`, `[UserDto](#userdto)[]`, `map<string, integer>`.
    static func typeName(_ type: TypeRef, api: API) -> String {
        switch type {
        case .string, .inlineEnum: return "string"
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "boolean"
        case .dateTime: return "date-time"
        case .json: return "json"
        case .named(let name): return "[\(name)](#\(name.lowercased()))"
        case .array(let element): return typeName(element, api: api) + "[]"
        case .map(let value): return "map&lt;string, \(typeName(value, api: api))&gt;"
        case .inlineUnion(let qualified):
            // One of several: the alternatives' types, the pipe escaped for the table.
            return (api.unions[qualified]?.cases ?? []).map { typeName($0.type, api: api) }.joined(separator: " \\| ")
        }
    }

    static func valueText(_ value: Value) -> String {
        if case .string(let text) = value { return Escaping.codeSpan(text) }
        return Escaping.codeSpan(Examples.compactJSON(value))
    }

    /// Named types reachable from the properties `roots`, breadth first, each once.
    static func reachableTypes(from roots: [Property], api: API) -> [TypeDecl] {
        var queue = roots.flatMap(\.referencedNames)
        var seen = Set<String>()
        var result: [TypeDecl] = []
        while !queue.isEmpty {
            let name = queue.removeFirst()
            guard seen.insert(name).inserted, let type = api.types[name] else { continue }
            result.append(type)
            queue += type.properties.flatMap(\.referencedNames)
        }
        return result
    }

    static func structure(_ type: TypeDecl, api: API, language: Language) -> DocDataStructure {
        let description = type.description.map { MarkdownRendering.page($0.resolved(language)) }
        let labels = DocLabels.of(language)
        let originalNameNote = type.originalName.map { "\(labels.originalName) \(Escaping.codeSpan($0))\(language == .zh ? "。" : ".")" }
        switch type.kind {
        case .object(let properties):
            return DocDataStructure(
                structureName: type.name, originalNameNote: originalNameNote, structureDescription: description, isEnum: false,
                fieldRows: properties.map { row($0, owner: type.name, api: api, language: language) }, valueRows: [])
        case .enumeration(let decl):
            return DocDataStructure(
                structureName: type.name, originalNameNote: originalNameNote, structureDescription: description, isEnum: true, fieldRows: [],
                valueRows: decl.cases.map { value in
                    let text = value.description.map { MarkdownRendering.cell($0.resolved(language)) } ?? ""
                    return DocEnumRow(enumValue: Escaping.codeSpan(value.rawValue), enumDescription: text.isEmpty ? "-" : text)
                })
        }
    }
}
