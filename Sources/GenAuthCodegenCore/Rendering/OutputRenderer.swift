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

    mutating func render() -> [OutputFile] {
        var outputs: [OutputFile] = []

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
        for endpoint in endpoints { calls[endpoint.client.rawValue + "." + endpoint.name] = ExampleCall(endpoint, api: api) }
        var samples: [SampleFunctionContext] = []
        var sampleImports = Set<String>()
        for language in api.languages {
            // A page in a language exists where the endpoint's summary is written in it (or in no particular
            // language); other texts of the page fall back to the other language.
            let pages = endpoints.filter { !$0.summary.isMissing(language) }.map { endpoint in
                (endpoint, OutputNaming.docPage(language: language, specStem: specStem(endpoint), endpoint: endpoint.name))
            }
            for (index, (endpoint, path)) in pages.enumerated() {
                let sample = SampleCode.build(for: endpoint, call: calls[endpoint.client.rawValue + "." + endpoint.name]!, language: language)
                sampleImports.formUnion(sample.imports)
                samples.append(SampleFunctionContext(
                    docPage: "docs/\(path)",
                    functionName: "\(Naming.lowerCamelCase(endpoint.client.rawValue) ?? "client")\(Naming.upperCamelCase(endpoint.name) ?? "")Sample\(language.rawValue.uppercased())",
                    availability: endpoint.deprecated == nil ? nil : "@available(*, deprecated)",
                    bodyLines: sample.body.map { $0.isEmpty ? "" : "    " + $0 }))
                let context = DocContexts.page(
                    endpoint, api: api, language: language, sample: sample,
                    previous: index > 0 ? pages[index - 1] : nil,
                    next: index + 1 < pages.count ? pages[index + 1] : nil,
                    pagePath: path, specsFolder: specsFolder)
                outputs.append(file(.docs, path, template: "doc-page", context))
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
                            ContractTests.file(api: api, specsFolder: specsFolder)))

        return outputs.sorted { ($0.role.rawValue, $0.path) < ($1.role.rawValue, $1.path) }
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

    private mutating func file(_ role: OutputRole, _ path: String, template: String, _ context: Any) -> OutputFile {
        let prepared = ContextNode.prepare(context)
        checker.check(template, prepared)
        return OutputFile(role: role, path: path, contents: Self.tidy(templates.render(template, prepared)))
    }

    /// No trailing whitespace on any line, exactly one newline at the end.
    static func tidy(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingTrailingWhitespace() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
