import Testing
@testable import GenAuthCodegenCore

/// Where the generated Swift goes. Each spec file's methods and models share one folder, and a models file holds at
/// most ``OutputNaming/typesPerModelFile`` types. The compiler's batch jobs take a module's files in path order, an
/// equal number each, so this spreads the models over the jobs (Benchmarks/notes.md, issue 18).
@Suite struct OutputLayoutTests {
    @Test func aSpecFilesMethodsAndModelsShareAFolderAtMostTenTypesToAFile() throws {
        let types = (1...25).map { "  Extra\($0)Dto:\n    properties:\n      id: { type: string }" }.joined(separator: "\n")
        let result = try Harness.generate([
            "authentication/message-service.yaml": Snippets.endpoint(
                "summary: Do\nmethod: GET\npath: /x\nresponse: OkDto", types: types),
        ])
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let folder = "GenAuthAuthentication/Generated/MessageService/"
        let swift = result.outputs.filter { $0.role == .sdk && $0.path.hasSuffix(".swift") }
        #expect(swift.allSatisfy { !$0.path.hasPrefix("GenAuthAuthentication/Generated/") || $0.path.hasPrefix(folder) },
                "\(swift.map(\.path))")
        #expect(swift.contains { $0.path == folder + "AuthenticationClient+MessageService.swift" })
        // OkDto and Extra1Dto…Extra25Dto: 26 types, in spec order.
        let models = ["MessageService.swift", "MessageService2.swift", "MessageService3.swift"].map { name in
            swift.first { $0.path == folder + name }
        }
        let counts = models.map { $0?.contents.components(separatedBy: "\npublic struct ").count.advanced(by: -1) }
        #expect(counts == [10, 10, 6])
        #expect(models[2]?.contents.contains("public struct Extra25Dto:") == true)
        #expect(!swift.contains { $0.path == folder + "MessageService4.swift" })
    }
}
