// The contexts of the docs site's navigation: MkDocs' `nav` (docs/nav.yml, which mkdocs.yml inherits), and the
// sidebar tree of GenAuth's own docs site ({title, path, children}), so that the Swift pages can sit beside
// Java's, Node's and Go's there. Both come from the same modules, groups and pages as the indexes.

/// `site-nav.mustache`: `docs/nav.<lang>.yml`, the navigation of one language's site.
struct SiteNavContext: TemplateContext {
    let header: String
    /// `Home`, `首页`
    let homeTitle: String
    /// The hand-written pages of files without a module, after the home page.
    let topPages: [NavPage]
    let navModules: [NavModule]
    /// Pages of the site that no spec makes (the benchmarks, in English).
    let extraPages: [NavPage]
}

struct NavModule: TemplateContext {
    let navModuleTitle: String
    let navGroups: [NavGroup]
}

struct NavGroup: TemplateContext {
    let navGroupTitle: String
    let navPages: [NavPage]
}

struct NavPage: TemplateContext {
    let navPageTitle: String
    /// Relative to `docs/`.
    let navPagePath: String
}

/// `site-sidebar.mustache`: `docs/sidebar.<lang>.json`, in GenAuth's sidebar format.
struct SidebarContext: TemplateContext {
    /// A JSON string.
    let rootTitle: String
    let rootPath: String
    /// The hand-written pages of files without a module, before the modules.
    let topLeaves: [SidebarLeaf]
    let sidebarModules: [SidebarNode]
}

struct SidebarNode: TemplateContext {
    let nodeTitle: String
    let groups: [SidebarGroup]
    /// `,` after every node but the last.
    let separator: String
}

struct SidebarGroup: TemplateContext {
    let groupNodeTitle: String
    let leaves: [SidebarLeaf]
    let groupSeparator: String
}

struct SidebarLeaf: TemplateContext {
    let leafTitle: String
    let leafPath: String
    let leafSeparator: String
}

enum SiteContexts {
    /// Where GenAuth's docs site keeps an SDK's pages: `/reference/sdk/<language>/`, and `/en` before it in the
    /// English site (GenAuth's docs-v3 and genauth-docs).
    static func sidebarRoot(_ language: Language) -> String {
        (language == .en ? "/en" : "") + "/reference/sdk/swift/"
    }

    /// One entry of the docs' table of contents: a page's title, its path (from `docs/`), and the method it documents.
    struct Entry {
        var title: String
        var path: String
        var method: String?
    }

    /// The docs' table of contents in one language: the hand-written pages of files without a module first, then
    /// module → group → entries. Files that name the same module (or the same group of a module) add to it, in the
    /// order they first appear: `specs/protocols/oidc.yaml` adds its group to the module of `specs/authentication/`.
    /// In a group, a file's hand-written pages come before its endpoints.
    static func tree(api: APISet, language: Language, pages: [(Endpoint, String)])
        -> (top: [Entry], modules: [(module: String, groups: [(group: String, entries: [Entry])])])
    {
        var pagePaths: [String: String] = [:]
        for (endpoint, path) in pages { pagePaths[endpoint.specPath + "\u{0}" + endpoint.name] = path }
        var top: [Entry] = []
        var modules: [(module: String, groups: [(group: String, entries: [Entry])])] = []
        for file in api.parts.flatMap(\.files) {
            let guides = file.pages.filter { !$0.title.isMissing(language) }.map {
                Entry(title: $0.title.resolved(language), path: "\(language.rawValue)/\($0.path)", method: nil)
            }
            if file.module == nil, file.endpoints.isEmpty {
                top += guides
                continue
            }
            let entries = guides + file.endpoints.compactMap { endpoint -> Entry? in
                pagePaths[endpoint.specPath + "\u{0}" + endpoint.name].map {
                    Entry(
                        title: endpoint.summary.resolved(language), path: $0,
                        method: "\(endpoint.client.rawValue).\(endpoint.handwritten?.call ?? endpoint.name)")
                }
            }
            guard !entries.isEmpty else { continue }
            let module = file.module?.resolved(language) ?? file.client?.rawValue ?? ""
            let group = file.group?.resolved(language) ?? file.stem
            guard let moduleIndex = modules.firstIndex(where: { $0.module == module }) else {
                modules.append((module, [(group, entries)]))
                continue
            }
            if let groupIndex = modules[moduleIndex].groups.firstIndex(where: { $0.group == group }) {
                modules[moduleIndex].groups[groupIndex].entries += entries
            } else {
                modules[moduleIndex].groups.append((group, entries))
            }
        }
        return (top, modules)
    }

