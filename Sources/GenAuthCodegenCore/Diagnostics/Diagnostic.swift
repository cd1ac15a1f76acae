/// A place in a source file: 1-based line and column (columns count Unicode scalars, as libyaml does).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    /// The 1-based column just after `lineBytes`, the UTF-8 bytes from a line's start: every byte but a
    /// continuation byte starts a Unicode scalar.
    static func column(after lineBytes: some Sequence<UInt8>) -> Int {
        lineBytes.reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One finding of a run: an error stops generation, a warning does not.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.error, .warning, .note]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// Related places, printed after the diagnostic as `note:` lines (the other definition of a duplicate).
    public var notes: [Diagnostic]
    /// A "did you mean" still to be worked out: only the diagnostics that are shown get one (see
    /// `sortedBySource()`), so that a spec with a hundred thousand misspelt names costs no more than its size.
    var pendingHint: PendingHint?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, notes: [Diagnostic] = []) {
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(_ message: String, at location: SourceLocation?, notes: [Diagnostic] = []) -> Diagnostic {
        Diagnostic(.error, message, at: location, notes: notes)
    }

    public static func warning(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    public static func note(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.note, message, at: location)
    }

    /// Compiler style, so that editors make it clickable: `specs/x.yaml:12:7: error: …`, then its notes.
    public var description: String {
        let head = location.map { "\($0): " } ?? ""
        return ([head + "\(severity.rawValue): \(message)"] + notes.map(\.description)).joined(separator: "\n")
    }
}

/// A misspelt name and where to look for what was meant. The candidates are gathered only when the hint is
/// worked out: collecting them (every type name of the specs, say) for each of many errors would cost as much
/// as comparing them.
struct PendingHint: Hashable, Sendable {
    let name: String
    let candidates: @Sendable () -> [String]

    init(_ name: String, among candidates: @escaping @Sendable () -> [String]) {
        self.name = name
        self.candidates = candidates
    }

    static func == (lhs: PendingHint, rhs: PendingHint) -> Bool { lhs.name == rhs.name }
    func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// Collects the diagnostics of a run, in the order found.
struct DiagnosticCollector {
    private(set) var diagnostics: [Diagnostic] = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func error(_ message: String, at location: SourceLocation?, notes: [Diagnostic] = []) {
        diagnostics.append(.error(message, at: location, notes: notes))
    }

    /// An error whose message gets " (did you mean 'x'?)" when it is among the first ones shown.
    mutating func error(_ message: String, at location: SourceLocation?, hint: PendingHint) {
        var diagnostic = Diagnostic.error(message, at: location)
        diagnostic.pendingHint = hint
        diagnostics.append(diagnostic)
    }

    mutating func warning(_ message: String, at location: SourceLocation?) {
        diagnostics.append(.warning(message, at: location))
    }

    mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }
}

extension [Diagnostic] {
    /// Errors and warnings in source order (file, line, column), then those without a place; the first
    /// ``Suggestions/hintLimit`` pending hints worked out, the others dropped.
    func sortedBySource() -> [Diagnostic] {
        // Sorted by integer keys, the files ranked once: comparing file names for each of 100,000 diagnostics
        // was a sixth of a run.
        let files = Set(compactMap { $0.location?.file }).sorted()
        let rank = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1, $0) })
        let keys = enumerated().map { offset, diagnostic -> (file: Int, line: Int, column: Int, offset: Int) in
            guard let location = diagnostic.location else { return (Int.max, 0, 0, offset) }
            return (rank[location.file]!, location.line, location.column, offset)
        }
        let order = keys.sorted { $0 < $1 }.map(\.offset)
        return order.map { self[$0] }.resolvingHints(limit: Suggestions.hintLimit).diagnostics
    }

    /// The pending hints of the first `limit` diagnostics that have one, worked out (each misspelt name
    /// once); the rest dropped. Also returns how many names were compared, the work it took.
    func resolvingHints(limit: Int) -> (diagnostics: [Diagnostic], comparisons: Int) {
        guard contains(where: { $0.pendingHint != nil }) else { return (self, 0) }
        var result = self
        var resolved: [String: String] = [:]
        var remaining = limit
        var comparisons = 0
        for index in result.indices {
            guard let pending = result[index].pendingHint else { continue }
            result[index].pendingHint = nil
            guard remaining > 0 else { continue }
            remaining -= 1
            let hint: String
            if let known = resolved[pending.name] {
                hint = known
            } else {
                let candidates = pending.candidates()
                comparisons += candidates.count
                hint = Suggestions.hint(for: pending.name, in: candidates)
                resolved[pending.name] = hint
            }
            result[index].message += hint
        }
        return (result, comparisons)
    }
}
