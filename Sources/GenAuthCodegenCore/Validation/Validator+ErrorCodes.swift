extension Validator {
    /// The error-code catalogue of the specs, or nil when no file lists one. One file may list it; codes are
    /// whole numbers (a statusCode has three digits), each listed once, each with a meaning.
    static func errorCatalogue(_ files: [RawSpecFile], diagnostics: inout [Diagnostic]) -> ErrorCatalogue? {
        var collector = DiagnosticCollector()
        defer { diagnostics += collector.diagnostics }
        let listing = files.filter { $0.errorCodes != nil }
        guard let first = listing.first, let raw = first.errorCodes else { return nil }
        for other in listing.dropFirst() {
            collector.error(
                "'errorCodes' is listed twice", at: other.errorCodes!.location,
                notes: [.note("first listed here", at: raw.location)])
        }
        func codes(_ raws: [RawErrorCode], statusCodes: Bool) -> [ErrorCode] {
            var seen: [Int: SourceLocation] = [:]
            var result: [ErrorCode] = []
            for entry in raws {
                let range = statusCodes ? 100...999 : 1...999_999_999
                guard let code = Int(entry.code.value), range.contains(code), entry.code.value.allSatisfy(\.isASCII) else {
                    collector.error(
                        statusCodes
                            ? "a statusCode is a number from 100 to 999, not '\(entry.code.value)'"
                            : "an apiCode is a positive whole number, not '\(entry.code.value)'",
                        at: entry.code.location)
                    continue
                }
                if let previous = seen[code] {
                    collector.error("code \(code) is listed twice", at: entry.code.location, notes: [.note("first listed here", at: previous)])
                    continue
                }
                seen[code] = entry.code.location
                if let name = entry.name, !Naming.isIdentifier(name.value) {
                    collector.error("the name of code \(code) must be an identifier such as InvalidArgumentError, not '\(name.value)'", at: name.location)
                }
                guard let meaning = entry.meaning else { continue }  // reported by the reader
                result.append(ErrorCode(code: code, name: entry.name?.value, meaning: meaning, action: entry.action))
            }
            return result.sorted { $0.code < $1.code }
        }
        return ErrorCatalogue(
            specPath: first.path, statusCodes: codes(raw.statusCodes, statusCodes: true), apiCodes: codes(raw.apiCodes, statusCodes: false))
    }
}
