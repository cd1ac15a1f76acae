import Foundation
import GenAuthTestSupport
import Testing
@testable import GenAuthCodegenCore

/// One test per kind of mistake the loader catches: the message and its position are pinned.
@Suite(.offThePool) struct LoaderTests {
    @Test func yamlSyntaxErrorHasItsPosition() {
        let diagnostics = Harness.diagnostics("client: AuthenticationClient\ntypes:\n  A:\n    properties: {a: [}\n")
        #expect(diagnostics == [
            "specs/test.yaml:4:22: error: YAML syntax error: did not find expected node content (while parsing a flow node at line 4, column 22)"
        ])
    }

    @Test func tabsInIndentationAreASyntaxError() {
        let diagnostics = Harness.diagnostics("types:\n\tA:\n    properties: {}\n")
        #expect(diagnostics == [
            "specs/test.yaml:2:1: error: YAML syntax error: found character that cannot start any token (while scanning for the next token at line 2, column 1)"
        ])
    }

    @Test func duplicateKeysAreAnError() {
        let diagnostics = Harness.diagnostics("types:\n  A:\n    properties: {}\n  A:\n    properties: {}\n")
        #expect(diagnostics == ["specs/test.yaml:2:3: error: duplicate key 'A' in a mapping"])
    }

    @Test func anEmptyFileIsAnError() {
        #expect(Harness.diagnostics("") == ["specs/test.yaml:1:1: error: spec file is empty"])
        #expect(Harness.diagnostics("# only a comment\n") == ["specs/test.yaml:1:1: error: spec file is empty"])
    }

    @Test func invalidUTF8IsAnError() {
        let source = SpecSource(displayPath: "specs/bad.yaml", relativePath: "bad.yaml", contents: Data([0x74, 0x79, 0x70, 0xFF, 0xFE]))
        let diagnostics = Pipeline.lint([source]).diagnostics.map(\.description)
        #expect(diagnostics == ["specs/bad.yaml:1:1: error: file is not valid UTF-8 (first bad byte at offset 3)"])
    }

    @Test func binaryGarbageIsAnError() {
        let source = SpecSource(displayPath: "specs/bin.yaml", relativePath: "bin.yaml", contents: Data([0x00, 0x01, 0x02, 0x41]))
        let diagnostics = Pipeline.lint([source]).diagnostics.map(\.description)
        #expect(diagnostics == ["specs/bin.yaml:1:1: error: file contains a NUL character; is it a binary file?"])
    }

    @Test func theRootMustBeAMapping() {
        #expect(Harness.diagnostics("- a\n- b\n") == ["specs/test.yaml:1:1: error: expected a mapping for the spec file, found a sequence"])
    }

    @Test func unknownFileKeyWithSuggestion() {
        let diagnostics = Harness.diagnostics("client: AuthenticationClient\nendpionts: {}\n")
        #expect(diagnostics == ["specs/test.yaml:2:1: error: unknown key 'endpionts' in a spec file (did you mean 'endpoints'?)"])
    }

    @Test func unknownEndpointKeyWithSuggestion() {
        let diagnostics = Harness.diagnostics(Snippets.endpoint("""
            sumary: Do it
            method: POST
            path: /x
            response: OkDto
            """))
        #expect(diagnostics == [
            "specs/test.yaml:3:3: error: endpoint 'doThing' has no 'summary'",
            "specs/test.yaml:4:5: error: unknown key 'sumary' in endpoint 'doThing' (did you mean 'summary'?)",
        ])
    }

    @Test func unknownPropertyKeyWithSuggestion() {
        let diagnostics = Harness.diagnostics("types:\n  A:\n    properties:\n      a: { type: string, requried: true }\n")
        #expect(diagnostics == ["specs/test.yaml:4:26: error: unknown key 'requried' in property 'a' (did you mean 'required'?)"])
    }

    @Test func wrongValueKindIsAnError() {
        let diagnostics = Harness.diagnostics("types:\n  A:\n    properties: [a, b]\n")
        #expect(diagnostics == ["specs/test.yaml:3:17: error: expected a mapping for 'properties', found a sequence"])
    }

    @Test func requiredMustBeABoolean() {
        let diagnostics = Harness.diagnostics("types:\n  A:\n    properties:\n      a: { type: string, required: yes }\n")
        #expect(diagnostics == ["specs/test.yaml:4:36: error: expected true or false for 'required', found the scalar 'yes'"])
    }

    @Test func aMissingRequiredKeyNamesTheEndpoint() {
        let diagnostics = Harness.diagnostics(Snippets.endpoint("""
            summary: Do it
            method: POST
            path: /x
            """))
        #expect(diagnostics == ["specs/test.yaml:3:3: error: endpoint 'doThing' has no 'response'"])
    }

    @Test func aTypeRefMustBeANameArrayOrMap() {
        let diagnostics = Harness.diagnostics("types:\n  A:\n    properties:\n      a: { type: [string, integer] }\n      b: { type: {integer: string} }\n")
        #expect(diagnostics == [
            "specs/test.yaml:4:18: error: an array type is a one-element sequence such as [UserDto]; found 2 elements",
            "specs/test.yaml:5:19: error: map keys are always strings: write {string: …}, not {integer: …}",
        ])
    }

    @Test func unknownLanguageInAText() {
        let diagnostics = Harness.diagnostics("types:\n  A:\n    description: { en: A, fr: Un }\n    properties: {}\n")
        #expect(diagnostics == [
            "specs/test.yaml:3:27: error: unknown language 'fr' in 'description'; a text is a string or a mapping of en/zh to strings"
        ])
    }

    @Test func aTypeIsAnObjectOrAnEnumNotBoth() {
        let diagnostics = Harness.diagnostics("types:\n  A:\n    properties: {}\n    enum: [x]\n  B:\n    description: nothing\n")
        #expect(diagnostics == [
            "specs/test.yaml:2:3: error: type 'A' has both 'properties' and 'enum'; a type is an object or an enum",
            "specs/test.yaml:5:3: error: type 'B' has neither 'properties' nor 'enum'",
        ])
    }
}
