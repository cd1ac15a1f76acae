import Foundation
import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// `swiftModule`: a client's code split into modules of its own, which import only the client's home module. (The
/// management golden generates and compiles such a module; these pin the checks and the files.)
@Suite(.offThePool) struct ModuleSplitTests {
    static let home = """
        client: ManagementClient
        types:
          SharedDto:
            properties:
              id: { type: string }

        """

    static func domain(_ module: String, endpoint: String, uses type: String, defines own: String) -> String {
        """
        client: ManagementClient
        swiftModule: \(module)
        endpoints:
          \(endpoint): { summary: S, method: GET, path: /\(endpoint), response: \(type) }
        types:
          \(own):
            properties:
              shared: { type: SharedDto }
              others: { type: [\(type)] }

        """
    }

    @Test func aModuleUsesItsOwnTypesAndTheHomeModules() throws {
        let result = try Harness.generate([
            "m/common.yaml": Self.home,
            "m/users.yaml": Self.domain("GenAuthManagementUsers", endpoint: "getUser", uses: "UserDto", defines: "UserDto"),
        ])
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let paths = Set(result.outputs.filter { $0.role == .sdk }.map(\.path))
        #expect(paths.contains("GenAuthManagementCore/Generated/Common/Common.swift"))
        #expect(paths.contains("GenAuthManagementUsers/Generated/Users/Users.swift"))
        #expect(paths.contains("GenAuthManagementUsers/Generated/Users/ManagementClient+Users.swift"))
        let model = try #require(result.outputs.first { $0.path == "GenAuthManagementUsers/Generated/Users/Users.swift" })
        #expect(model.contents.contains("\n\nimport GenAuthCore\nimport GenAuthManagementCore\n\n/// UserDto."))
        let exports = try #require(result.outputs.first { $0.path == "GenAuthManagement/Generated/Modules.swift" })
        #expect(exports.contents.hasSuffix("\n@_exported import GenAuthManagementCore\n@_exported import GenAuthManagementUsers\n"))
    }

