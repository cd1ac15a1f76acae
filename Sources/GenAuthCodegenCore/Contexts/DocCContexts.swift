// The context of the DocC reference's topics: each client's page lists its methods under the API groups of its
// spec files, as the doc index does, instead of one alphabetical list of hundreds of methods.

/// `docc-topics.mustache`: `<Module>/<Module>.docc/Generated/<Client>.md`, a documentation extension of the
/// client class that holds only its topics.
struct DocCTopicsContext: TemplateContext {
    let header: String
    /// `GenAuthManagement/ManagementClient`
    let symbolPath: String
    let topicGroups: [DocCTopicGroup]
}

struct DocCTopicGroup: TemplateContext {
    /// The group's English name, one line, as DocC Markdown.
    let topicTitle: String
    /// ``sendSms(_:)``, and a paginated list's companion after it.
    let symbolLinks: [String]
}

enum DocCContexts {
    static func topics(_ api: API, specsFolder: String) -> DocCTopicsContext {
        var groups: [(title: String, links: [String])] = []
        for file in api.files where !file.generatedEndpoints.isEmpty {
            let title = MarkdownRendering.docPlain(SiteContexts.navTitle(file.group?.resolved(.en) ?? file.stem))
            let links = file.generatedEndpoints.flatMap { endpoint -> [String] in
                let names = SwiftContexts.parameterNames(endpoint)
                let method = "``\(Pagination.symbol(endpoint.name, labels: names))``"
                guard let pagination = Pagination.of(endpoint, api: api) else { return [method] }
                return [method, "``\(pagination.companionSymbol(for: endpoint, parameterNames: names))``"]
            }
            if let index = groups.firstIndex(where: { $0.title == title }) {
                groups[index].links += links
            } else {
                groups.append((title, links))
            }
        }
        return DocCTopicsContext(
            header: "\(OutputNaming.markdownMarker) from the \(api.client.rawValue) specs in \(specsFolder): the topics of its DocC page."
                + " Do not edit: change the specs and regenerate. -->",
            symbolPath: "\(api.client.moduleName)/\(api.client.rawValue)",
            topicGroups: groups.map { DocCTopicGroup(topicTitle: $0.title, symbolLinks: $0.links) })
    }
}
