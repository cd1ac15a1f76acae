import Dispatch

/// Builds every context and renders it: the API model in, the generated files out.
struct OutputRenderer {
    let api: APISet
    let templates: TemplateSet
    let specsFolder: String
    /// Names the templates use that their contexts do not have, with the tags' positions.
    private(set) var diagnostics: [Diagnostic] = []

    init(api: APISet, templates: TemplateSet, specsFolder: String) {
        self.api = api
        self.templates = templates
        self.specsFolder = specsFolder
    }

    /// One file to render: its place, its template, and what builds its context (run on any thread).
    struct Job: @unchecked Sendable {
        var role: OutputRole
        var path: String
        var template: String
        var context: @Sendable () -> any TemplateContext
    }

    mutating func render() -> [OutputFile] {
        // The test files hold every endpoint and are by far the largest: start them first, so that the
        // other cores are not left idle waiting for them at the end.
        let jobs = makeJobs().sorted { ($0.role == .tests ? 0 : 1) < ($1.role == .tests ? 0 : 1) }
        Timings.mark("plan files")
        let templates = self.templates
        // Building contexts and rendering, most of the work, run on every core. Every file is rendered
        // strictly: a name its context lacks is reported (once per tag), whichever file shows it.
        let rendered = Pipeline.concurrentMap(jobs) { job in
            let (output, problems) = templates.render(job.template, TemplateValue.prepare(job.context()))
            return (Self.tidy(consume output), problems)
        }
        Timings.mark("build contexts and render")
        var reported = Set<Diagnostic>()
        diagnostics = rendered.flatMap(\.1).filter { reported.insert($0).inserted }.sortedBySource()
        return zip(jobs, rendered).map { OutputFile(role: $0.role, path: $0.path, contents: $1.0) }
            .sorted { $0.role != $1.role ? $0.role.rawValue < $1.role.rawValue : $0.path < $1.path }
    }

    /// Every file to render, with what builds its context (internal: the engine tests render them with swift-mustache too).
    func makeJobs() -> [Job] {
        var outputs: [Job] = []
        var pagesByLanguage: [Language: [(Endpoint, String)]] = [:]
        for part in api.parts {
            let (jobs, pages) = makeJobs(for: part)
            outputs += jobs
            for (language, list) in pages { pagesByLanguage[language, default: []] += list }
        }
        let (api, specsFolder) = (self.api, self.specsFolder)
        for language in api.languages {
            guard let pages = pagesByLanguage[language], !pages.isEmpty else { continue }
            outputs.append(file(.docs, OutputNaming.docIndex(language: language), template: "doc-index") {
                DocContexts.index(api: api, language: language, pages: pages, specsFolder: specsFolder)
            })
            outputs.append(file(.docs, OutputNaming.sidebar(language: language), template: "site-sidebar") {
                SiteContexts.sidebar(api: api, language: language, pages: pages)
            })
            outputs.append(file(.docs, OutputNaming.siteNavigation(language: language), template: "site-nav") {
                SiteContexts.nav(api: api, language: language, pages: pages)
            })
        }
        if let catalogue = api.errorCodes {
            outputs.append(file(.sdk, OutputNaming.errorCodesSwift, template: "swift-error-codes") {
                ErrorCodeContexts.swift(catalogue, specsFolder: specsFolder)
            })
            for language in api.languages {
                outputs.append(file(.docs, OutputNaming.errorCodesPage(language: language), template: "doc-error-codes") {
                    ErrorCodeContexts.page(catalogue, language: language, specsFolder: specsFolder)
                })
            }
        }
        return outputs
    }