    @Test func aTypeOfAnotherDomainModuleIsAnErrorNamingBoth() {
        let diagnostics = Harness.diagnostics([
            "m/common.yaml": Self.home,
            "m/users.yaml": Self.domain("GenAuthManagementUsers", endpoint: "getUser", uses: "UserDto", defines: "UserDto"),
            "m/roles.yaml": Self.domain("GenAuthManagementRoles", endpoint: "getRole", uses: "UserDto", defines: "RoleDto"),
        ])
        let advice = "a module sees only its own types and those of GenAuthManagementCore; move 'UserDto' to a file of "
            + "GenAuthManagementCore (one without 'swiftModule'), or both files to one module"
        #expect(diagnostics == [
            "specs/m/roles.yaml:4:3: error: endpoint 'getRole' is in module GenAuthManagementRoles and uses 'UserDto', which "
                + "m/users.yaml puts in module GenAuthManagementUsers: " + advice,
            "specs/m/roles.yaml:6:3: error: type 'RoleDto' is in module GenAuthManagementRoles and uses 'UserDto', which "
                + "m/users.yaml puts in module GenAuthManagementUsers: " + advice,
        ])
    }

    @Test func theHomeModuleCannotUseADomainModulesTypes() {
        let diagnostics = Harness.diagnostics([
            "m/common.yaml": Self.home + "  HomeDto:\n    properties:\n      user: { type: UserDto }\n",
            "m/users.yaml": Self.domain("GenAuthManagementUsers", endpoint: "getUser", uses: "UserDto", defines: "UserDto"),
        ])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix(
            "specs/m/common.yaml:6:3: error: type 'HomeDto' is in module GenAuthManagementCore and uses 'UserDto'") == true)
    }

    @Test(arguments: [
        ("genauthUsers", "'genauthUsers' is not a valid Swift module name"),
        ("GenAuthManagement", "'GenAuthManagement' is the module apps import"),
        ("GenAuthCore", "module 'GenAuthCore' is already a module of the SDK"),
        ("GenAuthAuthentication", "module 'GenAuthAuthentication' is already a module of the SDK"),
    ])
    func aModuleNameMustBeFreeAndValid(_ name: String, _ message: String) {
        let diagnostics = Harness.diagnostics([
            "m/common.yaml": Self.home,
            "m/users.yaml": Self.domain(name, endpoint: "getUser", uses: "UserDto", defines: "UserDto"),
        ])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("specs/m/users.yaml:2:14: error: \(message)") == true, "\(diagnostics)")
    }

    @Test func theAuthenticationClientIsOneModule() {
        let diagnostics = Harness.diagnostics("client: AuthenticationClient\nswiftModule: GenAuthAuthenticationSMS\n")
        #expect(diagnostics == [
            "specs/test.yaml:2:14: error: AuthenticationClient's code is one module, GenAuthAuthentication; only "
                + "ManagementClient's is split into modules: remove 'swiftModule'"
        ])
    }

    @Test func namingTheHomeModuleIsTheSameAsNamingNone() throws {
        let result = try Harness.generate([
            "m/common.yaml": Self.home,
            "m/users.yaml": Self.domain("GenAuthManagementCore", endpoint: "getUser", uses: "UserDto", defines: "UserDto"),
        ])
        #expect(!result.hasErrors, "\(result.diagnostics)")
        #expect(result.outputs.contains { $0.path == "GenAuthManagementCore/Generated/Users/Users.swift" })
        let exports = try #require(result.outputs.first { $0.path == "GenAuthManagement/Generated/Modules.swift" })
        #expect(exports.contents.hasSuffix("\n@_exported import GenAuthManagementCore\n"))
    }

    /// The validator's list of the package's other modules (which no spec may name) is the package's: every folder of
    /// Sources/ and Tests/GenAuthTestSupport is a client's module, one the specs name, or on the list.
    @Test func theValidatorKnowsEveryModuleOfThePackage() throws {
        let specs = try Workspace.readSpecs(at: Harness.packageRoot.appendingPathComponent("specs").path)
        let named = Set(specs.flatMap { spec in
            String(decoding: spec.contents, as: UTF8.self).split(separator: "\n")
                .compactMap { $0.hasPrefix("swiftModule: ") ? String($0.dropFirst("swiftModule: ".count)) : nil }
        })
        #expect(named.count == 4)
        let clients = Set(ClientName.allCases.flatMap { [$0.moduleName, $0.homeModule] })
        let folders = try FileManager.default.contentsOfDirectory(atPath: Harness.packageRoot.appendingPathComponent("Sources").path)
        for folder in folders + ["GenAuthTestSupport"] where folder != "genauth-codegen" {
            #expect(clients.contains(folder) || named.contains(folder) || Validator.sdkModules.contains(folder),
                    "Sources/\(folder) is a module the validator does not know: add it to Validator.sdkModules")
        }
    }

    /// A module the specs no longer name loses its generated files; what is hand-written in it stays.
    @Test func aModuleNoLongerNamedLosesItsGeneratedFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("genauth-modules-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let locations = OutputLocations(
            sdk: folder.appendingPathComponent("sdk").path, docs: folder.appendingPathComponent("docs").path,
            tests: folder.appendingPathComponent("tests").path)
        let old = folder.appendingPathComponent("sdk/GenAuthManagementOld/Generated/Old")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        try Data("\(OutputNaming.swiftMarker) from specs/m/old.yaml.\n".utf8).write(to: old.appendingPathComponent("Old.swift"))
        let handWritten = folder.appendingPathComponent("sdk/GenAuthManagementOld/Conveniences.swift")
        try Data("extension Int {}\n".utf8).write(to: handWritten)

        let plan = try Workspace.plan([], at: locations)
        #expect(plan.removed == [old.appendingPathComponent("Old.swift").path])
    }
}
