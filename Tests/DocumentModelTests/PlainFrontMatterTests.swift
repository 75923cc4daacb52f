import Testing

@testable import DocumentModel

@Suite("Plain front-matter fast path")
struct PlainFrontMatterTests {
  static let samples = [
    "id: QP-004\ntitle: Control of nonconforming work\ntype: procedure\nowner: bob@acme.example",
    "id: QP-004\ntitle: no\ntype: procedure\nowner: bob@acme.example\nrelated: [QP-001, F-003]\nstatus: obsolete",
    "# comment\nid: F-1\ntitle: 0123\ntype: form\nowner: a@b.c\nrelated: []\n",
    "id: WI-10\ntitle: Working at heights (roof)\ntype: work-instruction\nowner: x@y.z\n\n",
    "id: WI-10\ntitle: yes\ntype: true\nowner: 12\r\nrelated: [WI-2]\r",
  ]

  static let fallbacks = [
    "id: QP-004\ntitle: \"Quoted\"\ntype: procedure\nowner: b@a.c",
    "id: QP-004\ntitle: a: b\ntype: procedure\nowner: b@a.c",
    "id: QP-004\ntitle: x # comment\ntype: procedure\nowner: b@a.c",
    "id: QP-004\ntitle: ~\ntype: procedure\nowner: b@a.c",
    "id: QP-004\ntitle: t\ntype: procedure\nowner: b@a.c\nrevision: 3",
    "id: QP-004\ntitle: t\ntype: procedure",
    "id: QP-004\ntitle: t\ntype: procedure\nowner: b@a.c\nrelated:\n  - QP-1",
    "id: QP-004\nid: QP-005\ntitle: t\ntype: procedure\nowner: b@a.c",
    "id: QP-004\ntitle: null\ntype: procedure\nowner: b@a.c\nrelated: [QP-1,, QP-2]",
    "id: QP-004\ntitle: t:\ntype: -x\nowner: b@a.c\nrelated: [",
    "id: QP-004\ntitle:t\ntype: procedure\nowner: b@a.c\n\tstatus: active",
  ]

  @Test("Gives exactly what the YAML decoder gives", arguments: samples)
  func matchesYAML(_ yaml: String) throws {
    let fast = try #require(PlainFrontMatter.decode(yaml))
    let full = try TypedYAML(path: "x.md", lineOffset: 1).decode(
      FrontMatter.self, from: yaml, shape: FrontMatter.shape)
    #expect(fast == full)
  }

  @Test("Leaves anything beyond the plain subset to the YAML decoder", arguments: fallbacks)
  func fallsBack(_ yaml: String) {
    #expect(PlainFrontMatter.decode(yaml) == nil)
  }

  @Test("The byte reader and the character reader agree on every ASCII input", arguments: samples + fallbacks)
  func bytesMatchCharacters(_ yaml: String) {
    // Each sample, and each sample cut short at every byte: truncations reach every branch of both readers.
    let bytes = Array(yaml.utf8)
    for end in 0...bytes.count {
      for variant in [bytes[..<end], bytes[..<end] + Array("\r\n  \n".utf8)] {
        let text = String(decoding: variant, as: UTF8.self)
        let viaBytes = Array(variant).withUnsafeBufferPointer { PlainFrontMatter.decodeASCII($0) }
        #expect(viaBytes == PlainFrontMatter.decodeCharacters(text), "\(text.debugDescription)")
      }
    }
  }
}
