import Foundation
import Testing
import GenAuthTestSupport
@testable import GenAuthCodegenCore

/// The `genauth-codegen` executable, run as a user runs it, in a scratch copy of the project's inputs.
@Suite(.serialized, .offThePool) struct CommandLineTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("genauth-cli-\(UUID().uuidString)")

    /// The executable built beside the test bundle.
    static var executable: URL {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !url.path.isEmpty, url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("genauth-codegen").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("genauth-codegen")
    }

    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try ChildProcess.run([Self.executable.path] + arguments, directory: folder.path, mergingErrors: true)
        return (result.status, result.output)
    }

    func setUp() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for item in ["specs", "Templates"] {
            try FileManager.default.copyItem(at: Harness.packageRoot.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
    }

    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for relative in try Workspace.files(under: folder.path, withExtension: nil) {
            files[relative] = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path)
        }
        return files
    }

    @Test func generateThenCheckThenABrokenSpecChangesNothing() throws {
        try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }

        let generate = try run(["generate"])
        #expect(generate.status == 0, "\(generate.output)")
        let pattern = try Regex(#"(\d+) endpoints, (\d+) types → (\d+) files written, 0 unchanged, 0 removed in "#)
        let summary = try #require(generate.output.firstMatch(of: pattern))
        let numbers = (1...3).map { Int(summary.output[$0].substring ?? "") ?? 0 }
        let fileCount = numbers[2]
        #expect(numbers[0] >= 86)
        // A doc page per endpoint and language, and the Swift of every type (types share models files).
        #expect(fileCount > numbers[0] * 2)

        let again = try run(["generate"])
        #expect(again.output.contains("→ 0 files written, \(fileCount) unchanged, 0 removed"), "\(again.output)")
        #expect(try run(["check"]).status == 0)

        // A stale file, a missing one and an extra generated one are each reported by `check`.
        let before = try snapshot()
        let stale = folder.appendingPathComponent("docs/en/index.md")
        try Data((String(decoding: before["docs/en/index.md"]!, as: UTF8.self) + "edited\n").utf8).write(to: stale)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("docs/zh/index.md"))
        try Data("\(OutputNaming.markdownMarker) from specs/old.yaml. -->\n".utf8).write(to: folder.appendingPathComponent("docs/en/old.md"))
        let check = try run(["check"])
        #expect(check.status != 0)
        #expect(check.output.contains("docs/en/index.md: error: stale"))
        #expect(check.output.contains("docs/zh/index.md: error: missing"))
        #expect(check.output.contains("docs/en/old.md: error: extra"))
        #expect(try run(["generate"]).output.contains("→ 2 files written, \(fileCount - 2) unchanged, 1 removed"))
        #expect(try snapshot() == before)

        // A broken spec: compiler-style errors, a non-zero exit, and not one byte changed.
        let spec = folder.appendingPathComponent("specs/authentication/message-service.yaml")
        let text = try String(contentsOf: spec, encoding: .utf8)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "    response: SendSMSRespDto" }) + 1
        try Data(text.replacingOccurrences(of: "response: SendSMSRespDto", with: "response: SendSmsRespDto").utf8).write(to: spec)
        let broken = try run(["generate"])
        #expect(broken.status != 0)
        #expect(broken.output.contains(
            "specs/authentication/message-service.yaml:\(line):15: error: unknown type 'SendSmsRespDto' (did you mean 'SendSMSRespDto'?)"),
            "\(broken.output)")
        #expect(broken.output.contains("nothing was written"))
        var after = try snapshot()
        after["specs/authentication/message-service.yaml"] = before["specs/authentication/message-service.yaml"]
        #expect(after == before)

        let lint = try run(["lint"])
        #expect(lint.status != 0)
    }

    func git(_ arguments: String...) throws {
        let result = try ChildProcess.run(
            ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"] + arguments,
            directory: folder.path)
        #expect(result.status == 0, "git \(arguments): \(result.errorOutput)")
    }

    @Test func diffAndChangelogAgainstAGitRevision() throws {
        try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        try git("init", "-q")
        try git("add", "specs")
        try git("commit", "-q", "-m", "specs")

        // No change yet: an empty changelog, exit 0 even with --fail-on-breaking.
        let same = try run(["diff", "HEAD", "specs", "--fail-on-breaking"])
        #expect(same.status == 0, "\(same.output)")
        #expect(same.output.contains("No changes to the SDK's API or docs."))

        // Remove an enum value the SDK has: a breaking change.
        let spec = folder.appendingPathComponent("specs/authentication/message-service.yaml")
        let text = try String(contentsOf: spec, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "          CHANNEL_DELETE_ACCOUNT: { en: Used to cancel an account, zh: 用于注销账号 }\n", with: "").utf8).write(to: spec)
        let diff = try run(["diff", "HEAD", "specs", "--fail-on-breaking"])
        #expect(diff.status != 0)
        #expect(diff.output.contains("Semantic version: **major**"), "\(diff.output)")
        #expect(diff.output.contains("- `SendSMSDto.channel`: enum value `CHANNEL_DELETE_ACCOUNT` removed (`.channelDeleteAccount` no longer exists)"))

        // generate --changelog writes the Unreleased section, and running it again changes nothing.
        let generate = try run(["generate", "--changelog"])
        #expect(generate.status == 0, "\(generate.output)")
        #expect(generate.output.contains("CHANGELOG.md: 2 changes since HEAD (major)"), "\(generate.output)")
        let changelog = try String(contentsOf: folder.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        #expect(changelog.hasPrefix("# Changelog\n\n<!-- genauth-codegen: unreleased"))
        #expect(changelog.contains("## Unreleased (since HEAD)"))
        #expect(changelog.contains("CHANNEL_DELETE_ACCOUNT"))
        _ = try run(["generate", "--changelog"])
        #expect(try String(contentsOf: folder.appendingPathComponent("CHANGELOG.md"), encoding: .utf8) == changelog)

        let badRevision = try run(["diff", "no-such-revision", "specs"])
        #expect(badRevision.status != 0)
        #expect(badRevision.output == "error: 'no-such-revision' is not a folder, a file, or a git revision (git ls-tree failed)\n")
    }

    @Test func theSmallPromises() throws {
        try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }

        let misspelt = try run(["generat"])
        #expect(misspelt.status == 64)
        #expect(misspelt.output.hasPrefix("genauth-codegen: error: unknown subcommand 'generat' (did you mean 'generate'?)"), "\(misspelt.output)")
        #expect(try run(["--version"]).output == "\(GeneratorVersion.current)\n")

        // No specs: the same error from every command that needs them.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        for command in [["lint"], ["generate"], ["check"]] {
            for specs in ["empty", "missing"] {
                let result = try run(command + ["--specs", specs])
                #expect(result.status == 1, "\(command) \(specs)")
                #expect(result.output.hasPrefix("\(specs): error: no *.yaml spec files found"), "\(command): \(result.output)")
            }
        }

        // generate prints one line.
        let generate = try run(["generate"])
        #expect(generate.status == 0)
        #expect(generate.output.split(separator: "\n").count == 1, "\(generate.output)")

        // lint: only the paths asked for; warnings of an imported spec say which overlay fixes them.
        let counts = try #require(try run(["lint", "--errors-only"]).output.firstMatch(of: try Regex(#"(\d+) endpoints, (\d+) types"#)))
        let endpoints = Int(counts.output[1].substring ?? "")! + 1, types = Int(counts.output[2].substring ?? "")! + 1
        let extensions = folder.appendingPathComponent("specs/extensions")
        try FileManager.default.createDirectory(at: extensions, withIntermediateDirectories: true)
        try Data("""
            client: AuthenticationClient
            endpoints:
              getHealth:
                summary: { en: Check the service }
                method: GET
                path: /api/v3/health
                response: HealthRespDto
            types:
              HealthRespDto:
                properties:
                  statusCode: { type: integer, required: true, description: { zh: 状态码 } }
            """.utf8).write(to: extensions.appendingPathComponent("health.yaml"))
        let own = try run(["lint", "specs/extensions/health.yaml"])
        #expect(own.status == 0, "\(own.output)")
        #expect(own.output == """
            specs/extensions/health.yaml:3:3: warning: the summary of 'getHealth' has no zh text
            specs/extensions/health.yaml:11:7: warning: the description of 'statusCode' has no en text
            genauth-codegen: \(endpoints) endpoints, \(types) types, 2 warnings

            """, "\(own.output)")
        #expect(try run(["lint", "--errors-only", "specs/extensions"]).output == "genauth-codegen: \(endpoints) endpoints, \(types) types, 0 warnings shown (--errors-only)\n")
        // An imported text without English (GenAuth added it since the translations were written).
        let login = folder.appendingPathComponent("specs/authentication/login.yaml")
        let loginText = try String(contentsOf: login, encoding: .utf8)
        let untranslated = try #require(loginText.firstMatch(of: try Regex(#"summary: \{ en: [^,]+, (zh: [^}]+) \}"#)))
        try Data(loginText.replacingCharacters(in: untranslated.range, with: "summary: { \(untranslated.output[1].substring!) }").utf8).write(to: login)
        let all = try run(["lint", "specs/authentication"])
        let imported = all.output.split(separator: "\n").filter { $0.contains("warning:") }
        #expect(imported.count == 1 && imported[0].contains("specs/authentication/login.yaml:")
                && imported[0].hasSuffix("has no en text; the spec is imported: add it in overlays/authentication/translations.yaml or overlays/authentication/login.yaml"),
                "\(all.output)")
        try Data(loginText.utf8).write(to: login)

        // Many errors: the first ones, then how many more.
        var broken = "types:\n"
        for index in 0..<150 { broken += "  T\(index):\n    properties:\n      a: { type: strin }\n" }
        try Data(broken.utf8).write(to: extensions.appendingPathComponent("health.yaml"))
        let capped = try run(["lint", "specs/extensions", "--error-limit", "5"])
        #expect(capped.status == 1)
        #expect(capped.output == (0..<5).map { "specs/extensions/health.yaml:\(3 * $0 + 4):18: error: unknown type 'strin' (did you mean 'string'?)\n" }.joined()
            + "genauth-codegen: 145 more errors not shown (--error-limit 0 shows all)\ngenauth-codegen: 150 errors; nothing was written\n",
            "\(capped.output)")
    }
}