    /// The files of one client: its module's Swift, its doc pages, its test target's generated tests.
    private func makeJobs(for api: API) -> (jobs: [Job], pages: [Language: [(Endpoint, String)]]) {
        var outputs: [Job] = []
        let specsFolder = self.specsFolder
        for (path, specPath, module, types) in OutputNaming.modelFiles(of: api) {
            let types = UncheckedSendable(types)
            let imports = SwiftContexts.moduleImports(module, client: api.client)
            outputs.append(file(.sdk, path, template: "swift-model") {
                SwiftContexts.modelFile(types.value, specPath: specPath, specsFolder: specsFolder, moduleImports: imports)
            })
        }
        if api.client.moduleName != api.client.homeModule {
            let modules = api.modules
            outputs.append(file(.sdk, OutputNaming.exportsFile(api.client), template: "swift-exports") {
                SwiftContexts.exportsFile(modules, client: api.client, specsFolder: specsFolder)
            })
        }
        if api.endpoints.contains(where: { $0.client == api.client && $0.handwritten == nil }) {
            outputs.append(file(.sdk, OutputNaming.doccTopics(api.client), template: "docc-topics") {
                DocCContexts.topics(api, specsFolder: specsFolder)
            })
        }
        for file in api.files where !file.generatedEndpoints.isEmpty {
            guard let client = file.client else { continue }
            let module = client.module(of: file)
            let path = OutputNaming.clientFileName(client: client, specStem: file.stem, module: module)
            let imports = SwiftContexts.moduleImports(module, client: client)
            outputs.append(self.file(.sdk, path, template: "swift-client") {
                SwiftContexts.clientFile(file, client: client, api: api, specsFolder: specsFolder, moduleImports: imports)
            })
        }

        // Example calls and samples are built on every core: each takes one endpoint's types apart.
        let endpoints = api.files.flatMap { file in file.endpoints }
        let exampleCalls = Pipeline.concurrentMap(endpoints) { ExampleCall($0, api: api) }
        let calls = Dictionary(zip(endpoints.map(ExampleCall.key), exampleCalls), uniquingKeysWith: { first, _ in first })
        // The pages' samples: the same values, fewer optional fields.
        let conciseCalls = Dictionary(
            zip(endpoints.map(ExampleCall.key), Pipeline.concurrentMap(endpoints) { ExampleCall($0, api: api, concise: true) }),
            uniquingKeysWith: { first, _ in first })
        var samples: [SampleFunctionContext] = []
        var sampleImports = Set<String>()
        var pagesByLanguage: [Language: [(Endpoint, String)]] = [:]
        for language in api.languages {
            // A page in a language exists where the endpoint's summary is written in it (or in no particular
            // language); other texts of the page fall back to the other language.
            let built = Pipeline.concurrentMap(endpoints.filter { !$0.summary.isMissing(language) }) { endpoint in
                let path = OutputNaming.docPage(language: language, specStem: Self.specStem(endpoint), endpoint: endpoint.name)
                let sample = SampleCode.build(
                    for: endpoint, call: conciseCalls[ExampleCall.key(endpoint)]!, language: language,
                    pagination: Pagination.of(endpoint, api: api))
                let function = SampleFunctionContext(
                    docPage: "docs/\(path)",
                    functionName: "\(Naming.lowerCamelCase(endpoint.client.rawValue) ?? "client")\(Naming.upperCamelCase(endpoint.name) ?? "")Sample\(language.rawValue.uppercased())",
                    availability: endpoint.deprecated == nil ? nil : "@available(*, deprecated)",
                    bodyLines: sample.body.map { $0.isEmpty ? "" : "    " + $0 })
                return (page: (endpoint, path), sample: sample, function: function)
            }
            let pages = built.map(\.page)
            pagesByLanguage[language] = pages
            for (index, ((endpoint, path), sample, function)) in built.enumerated() {
                sampleImports.formUnion(sample.imports)
                samples.append(function)
                let previous = index > 0 ? pages[index - 1] : nil
                let next = index + 1 < pages.count ? pages[index + 1] : nil
                outputs.append(file(.docs, path, template: "doc-page") {
                    DocContexts.page(
                        endpoint, api: api, language: language, sample: sample, previous: previous, next: next,
                        pagePath: path, specsFolder: specsFolder)
                })
            }
        }
        guard !endpoints.isEmpty else { return (outputs, pagesByLanguage) }

        let samplesContext = SamplesFileContext(
            header: [
                "\(OutputNaming.swiftMarker) from the doc pages' samples (\(specsFolder)/).",
                "// Do not edit: change the spec and run `swift run genauth-codegen generate`.",
                "// Each function is one doc page's Swift sample; the tests type-check this file against the SDK.",
            ],
            imports: sampleImports.sorted(),
            samples: samples)
        outputs.append(file(.tests, OutputNaming.samplesFile(api.client), template: "swift-samples", samplesContext))
        outputs.append(file(.tests, OutputNaming.contractTestsFile(api.client), template: "swift-contract-tests") {
            ContractTests.file(api: api, calls: calls, specsFolder: specsFolder)
        })
        return (outputs, pagesByLanguage)
    }

    private static func specStem(_ endpoint: Endpoint) -> String {
        let path = endpoint.specPath
        return path.hasSuffix(".yaml") ? String(path.dropLast(5)) : path
    }

    private func file(_ role: OutputRole, _ path: String, template: String, _ context: any TemplateContext) -> Job {
        let built = UncheckedSendable(context)
        return Job(role: role, path: path, template: template, context: { built.value })
    }

    /// A job whose context is built when (and where) it is rendered.
    private func file(_ role: OutputRole, _ path: String, template: String, building: @escaping @Sendable () -> any TemplateContext) -> Job {
        Job(role: role, path: path, template: template, context: building)
    }

    /// No trailing whitespace on any line, exactly one newline at the end. Done in place: the text only
    /// ever gets shorter, except for a final newline.
    static func tidy(_ bytes: consuming [UInt8]) -> String {
        bytes.append(0)  // room for the final newline
        // Unsafe to edit in place without bounds checks (every generated file passes here); safe: reads stay below
        // `buffer.count - 1` and every write goes to an index at or before the one being read.
        let count = bytes.withUnsafeMutableBufferPointer { buffer in
            var count = 0
            var lineEnd = 0  // just past the last byte of the current line that is not a space or tab
            for index in 0..<(buffer.count - 1) {
                let byte = buffer[index]
                switch byte {
                case UInt8(ascii: "\n"):
                    count = lineEnd
                    buffer[count] = byte
                    count += 1
                    lineEnd = count
                case UInt8(ascii: " "), UInt8(ascii: "\t"):
                    buffer[count] = byte
                    count += 1
                default:
                    buffer[count] = byte
                    count += 1
                    lineEnd = count
                }
            }
            count = lineEnd
            while count > 0 && buffer[count - 1] == UInt8(ascii: "\n") { count -= 1 }
            buffer[count] = UInt8(ascii: "\n")
            return count + 1
        }
        return String(decoding: bytes[..<count], as: UTF8.self)
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
