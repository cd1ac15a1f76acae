/// CHANGELOG.md: released entries written by people, and an Unreleased section that `generate --changelog`
/// rewrites, between two markers, on every run (so running it twice changes nothing).
public enum ChangelogFile {
    static let begin = "<!-- genauth-codegen: unreleased; rewritten by `genauth-codegen generate --changelog` -->"
    static let end = "<!-- genauth-codegen: end of unreleased -->"

    /// `existing` with its Unreleased section replaced (or added under the title).
    public static func updating(_ existing: String?, unreleased changelog: Changelog, since revision: String) -> String {
        let section = [begin, changelog.markdown(title: "Unreleased (since \(revision))").trimmingTrailingNewlines(), end].joined(separator: "\n")
        guard var text = existing, !text.isEmpty else {
            return "# Changelog\n\n" + section + "\n"
        }
        if let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex) {
            text.replaceSubrange(start.lowerBound..<stop.upperBound, with: section)
            return text
        }
        if let title = text.range(of: "# Changelog\n") {
            text.insert(contentsOf: "\n" + section + "\n", at: title.upperBound)
            return text
        }
        return "# Changelog\n\n" + section + "\n\n" + text
    }
}