    static func nav(api: APISet, language: Language, pages: [(Endpoint, String)]) -> SiteNavContext {
        let contents = tree(api: api, language: language, pages: pages)
        func navPage(_ entry: Entry) -> NavPage {
            NavPage(navPageTitle: Escaping.jsonString(navTitle(entry.title)), navPagePath: Escaping.jsonString(local(entry.path, language: language)))
        }
        return SiteNavContext(
            header: "\(OutputNaming.yamlMarker) from the specs: the navigation of the \(language == .zh ? "Chinese" : "English") docs site, which site/mkdocs.\(language.rawValue).yml inherits.",
            homeTitle: Escaping.jsonString(language == .zh ? "首页" : "Home"),
            topPages: contents.top.map(navPage),
            navModules: contents.modules.map { module in
                NavModule(
                    navModuleTitle: Escaping.jsonString(navTitle(module.module)),
                    navGroups: module.groups.map { group in
                        NavGroup(navGroupTitle: Escaping.jsonString(navTitle(group.group)), navPages: group.entries.map(navPage))
                    })
            },
            extraPages: language == .en ? [
                NavPage(navPageTitle: Escaping.jsonString("Benchmarks"), navPagePath: Escaping.jsonString("benchmarks.md")),
                NavPage(navPageTitle: Escaping.jsonString("Changelog: authentication 2023"), navPagePath: Escaping.jsonString("changelog-authentication-2023.md")),
            ] : [])
    }

    static func sidebar(api: APISet, language: Language, pages: [(Endpoint, String)]) -> SidebarContext {
        let root = sidebarRoot(language)
        let contents = tree(api: api, language: language, pages: pages)
        func leaf(_ entry: Entry, last: Bool) -> SidebarLeaf {
            var path = local(entry.path, language: language)
            if path.hasSuffix(".md") { path.removeLast(3) }
            return SidebarLeaf(leafTitle: Escaping.jsonString(navTitle(entry.title)), leafPath: Escaping.jsonString(root + path), leafSeparator: last ? "" : ",")
        }
        let modules = contents.modules
        return SidebarContext(
            rootTitle: Escaping.jsonString("Swift"), rootPath: Escaping.jsonString(root),
            topLeaves: contents.top.enumerated().map { leaf($1, last: $0 == contents.top.count - 1 && modules.isEmpty) },
            sidebarModules: modules.enumerated().map { index, module in
                SidebarNode(
                    nodeTitle: Escaping.jsonString(navTitle(module.module)),
                    groups: module.groups.enumerated().map { groupIndex, group in
                        SidebarGroup(
                            groupNodeTitle: Escaping.jsonString(navTitle(group.group)),
                            leaves: group.entries.enumerated().map { leaf($1, last: $0 == group.entries.count - 1) },
                            groupSeparator: groupIndex == module.groups.count - 1 ? "" : ",")
                    },
                    separator: index == modules.count - 1 ? "" : ",")
            })
    }

    /// A page's path within its language's folder: `authentication/send-sms.md` for `en/authentication/send-sms.md`.
    private static func local(_ path: String, language: Language) -> String {
        let prefix = language.rawValue + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// A title on one line: navigation shows plain text.
    static func navTitle(_ text: String) -> String {
        Escaping.normalizedLines(text).map { $0.trimmingHorizontalWhitespace() }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
