import Foundation
import GenAuthTestSupport
import Testing
import Yams
@testable import GenAuthCodegenCore

/// The node trees the importer builds share one `Tag` of each kind (Yams's `Tag` is a class). Yams resolves an
/// `.implicit` tag in place, on the shared object, whenever it compares, hashes or emits a node: a shared implicit
/// tag became `.map` or `.seq` for every node built afterwards (this test failed so), and two threads comparing
/// nodes could write it at once.
@Suite(.offThePool) struct YAMLTreeTests {
    @Test func comparingNodesChangesNoOtherNodesTag() {
        // On several threads at once, as the importer's stages run. (ThreadSanitizer did not report the unfixed race
        // here: Dispatch's shared iteration counter orders the threads' accesses. The assertions below are the check.)
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let node = index.isMultiple(of: 2)
                ? YAMLTree.sequence([YAMLTree.string("a"), YAMLTree.integer(index)])
                : YAMLTree.mapping([("a", YAMLTree.bool(true)), ("b", YAMLTree.null)])
            #expect(node == node)
        }
        #expect(YAMLTree.sequence([]).tag.rawValue == Tag.Name.seq.rawValue)
        #expect(YAMLTree.mapping([]).tag.rawValue == Tag.Name.map.rawValue)
        #expect(YAMLTree.mapping(nodes: []).tag.rawValue == Tag.Name.map.rawValue)
        #expect(YAMLTree.string("1").tag.rawValue == Tag.Name.str.rawValue)
        #expect(YAMLTree.integer(1).tag.rawValue == Tag.Name.int.rawValue)
        #expect(YAMLTree.number(1.5).tag.rawValue == Tag.Name.float.rawValue)
        #expect(YAMLTree.bool(false).tag.rawValue == Tag.Name.bool.rawValue)
        #expect(YAMLTree.null.tag.rawValue == Tag.Name.null.rawValue)
    }
}
