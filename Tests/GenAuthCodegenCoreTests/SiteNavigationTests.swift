import Foundation
import GenAuthTestSupport
import Testing
import Yams
@testable import GenAuthCodegenCore

/// The site's navigation is generated with the pages: MkDocs' `nav` names every page of its language once and
/// nothing else, GenAuth's sidebar tree names the same pages under `/reference/sdk/swift/`, and hostile titles
/// stay titles in both formats.
@Suite(.offThePool) struct SiteNavigationTests {
    static let docs = Harness.packageRoot.appendingPathComponent("docs")

    /// Every Markdown page under `docs/<language>/`, relative to that folder.
    static func pages(_ language: String) throws -> Set<String> {
        let folder = docs.appendingPathComponent(language)
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return Set(files.filter { $0.hasSuffix(".md") })
    }

    /// The `(title, path)` leaves of a MkDocs `nav` list.
    static func navLeaves(_ node: Any) -> [(String, String)] {
        if let list = node as? [Any] { return list.flatMap(navLeaves) }
        if let entry = node as? [String: Any] {
            return entry.flatMap { title, value in
                value is String ? [(title, value as! String)] : navLeaves(value)
            }
        }
        return []
    }

    /// The `(title, path)` leaves of a GenAuth sidebar tree.
    static func sidebarLeaves(_ node: [String: Any]) -> [(String, String)] {
        let children = node["children"] as? [[String: Any]] ?? []
        if children.isEmpty, let title = node["title"] as? String, let path = node["path"] as? String { return [(title, path)] }
        return children.flatMap(sidebarLeaves)
    }

    @Test(arguments: ["en", "zh"])
    func theNavigationNamesEveryPageOnce(_ language: String) throws {
        let yaml = try String(contentsOf: Self.docs.appendingPathComponent("nav.\(language).yml"), encoding: .utf8)
        let nav = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let leaves = Self.navLeaves(try #require(nav["nav"]))
        let paths = leaves.map(\.1)
        #expect(Set(paths).count == paths.count, "a page is listed twice")
        #expect(Set(paths) == (try Self.pages(language)))
        #expect(paths.count > 500)
    }

    @Test(arguments: ["en", "zh"])
    func theSidebarTreeNamesTheSamePagesWhereGenAuthsSiteKeepsThem(_ language: String) throws {
        let data = try Data(contentsOf: Self.docs.appendingPathComponent("sidebar.\(language).json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let prefix = (language == "en" ? "/en" : "") + "/reference/sdk/swift/"
        #expect(root["path"] as? String == prefix)
        let leaves = Self.sidebarLeaves(root)
        let pages = try Self.pages(language).filter { $0.contains("/") }   // the operations' pages, not the extras
        #expect(Set(leaves.map(\.1)) == Set(pages.map { prefix + $0.dropLast(3) }))
        #expect(leaves.allSatisfy { !$0.0.isEmpty && !$0.0.contains("\n") })
    }

    @Test func hostileTitlesStayTitlesInBothFormats() throws {
        let expected = Harness.packageRoot.appendingPathComponent("Tests/GenAuthCodegenCoreTests/Goldens/hostile-text/expected/docs")
        let yaml = try String(contentsOf: expected.appendingPathComponent("nav.en.yml"), encoding: .utf8)
        let nav = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let summary = #"Summary */ /* """ \(x) | <script>alert(1)</script> `tick` 🎉 中文"#
        #expect(Self.navLeaves(try #require(nav["nav"])).contains { $0 == (summary, "hostile/echo-text.md") })
        let data = try Data(contentsOf: expected.appendingPathComponent("sidebar.en.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Self.sidebarLeaves(root).map(\.0) == [summary])
    }
}
