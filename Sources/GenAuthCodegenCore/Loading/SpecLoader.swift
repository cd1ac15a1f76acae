import Foundation
import Yams

/// Reads spec files into ``RawSpecFile``s through `Yams.compose`, which keeps every node's position and
/// every mapping's key order. Reports syntax errors, unknown keys and values of the wrong kind.
struct SpecLoader {
    private(set) var diagnostics = DiagnosticCollector()

    mutating func load(_ source: SpecSource) -> RawSpecFile? {
        let file = source.displayPath
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let text = String(validatingUTF8Data: source.contents) else {
            let offset = Self.firstInvalidUTF8Offset(source.contents)
            diagnostics.error("file is not valid UTF-8 (first bad byte at offset \(offset))", at: start)
            return nil
        }
        if text.unicodeScalars.contains("\u{0}") {
            diagnostics.error("file contains a NUL character; is it a binary file?", at: start)
            return nil
        }
        if let finding = AnchorScanner.firstAnchorOrAlias(in: text) {
            diagnostics.error(
                "YAML \(finding.isAlias ? "aliases" : "anchors") are not supported in specs; write the value out (or quote text that starts with '\(finding.isAlias ? "*" : "&")')",
                at: SourceLocation(file: file, line: finding.line, column: finding.column))
            return nil
        }
        let root: Node?
        do {
            // The reader looks at each scalar's text and style, never at Yams' resolved tags: the basic resolver
            // skips the regular expressions that the default one runs on every scalar, most of all when
            // Yams hashes mapping keys to find duplicates.
            root = try Yams.compose(yaml: text, .basic)
        } catch {
            diagnostics.append(contentsOf: [Self.diagnostic(forYAMLError: error, file: file)])
            return nil
        }
        guard let root else {
            diagnostics.error("spec file is empty", at: start)
            return nil
        }
        var reader = NodeReader(file: file)
        var spec = reader.readSpecFile(root, path: source.relativePath)
        spec?.overlaysFolder = ImportedSpecHeader.overlaysFolder(inHeaderOf: source.contents)
        diagnostics.append(contentsOf: reader.diagnostics.diagnostics)
        return spec
    }

    static func diagnostic(forYAMLError error: any Error, file: String) -> Diagnostic {
        func location(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1))
        }
        guard let yamlError = error as? YamlError else {
            return .error("cannot read YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return .error(message, at: location(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("duplicate key \(names) in a mapping", at: location(context.mark))
        case .reader(let problem, let offset, _, _):
            return .error("cannot read YAML: \(problem)\(offset.map { " at byte \($0)" } ?? "")",
                          at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return .error("cannot read YAML: \(yamlError)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    private static func firstInvalidUTF8Offset(_ data: Data) -> Int {
        var offset = 0
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                offset = consumed
            case .emptyInput:
                return offset
            case .error:
                return offset
            }
        }
    }
}

extension String {
    /// The text of `data` if it is valid UTF-8 (a leading byte order mark is dropped).
    init?(validatingUTF8Data data: Data) {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        self = text
    }
}
