/// A client's code split into Swift modules (`swiftModule`): each module compiles on its own, side by side with the
/// others, and the client's product re-exports them all. A module imports only the client's home module, so the code of
/// a spec file may use the types of its own module and of the home module, no others.
extension Validator {
    /// The modules other than the client's own that the SDK's package already has.
    static let sdkModules = [
        "GenAuthCore", "GenAuthCrypto", "GenAuthEvents", "GenAuthAsyncHTTPClient", "GenAuth", "GenAuthCodegenCore", "GenAuthTestSupport", "ChildProcess",
    ]

    /// Each file's `swiftModule`, checked: nil where it names none or the client's home module.
    mutating func resolveModules(_ files: [RawSpecFile], client: ClientName) -> [String?] {
        let others = ClientName.allCases.filter { $0 != client }.flatMap { [$0.moduleName, $0.homeModule] }
        return files.map { file -> String? in
            guard let module = file.swiftModule else { return nil }
            let name = module.value
            if name == client.homeModule { return nil }
            if client.moduleName == client.homeModule {
                // Its modules would import the module apps import, which therefore could not re-export them.
                diagnostics.error(
                    "\(client.rawValue)'s code is one module, \(client.homeModule); only ManagementClient's is split into modules: "
                        + "remove 'swiftModule'",
                    at: module.location)
            } else if !Naming.isTypeName(name) {
                diagnostics.error(
                    "'\(name)' is not a valid Swift module name: it must start with an uppercase letter and contain only ASCII letters and digits",
                    at: module.location)
            } else if name == client.moduleName {
                diagnostics.error(
                    "'\(name)' is the module apps import: it re-exports the client's modules and holds no code of its own; "
                        + "name another module, or leave 'swiftModule' out for the client's home module, \(client.homeModule)",
                    at: module.location)
            } else if Self.sdkModules.contains(name) || others.contains(name) {
                diagnostics.error("module '\(name)' is already a module of the SDK; name a module of \(client.rawValue)'s own", at: module.location)
            } else {
                return name
            }
            return nil
        }
    }

    /// Reports every type that the code of one module uses but that another module, not the home module, declares.
    mutating func checkModuleReferences(_ files: [SpecFile], raws: [RawSpecFile], types: [String: TypeDecl], client: ClientName) {
        guard files.contains(where: { $0.swiftModule != nil }) else { return }
        let moduleOfFile = Dictionary(files.map { ($0.path, client.module(of: $0)) }, uniquingKeysWith: { first, _ in first })
        func moduleOfType(_ name: String) -> String? { types[name].flatMap { moduleOfFile[$0.specPath] } }
        func check(_ names: Set<String>, usedIn module: String, by user: String, at location: SourceLocation?) {
            for name in names.sorted() {
                guard let owner = moduleOfType(name), owner != module, owner != client.homeModule else { continue }
                let definingFile = types[name]?.specPath ?? "?"
                diagnostics.error(
                    "\(user) is in module \(module) and uses '\(name)', which \(definingFile) puts in module \(owner): a module sees only its own "
                        + "types and those of \(client.homeModule); move '\(name)' to a file of \(client.homeModule) (one without 'swiftModule'), "
                        + "or both files to one module",
                    at: location)
            }
        }
        for file in files {
            let module = client.module(of: file)
            let raw = raws.first { $0.path == file.path }
            for name in file.typeNames {
                guard let type = types[name] else { continue }
                let location = raw?.types.first { $0.name.value == name }?.name.location
                check(Set(type.properties.flatMap(\.referencedNames)), usedIn: module, by: "type '\(name)'", at: location)
            }
            for endpoint in file.endpoints {
                var names = Set((endpoint.pathParams + endpoint.query).flatMap(\.referencedNames))
                names.formUnion([endpoint.request, endpoint.response].compactMap { $0 })
                let location = raw?.endpoints.first { $0.name.value == endpoint.name }?.name.location
                check(names, usedIn: module, by: "endpoint '\(endpoint.name)'", at: location)
            }
        }
    }
}
