import Dispatch

/// Builds every context and renders it: the API model in, the generated files out.
struct OutputRenderer {
    let api: API
    let templates: TemplateSet
    let specsFolder: String
    private var checker: TemplateChecker

    var diagnostics: [Diagnostic] { checker.diagnostics }

    init(api: API, templates: TemplateSet, specsFolder: String) {
        self.api = api
        self.templates = templates
        self.specsFolder = specsFolder
        self.checker = TemplateChecker(sources: templates.sources)
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
        // Contexts are checked in order, and only until the checker has learnt each template (see
        // TemplateChecker); building contexts and rendering, most of the work, run on every core.
        for job in jobs where checker.needsCheck(job.template) {
            checker.check(job.template, ContextNode.prepare(job.context()))
        }
        let templates = self.templates
        var rendered = [String](repeating: "", count: jobs.count)
        rendered.withUnsafeMutableBufferPointer { buffer in
            let results = UnsafeSendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
                let job = jobs[index]
                results.buffer[index] = Self.tidy(templates.render(job.template, ContextNode.prepare(job.context())))
            }
        }
        return zip(jobs, rendered).map { OutputFile(role: $0.role, path: $0.path, contents: $1) }
            .sorted { ($0.role.rawValue, $0.path) < ($1.role.rawValue, $1.path) }
    }

    private mutating func makeJobs() -> [Job] {
        var outputs: [Job] = []

        for type in api.sortedTypes {
            var context = SwiftContexts.modelFile(type, api: api, specsFolder: specsFolder)
            let nested = nestedEnums(context.object?.nestedEnums ?? [])
            context.object?.nestedEnumsSource = nested
            outputs.append(file(.sdk, OutputNaming.modelFileName(type.name), template: "swift-model", context))
        }
        for file in api.files where !file.endpoints.isEmpty {
            guard let client = file.client else { continue }
            var context = SwiftContexts.clientFile(file, client: client, api: api, specsFolder: specsFolder)
            context.parameterEnumsSource = nestedEnums(context.parameterEnums)
            outputs.append(self.file(.sdk, OutputNaming.clientFileName(client: client, specStem: file.stem), template: "swift-client", context))
        }

        let endpoints = api.files.flatMap { file in file.endpoints }
        var calls: [String: ExampleCall] = [:]
        for endpoint in endpoints { calls[ExampleCall.key(endpoint)] = ExampleCall(endpoint, api: api) }
        var samples: [SampleFunctionContext] = []
        var sampleImports = Set<String>()
        for language in api.languages {
            // A page in a language exists where the endpoint's summary is written in it (or in no particular
            // language); other texts of the page fall back to the other language.
            let pages = endpoints.filter { !$0.summary.isMissing(language) }.map { endpoint in
                (endpoint, OutputNaming.docPage(language: language, specStem: specStem(endpoint), endpoint: endpoint.name))
            }
            for (index, (endpoint, path)) in pages.enumerated() {
                let sample = SampleCode.build(for: endpoint, call: calls[ExampleCall.key(endpoint)]!, language: language)
                sampleImports.formUnion(sample.imports)
                samples.append(SampleFunctionContext(
                    docPage: "docs/\(path)",
                    functionName: "\(Naming.lowerCamelCase(endpoint.client.rawValue) ?? "client")\(Naming.upperCamelCase(endpoint.name) ?? "")Sample\(language.rawValue.uppercased())",
                    availability: endpoint.deprecated == nil ? nil : "@available(*, deprecated)",
                    bodyLines: sample.body.map { $0.isEmpty ? "" : "    " + $0 }))
                let (api, specsFolder) = (self.api, self.specsFolder)
                let previous = index > 0 ? pages[index - 1] : nil
                let next = index + 1 < pages.count ? pages[index + 1] : nil
                outputs.append(file(.docs, path, template: "doc-page") {
                    DocContexts.page(
                        endpoint, api: api, language: language, sample: sample, previous: previous, next: next,
                        pagePath: path, specsFolder: specsFolder)
                })
            }
            guard !pages.isEmpty else { continue }
            let index = DocContexts.index(api: api, language: language, pages: pages, specsFolder: specsFolder)
            outputs.append(file(.docs, OutputNaming.docIndex(language: language), template: "doc-index", index))
        }

        let samplesContext = SamplesFileContext(
            header: [
                "\(OutputNaming.swiftMarker) from the doc pages' samples (\(specsFolder)/).",
                "// Do not edit: change the spec and run `swift run genauth-codegen generate`.",
                "// Each function is one doc page's Swift sample; compiling this file compiles the docs.",
            ],
            imports: sampleImports.sorted(),
            samples: samples)
        outputs.append(file(.tests, OutputNaming.samplesFile, template: "swift-samples", samplesContext))
        outputs.append(file(.tests, OutputNaming.contractTestsFile, template: "swift-contract-tests",
                            ContractTests.file(api: api, calls: calls, specsFolder: specsFolder)))

        return outputs
    }

    /// Enums rendered with `swift-enum`, indented one level, separated by blank lines; nil for none.
    private mutating func nestedEnums(_ enums: [EnumContext]) -> String? {
        guard !enums.isEmpty else { return nil }
        return enums.map { decl in
            let prepared = ContextNode.prepare(decl)
            checker.check("swift-enum", prepared)
            return Self.tidy(templates.render("swift-enum", prepared)).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
        }.joined(separator: "\n").trimmingTrailingNewlines()
    }

    private func specStem(_ endpoint: Endpoint) -> String {
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

    /// No trailing whitespace on any line, exactly one newline at the end.
    static func tidy(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 1)
        var pending: [UInt8] = []  // spaces and tabs not yet known to be followed by text on their line
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                pending.append(byte)
                continue
            }
            if byte != UInt8(ascii: "\n") { bytes.append(contentsOf: pending) }
            pending.removeAll(keepingCapacity: true)
            bytes.append(byte)
        }
        while bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        bytes.append(UInt8(ascii: "\n"))
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}

/// Lets the rendering threads write their own, distinct slots of one buffer.
private struct UnsafeSendableBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<String>

    init(_ buffer: UnsafeMutableBufferPointer<String>) {
        self.buffer = buffer
    }
}

/// A value handed to another thread that is never mutated (contexts are immutable values).
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
