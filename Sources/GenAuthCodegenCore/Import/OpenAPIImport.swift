import GenAuthCore
import Foundation
import Yams

/// What an import produced: spec files in memory, and everything it has to say.
public struct ImportResult: Sendable {
    /// Spec file paths relative to the output folder, with their text; empty when there are errors.
    public var files: [(path: String, contents: String)]
    public var diagnostics: [Diagnostic]
    /// Operations imported.
    public var operationCount: Int
    /// `METHOD path (operationId)` of the operations marked `x-authing-hidden-from-sdk`, skipped.
    public var hidden: [String]
    /// The same for deprecated operations, imported and marked deprecated.
    public var deprecated: [String]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// `genauth-codegen import-openapi`: an OpenAPI 3.0 document → spec files in our format, with hand edits
/// (overlays) merged in. Deterministic: the same document and overlays always give the same bytes.
public enum OpenAPIImport {
    /// - Parameters:
    ///   - document: the OpenAPI document (JSON or YAML).
    ///   - client: the client its operations belong to (`AuthenticationClient`).
    ///   - overlays: the overlays folder's files: `import.yaml` and one overlay per spec file.
    ///   - overlaysFolder: that folder as named on the command line (`overlays/authentication`): each spec file
    ///     names it, so that `lint` can say where a warning about it is fixed.
    ///   - outputFolder: the output folder as named on the command line (`specs/authentication`), for diagnostics.
    public static func run(
        document: SpecSource, client: String, overlays: [SpecSource], overlaysFolder: String? = nil, outputFolder: String
    ) -> ImportResult {
        var diagnostics = DiagnosticCollector()
        func failed() -> ImportResult {
            ImportResult(files: [], diagnostics: diagnostics.diagnostics.sortedBySource(), operationCount: 0, hidden: [], deprecated: [])
        }
        guard ClientName(rawValue: client) != nil else {
            diagnostics.error(
                "--client must be one of \(ClientName.allCases.map(\.rawValue).joined(separator: ", ")), not '\(client)'"
                    + Suggestions.hint(for: client, in: ClientName.allCases.map(\.rawValue)),
                at: nil)
            return failed()
        }
        let settings = ImportSettings.load(overlays.first { $0.relativePath == ImportSettings.fileName }, diagnostics: &diagnostics)
        guard let root = ImportSettings.loadNode(document, diagnostics: &diagnostics) else { return failed() }
        Timings.mark("read the OpenAPI document")

        var importer = OpenAPIImporter(root: root, file: document.displayPath, settings: settings, client: client)
        var files = importer.importSpecs()
        diagnostics.append(contentsOf: importer.diagnostics.diagnostics)
        Timings.mark("convert operations and schemas")

        // The English of the document's texts, then the overlays: one per spec file, same name.
        let translations = Translations.load(overlays.first { $0.relativePath == Translations.fileName }, diagnostics: &diagnostics)
        var translated = Set<String>()
        for index in files.indices {
            files[index].node = translations.apply(to: files[index].node, used: &translated)
        }
        let unused = translations.unused(translated)
        if let first = unused.first {
            diagnostics.warning(
                "\(unused.count) translation\(unused.count == 1 ? " matches" : "s match") no text of the document any more (the document changed): remove \(unused.count == 1 ? "it" : "them")",
                at: first)
        }
        for overlay in overlays where overlay.relativePath != ImportSettings.fileName && overlay.relativePath != Translations.fileName {
            guard let index = files.firstIndex(where: { $0.path == overlay.relativePath }) else {
                diagnostics.error(
                    "overlay '\(overlay.relativePath)' has no spec file to apply to; the import produces "
                        + files.map { "'\($0.path)'" }.joined(separator: ", "),
                    at: SourceLocation(file: overlay.displayPath, line: 1, column: 1))
                continue
            }
            guard let node = ImportSettings.loadNode(overlay, diagnostics: &diagnostics) else { continue }
            var merger = OverlayMerger(file: overlay.displayPath)
            files[index].node = merger.merge(node, into: files[index].node)
            diagnostics.append(contentsOf: merger.diagnostics.diagnostics)
        }
        guard !diagnostics.hasErrors else { return failed() }
        Timings.mark("apply overlays")

        let documentName = URL(fileURLWithPath: document.displayPath).lastPathComponent
        // Each spec file is written on its own core.
        let drafts = UncheckedSendable(files)
        let written = Pipeline.concurrentMap(Array(files.indices)) { index in
            let file = drafts.value[index]
            return (path: file.path, contents: SpecWriter.write(file.node, header: [
                "Generated by genauth-codegen import-openapi from \(documentName)"
                    + (overlaysFolder.map { " and the overlays in \(ImportedSpecHeader.folderName($0))." } ?? "."),
                "Do not edit: change the overlay of this file and run the import again (see README.md).",
            ]))
        }

        // The result must be a valid API description: load and validate it as `generate` would.
        let sources = written.map {
            SpecSource(displayPath: "\(outputFolder)/\($0.path)", relativePath: $0.path, contents: Data($0.contents.utf8))
        }
        Timings.mark("write spec files")
        let validation = Pipeline.lint(sources)
        Timings.mark("validate them")
        // The spec files are not written yet: each error is said where it comes from in the document (the
        // tracer reads the spec files again, so only when there is an error to trace).
        let errors = validation.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            let tracer = ImportTracer(sources: sources, trace: importer.trace, root: root, document: document.displayPath)
            diagnostics.append(contentsOf: errors.map(tracer.traced))
        }
        guard !diagnostics.hasErrors else { return failed() }

        return ImportResult(
            files: written.sorted { $0.path < $1.path }, diagnostics: diagnostics.diagnostics.sortedBySource(),
            operationCount: importer.operationCount, hidden: importer.hidden, deprecated: importer.deprecated)
    }
}

extension OpenAPIImport {
    /// The spec files an OpenAPI document imports into, as sources under `folder` (for `diff`).
    public static func specSources(
        document: SpecSource, client: String = "AuthenticationClient", overlays: [SpecSource],
        overlaysFolder: String? = nil, folder: String
    ) -> ([SpecSource], [Diagnostic]) {
        let result = run(document: document, client: client, overlays: overlays, overlaysFolder: overlaysFolder, outputFolder: folder)
        let sources = result.files.map {
            SpecSource(displayPath: "\(folder)/\($0.path)", relativePath: $0.path, contents: Data($0.contents.utf8))
        }
        return (sources, result.diagnostics.filter { $0.severity == .error })
    }
}
