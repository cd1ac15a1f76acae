/// Where a generated file belongs.
public enum OutputRole: String, CaseIterable, Sendable {
    /// The SDK's generated Swift (in `Sources`: `<Module>/Generated/…`).
    case sdk
    /// The Markdown docs (`docs`).
    case docs
    /// Generated test sources (in `Tests`: `<Module>Tests/Generated/…`): the docs' Swift samples, compiled, and
    /// the endpoint contract tests.
    case tests
}

/// One generated file, in memory.
public struct OutputFile: Sendable, Hashable {
    public var role: OutputRole
    /// Path inside the role's folder, `/`-separated.
    public var path: String
    public var contents: String

    public init(role: OutputRole, path: String, contents: String) {
        self.role = role
        self.path = path
        self.contents = contents
    }
}

/// The names of generated files. Each spec file decides the names of the files generated from it.
enum OutputNaming {
    /// `GenAuthAuthentication/Generated/MessageService/AuthenticationClient+MessageService.swift` for
    /// `authentication/message-service.yaml`, in the module of the spec file, beside its models (``modelFiles(of:)``).
    static func clientFileName(client: ClientName, specStem: String, module: String) -> String {
        let group = groupFolder(specStem: specStem)
        return "\(module)/Generated/\(group)/\(client.rawValue)+\(group).swift"
    }

    /// The folder of a spec file's generated Swift: its methods and its models, side by side. Keeping each spec
    /// file's code together spreads the heavy code (the models) over the module's files in path order, and the
    /// compiler's batch jobs take the module's files in path order, an equal number each: with every model in one
    /// `Models` folder, one batch job compiled nearly all of them while the others were done (a debug build of
    /// GenAuthAuthentication spent 11 s on one core; Benchmarks/notes.md).
    static func groupFolder(specStem: String) -> String {
        Naming.upperCamelCase(String(specStem.split(separator: "/").last ?? "")) ?? "Endpoints"
    }

    /// `GenAuthManagement/Generated/Modules.swift`: the re-exports of a client whose code is in modules of its own.
    static func exportsFile(_ client: ClientName) -> String { "\(client.moduleName)/Generated/Modules.swift" }

    /// How many types one models file holds at most. Few enough that a spec file's models are several files, which
    /// the batch jobs share (see ``groupFolder(specStem:)``), and that a changed file recompiles quickly;
    /// many enough that a module stays a few dozen files, compiled in a few batch jobs that each load the module's
    /// dependencies once (one file per type made the management module 34 jobs).
    static let typesPerModelFile = 10

    /// The models files of one client: each spec file's types in spec order, at most ``typesPerModelFile`` to a
    /// file, in the spec file's folder and named after it (`Users/Users.swift`, `Users/Users2.swift`; with its
    /// folder's name too when two spec files of the client share a name).
    static func modelFiles(of api: API) -> [(path: String, specPath: String, module: String, types: [TypeDecl])] {
        let files = api.files.filter { !$0.typeNames.isEmpty }
        func base(_ file: SpecFile) -> String { groupFolder(specStem: file.stem) }
        var counts: [String: Int] = [:]
        for file in files { counts[base(file), default: 0] += 1 }
        var result: [(path: String, specPath: String, module: String, types: [TypeDecl])] = []
        for file in files {
            let folder = base(file)
            var name = folder
            if counts[name, default: 0] > 1 {
                name = file.stem.split(separator: "/").map { Naming.upperCamelCase(String($0)) ?? "" }.joined()
            }
            let types = file.typeNames.compactMap { api.types[$0] }
            let module = api.client.module(of: file)
            for (index, start) in stride(from: 0, to: types.count, by: typesPerModelFile).enumerated() {
                let chunk = Array(types[start..<min(start + typesPerModelFile, types.count)])
                result.append((
                    "\(module)/Generated/\(folder)/\(name)\(index == 0 ? "" : String(index + 1)).swift",
                    file.path, module, chunk))
            }
        }
        return result
    }

    /// The folders of generated files in the SDK's sources and tests, besides every module's `Generated` folder: only
    /// they are scanned for generated files no spec produces any more.
    static func generatedFolders(role: OutputRole) -> [String] {
        switch role {
        case .sdk:
            // The DocC catalogs' topics; the `Generated` folder of every module of the SDK's sources is managed too
            // (Workspace.plan finds them), so that a module the specs no longer name keeps no generated file.
            return ClientName.allCases.map { "\($0.moduleName)/\($0.moduleName).docc/Generated" }
        case .tests: return ClientName.allCases.map { "\($0.testsTarget)/Generated" }
        case .docs: return [""]
        }
    }

    /// GenAuth's documented error codes, in the runtime every client module imports.
    static let errorCodesSwift = "GenAuthCore/Generated/ErrorCodeTables.swift"

    /// `en/guides/error-codes.md`: the page the endpoints' `apiCode` descriptions link to.
    static func errorCodesPage(language: Language) -> String {
        "\(language.rawValue)/guides/error-codes.md"
    }

    /// `en/authentication/message-service/send-sms.md`
    static func docPage(language: Language, specStem: String, endpoint: String) -> String {
        "\(language.rawValue)/\(specStem)/\(Naming.kebabCase(endpoint)).md"
    }

    static func docIndex(language: Language) -> String {
        "\(language.rawValue)/index.md"
    }

    /// The navigation of one language's docs site, which `site/mkdocs.<lang>.yml` inherits.
    static func siteNavigation(language: Language) -> String {
        "nav.\(language.rawValue).yml"
    }

    /// The pages of one language in the sidebar format of GenAuth's own docs site.
    static func sidebar(language: Language) -> String {
        "sidebar.\(language.rawValue).json"
    }

    /// `GenAuthManagement/GenAuthManagement.docc/Generated/ManagementClient.md`: the topics of the client's DocC
    /// page.
    static func doccTopics(_ client: ClientName) -> String {
        "\(client.moduleName)/\(client.moduleName).docc/Generated/\(client.rawValue).md"
    }

    /// The doc pages' samples of a client, under `Tests/` but in no target: the tests type-check them against the
    /// built module (DocSamplesTests) rather than compile them into a test binary, which cost a minute of every build.
    static func samplesFile(_ client: ClientName) -> String { "DocSamples/\(client.moduleName).swift" }
    static func contractTestsFile(_ client: ClientName) -> String { "\(client.testsTarget)/Generated/EndpointContractTests.swift" }

    /// The first line of every generated file starts with one of these; only such files are ever removed.
    static let swiftMarker = "// Generated by genauth-codegen"
    static let markdownMarker = "<!-- Generated by genauth-codegen"
    static let yamlMarker = "# Generated by genauth-codegen"

    /// `../message-service/send-email.md`: the link from one doc page to another.
    static func relativeLink(from: String, to: String) -> String {
        var fromParts = from.split(separator: "/").dropLast().map(String.init)
        var toParts = to.split(separator: "/").map(String.init)
        while let first = fromParts.first, first == toParts.first, toParts.count > 1 {
            fromParts.removeFirst()
            toParts.removeFirst()
        }
        return (Array(repeating: "..", count: fromParts.count) + toParts).joined(separator: "/")
    }
}
