/// A list endpoint whose items can be iterated one by one: it takes a page number (a `page` query parameter,
/// or `page` in its body, in the body's `pagination` or in its `options.pagination`) and answers
/// `data: {list, totalCount}`. Its companion method `<name>Items` returns a `PageSequence` that calls it page
/// after page.
struct Pagination {
    /// Where the page number goes.
    enum PageLocation {
        case query
        /// The properties from the body down to `page` (`options`, `pagination`, `page`), with their types.
        case body([(property: Property, owner: String)])
    }

    var location: PageLocation
    /// The page number is sent as a string (some of GenAuth's operations type it so).
    var pageIsString = false
    /// The type of the list's items.
    var element: TypeRef
    /// The Swift type of the list's items.
    var elementType: String
    /// `response.data.list`, with `?` where a level is optional.
    var itemsExpression: String
    /// `response.data.totalCount`.
    var totalExpression: String
    /// The page size parameter (`limit`, beside `page` in the query or in the body) when there is one.
    var limit: Property?
    /// `ListUsersRequestDto()` when the body's type can be made without arguments: the companion's default request.
    var defaultRequest: String?

    static let companionSuffix = "Items"
    /// The page size the companion asks for unless the endpoint documents another maximum (GenAuth's lists take at
    /// most 50).
    static let defaultPageSize = 50

    /// The companion's page size: the largest the endpoint documents.
    var pageSize: Int {
        guard let maximum = limit?.constraints.maximum, maximum >= 1, maximum < 10_000 else { return Self.defaultPageSize }
        return Int(maximum)
    }

    /// The pagination of an endpoint, if it has one.
    static func of(_ endpoint: Endpoint, api: API) -> Pagination? {
        guard let data = api.types[endpoint.response]?.properties.first(where: { $0.key == "data" }),
              case .named(let dataType) = data.type,
              let list = api.types[dataType]?.properties.first(where: { $0.key == "list" }),
              case .array(let element) = list.type
        else { return nil }
        // Without a total count only an empty page could end the list: a server that ignores the page number
        // would never give one. Such lists are left to their own method.
        guard let total = api.types[dataType]?.properties.first(where: { $0.key == "totalCount" && $0.type == .integer }) else {
            return nil
        }
        let dataAccess = "response.\(Naming.escaped(data.swiftName))" + (data.required ? "" : "?")
        let items = "\(dataAccess).\(Naming.escaped(list.swiftName))" + (data.required && list.required ? "" : " ?? []")
        let totalExpression = "\(dataAccess).\(Naming.escaped(total.swiftName))"
        let elementType = SwiftSyntax.typeName(element, owner: dataType)

        if endpoint.request == nil, let page = endpoint.query.first(where: { $0.key == "page" }), page.type == .integer || page.type == .string {
            return Pagination(
                location: .query, pageIsString: page.type == .string, element: element,
                elementType: elementType, itemsExpression: items, totalExpression: totalExpression,
                limit: endpoint.query.first { $0.key == "limit" && ($0.type == .integer || $0.type == .string) })
        }
        guard let request = endpoint.request else { return nil }
        for path in [["page"], ["pagination", "page"], ["options", "pagination", "page"]] {
            if let steps = Self.steps(path, from: request, api: api), let owner = steps.last?.owner {
                var defaultRequest: String?
                if case .object(let properties)? = api.types[request]?.kind, !properties.contains(where: \.required) {
                    defaultRequest = "\(request)()"
                }
                return Pagination(
                    location: .body(steps), element: element, elementType: elementType,
                    itemsExpression: items, totalExpression: totalExpression,
                    limit: api.types[owner]?.properties.first { $0.key == "limit" && ($0.type == .integer || $0.type == .string) },
                    defaultRequest: defaultRequest)
            }
        }
        return nil
    }

    /// The properties along `path` from the type `start`, when each level can be made when it is absent (an
    /// optional object without required properties) and the last is an integer.
    private static func steps(_ path: [String], from start: String, api: API) -> [(property: Property, owner: String)]? {
        var owner = start
        var steps: [(property: Property, owner: String)] = []
        for (index, key) in path.enumerated() {
            guard let property = api.types[owner]?.properties.first(where: { $0.key == key }) else { return nil }
            steps.append((property, owner))
            if index == path.count - 1 { return property.type == .integer ? steps : nil }
            guard case .named(let next) = property.type, case .object(let properties)? = api.types[next]?.kind else { return nil }
            if !property.required, properties.contains(where: \.required) { return nil }
            owner = next
        }
        return nil
    }

    /// `head(a, b)tail` on one line when it fits in ``SwiftContexts/lineLimit``, else one argument per line.
    static func wrapped(_ head: String, _ arguments: [String], _ tail: String, indent: String) -> [String] {
        let line = head + arguments.joined(separator: ", ") + tail
        guard line.count > SwiftContexts.lineLimit, !arguments.isEmpty else { return [line] }
        return [head] + arguments.enumerated().map { indent + "    " + $1 + ($0 == arguments.count - 1 ? "" : ",") } + [indent + tail]
    }

    /// A method's DocC symbol path from its argument labels (nil for an unlabelled one): `sendSms(_:)`.
    static func symbol(_ name: String, labels: [String?]) -> String {
        name + "(" + labels.map { ($0 ?? "_") + ":" }.joined() + ")"
    }

    /// The companion's DocC symbol path: `listUsersItems(_:limit:)`.
    func companionSymbol(for endpoint: Endpoint, parameterNames: [String?]) -> String {
        let kept: [String?]
        switch location {
        case .query: kept = parameterNames.filter { $0 != "page" }
        case .body: kept = limit == nil ? [nil] : [nil, "limit"]
        }
        return Self.symbol(endpoint.name + Self.companionSuffix, labels: kept)
    }

