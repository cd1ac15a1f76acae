import Foundation
import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// Every doc sample and contract test sends what the spec allows: each value of the right kind, required
/// parameters present and not empty, lengths, counts and bounds kept. Checked here from the model itself,
/// not through the code that builds the samples.
@Suite(.offThePool) struct SampleValidityTests {
    static func realAPI() throws -> APISet {
        let specs = try Workspace.readSpecs(at: Harness.packageRoot.appendingPathComponent("specs").path)
        return try #require(Pipeline.validatedAPI(specs).0)
    }

    @Test func everySampleRequestKeepsTheSpecsConstraints() throws {
        let apis = try Self.realAPI()
        var problems: [String] = []
        for (api, endpoint) in apis.parts.flatMap({ api in api.endpoints.map { (api, $0) } }) {
            let call = ExampleCall(endpoint, api: api)
            let sent = Self.queryFields(call.query)
            for parameter in endpoint.query + endpoint.pathParams {
                let isPath = endpoint.pathParams.contains { $0.key == parameter.key }
                guard let value = isPath ? Self.pathValue(parameter.key, endpoint: endpoint, path: call.path) : sent[parameter.key] else {
                    if parameter.required { problems.append("\(endpoint.name): required '\(parameter.key)' not sent") }
                    continue
                }
                if value.isEmpty { problems.append("\(endpoint.name): '\(parameter.key)' sent empty") }
                problems += Self.problems(urlText: value, of: parameter, at: "\(endpoint.name).\(parameter.key)")
            }
            if let request = endpoint.request {
                guard let body = call.body else {
                    problems.append("\(endpoint.name): no body")
                    continue
                }
                problems += Self.problems(body, as: .named(request), property: nil, api: api, at: "\(endpoint.name).body")
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(apis.endpointCount >= 86)
    }

    /// What is wrong with a value sent for `type`; `property` carries the constraints where there is one.
    static func problems(_ value: Value, as type: TypeRef, property: Property?, api: API, at place: String) -> [String] {
        var found: [String] = []
        if let property, let violation = property.constraints.violation(of: value) { found.append("\(place) \(violation)") }
        switch (type, value) {
        case (.named(let name), .object(let entries)):
            guard case .object(let properties)? = api.types[name]?.kind else { return found + ["\(place): '\(name)' is not an object"] }
            for property in properties {
                guard let entry = entries.first(where: { $0.key == property.key }) else {
                    if property.required { found.append("\(place): required '\(property.key)' missing") }
                    continue
                }
                found += problems(entry.value, as: property.type, property: property, api: api, at: "\(place).\(property.key)")
            }
            for entry in entries where !properties.contains(where: { $0.key == entry.key }) {
                found.append("\(place): '\(entry.key)' is not a property of '\(name)'")
            }
        case (.array(let element), .array(let items)):
            for (index, item) in items.enumerated() {
                if let property, let violation = property.itemConstraints.violation(of: item) {
                    found.append("\(place)[\(index)] \(violation)")
                }
                found += problems(item, as: element, property: nil, api: api, at: "\(place)[\(index)]")
            }
        case (.string, .string), (.dateTime, .string), (.integer, .integer), (.number, .integer), (.number, .number),
             (.boolean, .bool), (.json, _), (.map, .object), (_, .null):
            break
        case (.inlineUnion(let qualified), _):
            guard let alternative = api.unions[qualified]?.cases.first(where: { SwiftSyntax.holds($0.type, value, types: api.types) }) else {
                return found + ["\(place): \(value) is none of the alternatives of '\(qualified)'"]
            }
            found += problems(value, as: alternative.type, property: alternative, api: api, at: "\(place).\(alternative.key)")
        case (.inlineEnum, .string(let raw)):
            if property?.inlineEnum?.cases.contains(where: { $0.rawValue == raw }) == false { found.append("\(place): '\(raw)' is no value of its enum") }
        case (.named(let name), .string(let raw)):
            guard case .enumeration(let decl)? = api.types[name]?.kind else { return found + ["\(place): a string for '\(name)'"] }
            if !decl.cases.contains(where: { $0.rawValue == raw }) { found.append("\(place): '\(raw)' is no value of '\(name)'") }
        default:
            found.append("\(place): \(value) is not a \(type)")
        }
        return found
    }

    /// A parameter's URL text against its constraints: a number in range, a list's items and count.
    static func problems(urlText text: String, of parameter: Property, at place: String) -> [String] {
        switch parameter.type {
        case .integer, .number:
            guard let number = Double(text) else { return ["\(place): '\(text)' is not a number"] }
            return parameter.constraints.violation(of: .number(number)).map { ["\(place) \($0)"] } ?? []
        case .array:
            let items = text.split(separator: ",", omittingEmptySubsequences: false).map { Value.string(String($0)) }
            var found = parameter.constraints.violation(of: .array(items)).map { ["\(place) \($0)"] } ?? []
            found += items.compactMap { parameter.itemConstraints.violation(of: $0).map { "\(place) item \($0)" } }
            return found
        default:
            return parameter.constraints.violation(of: .string(text)).map { ["\(place) \($0)"] } ?? []
        }
    }

    static func queryFields(_ query: String?) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).removingPercentEncoding ?? String($0) }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }

    /// The value a call put where the path has `{key}`.
    static func pathValue(_ key: String, endpoint: Endpoint, path: String) -> String? {
        let template = endpoint.path.split(separator: "/", omittingEmptySubsequences: false)
        let sent = path.split(separator: "/", omittingEmptySubsequences: false)
        guard template.count == sent.count, let index = template.firstIndex(of: "{\(key)}"[...]) else { return nil }
        return String(sent[index]).removingPercentEncoding
    }
}
