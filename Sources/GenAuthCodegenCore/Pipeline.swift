import Dispatch

/// What one run of the generator reads.
public struct GeneratorInput: Sendable {
    public var specs: [SpecSource]
    public var templates: [TemplateSource]
    /// The specs folder's own name (`specs`), used in the "generated from" headers so that they do not
    /// depend on how the folder was named on the command line.
    public var specsFolderName: String

    public init(specs: [SpecSource], templates: [TemplateSource], specsFolderName: String = "specs") {
        self.specs = specs
        self.templates = templates
        self.specsFolderName = specsFolderName
    }
}

/// What one run produced: files in memory and everything it has to say.
public struct GenerationResult: Sendable {
    /// Sorted by role and path; empty when there are errors.
    public var outputs: [OutputFile]
    public var diagnostics: [Diagnostic]
    public var endpointCount: Int
    public var typeCount: Int

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The generator: `render(contexts(validate(load(specs))))`, entirely in memory.
public enum Pipeline {
    /// Loads and validates; no rendering.
    public static func lint(_ specs: [SpecSource]) -> GenerationResult {
        let (api, diagnostics) = validatedAPI(specs)
        return GenerationResult(
            outputs: [], diagnostics: diagnostics, endpointCount: api?.endpointCount ?? 0, typeCount: api?.typeCount ?? 0)
    }

    public static func generate(_ input: GeneratorInput) -> GenerationResult {
        let (api, specDiagnostics) = validatedAPI(input.specs)
        Timings.mark("load and validate specs")
        let (templates, templateDiagnostics) = TemplateSet.load(input.templates)
        let diagnostics = specDiagnostics + templateDiagnostics
        guard let api, let templates, !diagnostics.contains(where: { $0.severity == .error }) else {
            return GenerationResult(outputs: [], diagnostics: diagnostics, endpointCount: 0, typeCount: 0)
        }
        var renderer = OutputRenderer(api: api, templates: templates, specsFolder: input.specsFolderName)
        let outputs = renderer.render()
        let all = diagnostics + renderer.diagnostics
        // A template that names what its context does not have would silently drop text: no output then.
        return GenerationResult(
            outputs: all.contains { $0.severity == .error } ? [] : outputs, diagnostics: all,
            endpointCount: api.endpointCount, typeCount: api.typeCount)
    }

    /// `transform` applied to each element on every core, results in order.
    static func concurrentMap<Element: Sendable, Result>(_ elements: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
        var results = [Result?](repeating: nil, count: elements.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSlots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                slots.buffer[index] = transform(elements[index])
            }
        }
        return results.map { $0! }
    }

    /// The API model, or nil when the specs have errors; diagnostics in source order.
    ///
    /// Each client's files are validated on their own: its types are its own namespace (both of GenAuth's
    /// documents have a `UserDto`, of different shapes), as they are in its Swift module. A file of types
    /// only, without a `client`, holds types of AuthenticationClient.
    static func validatedAPI(_ specs: [SpecSource]) -> (APISet?, [Diagnostic]) {
        // Files are read on every core: each YAML document is parsed on its own.
        let sorted = specs.sorted { $0.relativePath < $1.relativePath }
        let loaded = Self.concurrentMap(sorted) { source -> (RawSpecFile?, [Diagnostic]) in
            var loader = SpecLoader()
            let raw = loader.load(source)
            return (raw, loader.diagnostics.diagnostics)
        }
        let raws = loaded.compactMap(\.0)
        let languages = Validator.languages(raws)
        var parts: [API] = []
        var diagnostics = loaded.flatMap(\.1)
        for client in ClientName.allCases {
            let files = raws.filter { ($0.client.flatMap { ClientName(rawValue: $0.value) } ?? .authenticationClient) == client }
            guard !files.isEmpty || (client == .authenticationClient && raws.isEmpty) else { continue }
            var validator = Validator()
            parts.append(validator.validate(files, client: client, languages: languages))
            diagnostics += validator.diagnostics.diagnostics
        }
        let errorCodes = Validator.errorCatalogue(raws, diagnostics: &diagnostics)
        diagnostics = diagnostics.sortedBySource()
        let failed = diagnostics.contains { $0.severity == .error } || raws.count != specs.count
        return (failed ? nil : APISet(parts: parts, languages: languages, errorCodes: errorCodes), diagnostics)
    }
}

/// Lets worker threads write their own, distinct slots of one buffer.
/// Safe: each index is written by exactly one iteration, and the buffer outlives concurrentPerform, which returns
/// after all of them; a lock or an actor per result cost more than the work of a small template.
private struct UnsafeSlots<Result>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Result?>
}

/// A value handed to other threads that none of them mutates (the model and contexts, while they are read).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
