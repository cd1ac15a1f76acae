import Foundation
import Yams

/// Says an error of the imported specs where it comes from: the document's JSON pointer and position, since
/// the spec files it points into are never written when the import fails.
struct ImportTracer {
    /// Per spec file: the places of its endpoints, types, properties and parameters, with their trace keys.
    private var places: [String: [(location: SourceLocation, key: String)]] = [:]
    private let trace: [String: Pointer]
    private let root: Node
    private let document: String

    init(sources: [SpecSource], trace: [String: Pointer], root: Node, document: String) {
        self.trace = trace
        self.root = root
        self.document = document
        for source in sources {
            var loader = SpecLoader()
            guard let raw = loader.load(source) else { continue }
            var list: [(SourceLocation, String)] = []
            for endpoint in raw.endpoints {
                list.append((endpoint.name.location, TraceKey.endpoint(endpoint.name.value)))
                for parameter in endpoint.pathParams + endpoint.query {
                    list.append((parameter.key.location, TraceKey.parameter(endpoint.name.value, parameter.key.value)))
                }
            }
            for type in raw.types {
                list.append((type.name.location, TraceKey.type(type.name.value)))
                for property in type.properties ?? [] {
                    list.append((property.key.location, TraceKey.property(type.name.value, property.key.value)))
                }
            }
            places[source.displayPath] = list.sorted { $0.0 < $1.0 }
        }
    }

    /// `diagnostic` with the document's pointer and position, and where the spec file would have it as a note.
    func traced(_ diagnostic: Diagnostic) -> Diagnostic {
        guard let location = diagnostic.location, let list = places[location.file],
              let place = list.last(where: { $0.location <= location }), let pointer = trace[place.key]
        else { return diagnostic }
        var node: Node? = root
        for token in pointer.tokens { node = YAMLTree.value(node, token) ?? node.flatMap { Self.element($0, token) } }
        let documentLocation = SourceLocation(file: document, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
        var result = Diagnostic(diagnostic.severity, "\(pointer): \(diagnostic.message)", at: documentLocation,
                                notes: [.note("in the imported spec, not written", at: location)] + diagnostic.notes)
        result.pendingHint = diagnostic.pendingHint
        return result
    }

    private static func element(_ node: Node, _ token: String) -> Node? {
        guard case .sequence(let items) = node, let index = Int(token), items.indices.contains(index) else { return nil }
        return items[index]
    }
}
