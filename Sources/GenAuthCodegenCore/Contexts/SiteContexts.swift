// The contexts of the docs site's navigation: MkDocs' `nav` (docs/nav.yml, which mkdocs.yml inherits), and the
// sidebar tree of GenAuth's own docs site ({title, path, children}), so that the Swift pages can sit beside
// Java's, Node's and Go's there. Both come from the same modules, groups and pages as the indexes.

/// `site-nav.mustache`: `docs/nav.<lang>.yml`, the navigation of one language's site.
struct SiteNavContext: TemplateContext {
    let header: String
    /// `Home`, `首页`
    let homeTitle: String
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

    /// The pages of one language grouped as the index groups them: module → group → pages.
    static func tree(api: APISet, language: Language, pages: [(Endpoint, String)]) -> [(module: String, groups: [(group: String, pages: [(title: String, path: String)])])] {
        var pagePaths: [String: String] = [:]
        for (endpoint, path) in pages { pagePaths[endpoint.specPath + "\u{0}" + endpoint.name] = path }
        var modules: [(module: String, groups: [(group: String, pages: [(title: String, path: String)])])] = []
        for file in api.parts.flatMap(\.files) {
            let entries = file.endpoints.compactMap { endpoint -> (title: String, path: String)? in
                pagePaths[endpoint.specPath + "\u{0}" + endpoint.name].map { (endpoint.summary.resolved(language), $0) }
            }
            guard !entries.isEmpty else { continue }
            let module = file.module?.resolved(language) ?? file.client?.rawValue ?? ""
            let group = (group: file.group?.resolved(language) ?? file.stem, pages: entries)
            if let last = modules.last, last.module == module {
                modules[modules.count - 1].groups.append(group)
            } else {
                modules.append((module, [group]))
            }
        }
        return modules
    }

    static func nav(api: APISet, language: Language, pages: [(Endpoint, String)]) -> SiteNavContext {
        return SiteNavContext(
            header: "\(OutputNaming.yamlMarker) from the specs: the navigation of the \(language == .zh ? "Chinese" : "English") docs site, which site/mkdocs.\(language.rawValue).yml inherits.",
            homeTitle: Escaping.jsonString(language == .zh ? "首页" : "Home"),
            navModules: tree(api: api, language: language, pages: pages).map { module in
                NavModule(
                    navModuleTitle: Escaping.jsonString(navTitle(module.module)),
                    navGroups: module.groups.map { group in
                        NavGroup(
                            navGroupTitle: Escaping.jsonString(navTitle(group.group)),
                            navPages: group.pages.map {
                                NavPage(navPageTitle: Escaping.jsonString(navTitle($0.title)), navPagePath: Escaping.jsonString(local($0.path, language: language)))
                            })
                    })
            },
            extraPages: language == .en ? [
                NavPage(navPageTitle: Escaping.jsonString("Benchmarks"), navPagePath: Escaping.jsonString("benchmarks.md")),
                NavPage(navPageTitle: Escaping.jsonString("Changelog: authentication 2023"), navPagePath: Escaping.jsonString("changelog-authentication-2023.md")),
            ] : [])
    }

    static func sidebar(api: APISet, language: Language, pages: [(Endpoint, String)]) -> SidebarContext {
        let root = sidebarRoot(language)
        let modules = tree(api: api, language: language, pages: pages)
        func leaf(_ page: (title: String, path: String), last: Bool) -> SidebarLeaf {
            var path = local(page.path, language: language)
            if path.hasSuffix(".md") { path.removeLast(3) }
            return SidebarLeaf(leafTitle: Escaping.jsonString(navTitle(page.title)), leafPath: Escaping.jsonString(root + path), leafSeparator: last ? "" : ",")
        }
        return SidebarContext(
            rootTitle: Escaping.jsonString("Swift"), rootPath: Escaping.jsonString(root),
            sidebarModules: modules.enumerated().map { index, module in
                SidebarNode(
                    nodeTitle: Escaping.jsonString(navTitle(module.module)),
                    groups: module.groups.enumerated().map { groupIndex, group in
                        SidebarGroup(
                            groupNodeTitle: Escaping.jsonString(navTitle(group.group)),
                            leaves: group.pages.enumerated().map { leaf($1, last: $0 == group.pages.count - 1) },
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
