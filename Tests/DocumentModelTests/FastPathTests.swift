import Foundation
import Testing

@testable import DocumentModel

/// The fast paths must give exactly what the general code gives, or defer to it.
@Suite("Document fast paths")
struct FastPathTests {
  static let splits: [String] = [
    "---\nid: QP-1\n---\n# Body\n", "---\nid: QP-1\n---", "---\n---\n", "---\nid: QP-1\n---\n\n",
    "---\na: b\n...\nbody",
    "  ---  \nid: QP-1\n\t---\nbody\n\nmore", "\u{FEFF}---\nid: QP-1\n---\nbody\n", "---\nid: QP-1\n--- \n\n\nx\n\n",
    "---\nid: QP-1\n-----\n---\nbody", "---\u{00A0}\nid: QP-1\n---\nbody\n", "---\nid: QP-1\n—\n---\nbody é\n",
    "# no front matter\n", "---\nnever closed\n", "---", "---\n",
  ]

  @Test("The byte-level split equals the Character-level split", arguments: splits)
  func split(text: String) throws {
    var body = text
    if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
    guard let fast = DocumentText.fastSplit(body) else { return }
    let reference = try DocumentText(path: "a.md", text: body)
    #expect(fast.yaml == reference.frontMatterYAML)
    #expect(fast.body == reference.body)
    #expect(fast.bodyLineOffset == reference.bodyLineOffset)
  }

  @Test("The sample repository and templates take the fast split and read the same both ways")
  func sampleRepository() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("sample-repo")
    let files =
      FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" && $0.lastPathComponent != "README.md" } ?? []
    #expect(files.count > 10)
    for url in files {
      let text = try String(contentsOf: url, encoding: .utf8)
      let fast = try #require(DocumentText.fastSplit(text))
      let reference = try DocumentText(path: "a.md", text: text)
      #expect(fast.body == reference.body && fast.yaml == reference.frontMatterYAML)
      let plain = try #require(PlainFrontMatter.decode(fast.yaml))
      let full = try TypedYAML(path: "a.md", lineOffset: 1).decode(
        FrontMatter.self, from: fast.yaml, shape: FrontMatter.shape)
      #expect(plain == full)
    }
  }

  static let frontMatters: [String] = [
    "id: QP-001\ntitle: Control of documents\ntype: procedure\nowner: tom@example.com\nrelated: [QP-002, QP-004]",
    "id: QP-001\ntitle: Tom's form, v2 (draft)\ntype: procedure\nowner: tom@example.com\nstatus: obsolete",
    "id: QP-001\ntitle: Café  menu\ntype: procedure\nowner: tom@example.com\nrelated: []\n\n",
    "title: T\nowner: o\ntype: procedure\nid: QP-9",
    // Everything below must go to the YAML decoder.
    "title: T\nowner: o\ntype: procedure\nid: POLICY",
    "id: QP-001\ntitle: yes\ntype: procedure\nowner: tom@example.com",
    "id: QP-001\ntitle: 5S rules\ntype: procedure\nowner: tom@example.com",
    "id: QP-001\ntitle: \"Quoted\"\ntype: procedure\nowner: tom@example.com",
    "id: QP-001\ntitle: A # comment\ntype: procedure\nowner: tom@example.com",
    "id: QP-001\ntitle: A: B\ntype: procedure\nowner: tom@example.com",
    "id: QP-001\ntitle: A\ntitle: B\ntype: procedure\nowner: tom@example.com",
    "id: QP-001\ntitle: A\ntype: procedure\nowner: tom@example.com\nrevision: 3",
    "id: QP-001\ntitle: A\ntype: procedure\nowner: tom@example.com\nrelated:\n  - QP-002",
    "id: QP-001\ntitle: A\ntype: procedure\nowner: tom@example.com\nrelated: [QP-002,]",
    "id: qp-001\ntitle: A\ntype: procedure\nowner: tom@example.com",
    "id: QP-001\ntitle: A\ntype: procedure",
    "id: QP-001\ntitle: A\ntype: procedure\nowner: null",
    "id: QP-001\ntitle: A\ntype: procedure\nowner: tom@example.com\nstatus: retired",
    "id: QP-001\ntitle: A–B\ntype: procedure\nowner: tom@example.com",
    "id: QP-001\ntitle:\ttab\ntype: procedure\nowner: tom@example.com",
    " id: QP-001\ntitle: A\ntype: procedure\nowner: tom@example.com",
    // Found by fuzzing: YAML refuses non-printable characters, so the plain reader must too.
    "id: QP-001\ntitle: A\u{13}B\ntype: procedure\nowner: tom@example.com",
    "id: QP-001\ntitle: A\u{7F}B\ntype: procedure\nowner: tom@example.com",
    "id: QP-001\ntitle: A\u{90}B é\ntype: procedure\nowner: tom@example.com",
    "id: QP-001\ntitle: A\u{FFFE}B\ntype: procedure\nowner: tom@example.com",
    "id: QP-001\ntitle: A\u{85}B\ntype: procedure\nowner: tom@example.com",
    "id: QP-001\ntitle: A\u{2028}  B\ntype: procedure\nowner: tom@example.com",
  ]

  @Test("Plain front matter reads like the YAML decoder, or defers to it", arguments: frontMatters)
  func frontMatter(yaml: String) {
    let reference = try? TypedYAML(path: "a.md", lineOffset: 1).decode(
      FrontMatter.self, from: yaml, shape: FrontMatter.shape)
    if let fast = PlainFrontMatter.decode(yaml) {
      #expect(fast == reference)
    }
    if yaml.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }) {
      #expect(PlainFrontMatter.decode(yaml) == nil)
    }
  }

  @Test("The common forms take the fast path")
  func fastPathTaken() {
    for yaml in Self.frontMatters.prefix(4) {
      #expect(PlainFrontMatter.decode(yaml) != nil, "\(yaml)")
    }
  }
}