    /// The arguments of a call of the companion, from the method's example call: no page, and the page size `size`
    /// (in its place among the query's parameters, or after the request).
    func itemsArguments(_ arguments: [String], parameterNames: [String?], size: Int) -> [String] {
        switch location {
        case .body:
            return arguments + (limit == nil ? [] : ["limit: \(size)"])
        case .query:
            var byLabel: [String: String] = [:]
            for argument in arguments {
                if let colon = argument.firstIndex(of: ":") { byLabel[String(argument[..<colon])] = argument }
            }
            return parameterNames.compactMap { name -> String? in
                guard let name, name != "page" else { return nil }
                let label = Naming.parameter(name).use
                if name == limit?.swiftName { return "\(label): \(size)" }
                return byLabel[label]
            }
        }
    }

    /// The lines of the companion method, indented for the client's extension.
    /// - Parameters:
    ///   - declarations: The method's parameter declarations.
    ///   - parameterNames: Their Swift names, nil for the body.
    ///   - documentation: Their `- Parameter` summaries.
    func companion(
        for endpoint: Endpoint, declarations: [String], parameterNames: [String?], documentation: [String], availability: String?
    ) -> [String] {
        let name = endpoint.name + Self.companionSuffix
        let link = "``\(Self.symbol(endpoint.name, labels: parameterNames))``"
        var lines = [
            "    /// Every item of \(link),",
            "    /// page after page, each page fetched when the items of the one before are used up; iteration ends at the",
            "    /// total count GenAuth reports or at an empty page (see ``/GenAuthCore/PageSequence``).",
        ]
        var kept: [(String, String?)] = []
        let limitName = limit.map { Naming.parameter($0.swiftName).declaration }
        let limitDeclaration = limitName.map { "\($0): Int = \(pageSize)" }
        let limitDoc = "The size of each page, at most \(pageSize) (the largest the endpoint documents, and the default)."
        switch location {
        case .query:
            kept = zip(declarations, parameterNames).filter { $0.1 != "page" }.map { declaration, name in
                (name != nil && name == limit?.swiftName ? limitDeclaration ?? declaration : declaration, name)
            }
        case .body:
            kept = [(declarations[0] + (defaultRequest.map { " = \($0)" } ?? ""), nil)]
            if let limitDeclaration { kept.append((limitDeclaration, limitName)) }
        }
        lines.append("    ///")
        switch location {
        case .query:
            let documented = zip(parameterNames, documentation).filter { $0.0 != "page" }.map { name, text in
                (name, name != nil && name == limit?.swiftName ? limitDoc : text)
            }
            if documented.count == 1, let only = documented.first {
                lines.append("    /// - Parameter \(only.0 ?? "request"): \(only.1)")
            } else if !documented.isEmpty {
                lines.append("    /// - Parameters:")
                lines += documented.map { "    ///   - \($0.0 ?? "request"): \($0.1)" }
            }
        case .body:
            if let limitName {
                lines.append("    /// - Parameters:")
                lines.append("    ///   - request: The request; its page number is set for each page, from the first.")
                lines.append("    ///   - \(limitName): \(limitDoc)")
                lines.append("    ///     It replaces the request's own page size.")
            } else {
                lines.append("    /// - Parameter request: The request; its page number is set for each page, from the first.")
            }
        }
        lines.append("    /// - Returns: The items, fetched lazily.")
        if let availability { lines.append(availability) }
        lines += Self.wrapped("    public func \(name)(", kept.map(\.0), ") -> PageSequence<\(elementType)> {", indent: "    ")
        let pageType = "Page<\(elementType)>"
        switch location {
        case .query:
            let arguments = parameterNames.map { label -> String in
                guard let label else { return "request" }
                let use = Naming.parameter(label).use
                if label == "page" { return pageIsString ? "page: String(page)" : "page: page" }
                if label == limit?.swiftName, limit?.type == .string { return "\(label): String(\(use))" }
                return "\(label): \(use)"
            }
            lines.append("        PageSequence(firstPage: 1) { (page: Int) async throws(GenAuthError) -> \(pageType) in")
            lines += Self.wrapped("            let response = try await self.\(endpoint.name)(", arguments, ")", indent: "            ")
        case .body(let steps):
            lines.append("        PageSequence(firstPage: 1) { (page: Int) async throws(GenAuthError) -> \(pageType) in")
            lines.append("            var level0 = request")
            for index in 0..<(steps.count - 1) {
                let step = steps[index]
                let typeName = SwiftSyntax.typeName(step.property.type)
                let access = "level\(index).\(Naming.escaped(step.property.swiftName))"
                lines.append("            var level\(index + 1) = " + (step.property.required ? access : "\(access) ?? \(typeName)()"))
            }
            lines.append("            level\(steps.count - 1).\(Naming.escaped(steps[steps.count - 1].property.swiftName)) = page")
            if let limit, let limitName {
                let value = limit.type == .string ? "String(\(limitName))" : limitName
                lines.append("            level\(steps.count - 1).\(Naming.escaped(limit.swiftName)) = \(value)")
            }
            for index in stride(from: steps.count - 2, through: 0, by: -1) {
                lines.append("            level\(index).\(Naming.escaped(steps[index].property.swiftName)) = level\(index + 1)")
            }
            lines.append("            let response = try await self.\(endpoint.name)(level0)")
        }
        lines += [
            "            return Page(items: \(itemsExpression), totalCount: \(totalExpression))",
            "        }",
            "    }",
        ]
        return lines
    }
}
