import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// Anchors and aliases are refused before Yams sees them (see `AnchorScanner`); text that merely contains
/// `&` or `*` is not.
@Suite(.offThePool) struct AnchorScannerTests {
    @Test(arguments: [
        ("a: &x 1\n", 1, 4, false),
        ("a: *x\n", 1, 4, true),
        ("- *x\n", 1, 3, true),
        ("a: [1, *x]\n", 1, 8, true),
        ("a: {b: *x}\n", 1, 8, true),
        ("{\"a\":*x}\n", 1, 6, true),
        ("a:\n  &x b: 1\n", 2, 3, false),
        ("? *x\n: 1\n", 1, 3, true),
    ])
    func findsAnchorsAndAliases(text: String, line: Int, column: Int, isAlias: Bool) {
        #expect(AnchorScanner.firstAnchorOrAlias(in: text) == .init(line: line, column: column, isAlias: isAlias))
    }

    @Test(arguments: [
        "description: use **bold** & *stars* freely\n",
        "example: apiname=x&app_id=1&scope=*\n",
        "example: otpauth://totp/a:b?secret=x&period=30\n",
        "a: \"*quoted\"\nb: '&quoted'\nc: \"multi\n  *line\"\n",
        "d: |-\n  * a list item\n  & more\n  *x\ne: plain\n",
        "f: >\n  *folded\n\ng: 1\n",
        "h: [a*b, c&d, \"*e\"]\n",
        "# *comment &too\ni: 1 # *also\n",
        "{\"k\":\"v*\",\"l\":[\"&\",\"*x\"]}\n",
        "summary: { en: \"A *b*\", zh: 中文 *重点* }\n",
    ])
    func leavesTextAlone(text: String) {
        #expect(AnchorScanner.firstAnchorOrAlias(in: text) == nil)
    }
}
