import DocumentModel
import Foundation
import Testing

@Suite("Documents and front matter")
struct DocumentTextTests {
  let valid = """
    ---
    id: QP-004
    title: Control of nonconforming work
    type: procedure
    owner: bob@acme.example
    related: [QP-001, F-003]
    ---

    # Control of nonconforming work
    """

  func parse(_ text: String) throws -> ParsedDocument {
    try ParsedDocument(path: "procedures/qp-004.md", data: Data(text.utf8))
  }

  func error(_ text: String) -> DocumentModelError? {
    error(Data(text.utf8))
  }

  func error(_ data: Data) -> DocumentModelError? {
    do {
      _ = try ParsedDocument(path: "procedures/qp-004.md", data: data)
      return nil
    } catch {
      return error
    }
  }

  @Test("A valid document decodes into typed front matter and keeps body line numbers")
  func validDocument() throws {
    let document = try parse(valid)
    #expect(document.frontMatter.id.rawValue == "QP-004")
    #expect(document.frontMatter.related.map(\.rawValue) == ["QP-001", "F-003"])
    #expect(document.frontMatter.status == .active)
    #expect(document.text.bodyLineOffset == 7)
    #expect(document.text.body.hasPrefix("\n# Control"))
  }

  @Test("YAML's no stays the text 'no' in a string field")
  func noStaysString() throws {
    let document = try parse(valid.replacingOccurrences(of: "title: Control of nonconforming work", with: "title: no"))
    #expect(document.frontMatter.title == "no")
  }

  @Test("A missing key names the key and the line")
  func missingKey() {
    let broken = error(valid.replacingOccurrences(of: "owner: bob@acme.example\n", with: ""))
    #expect(broken == .missingKey(path: "procedures/qp-004.md", line: 2, key: "owner"))
  }

  @Test("An unknown or hand-typed derived key is an error with its line and a hint")
  func unknownKey() {
    let typo = error(valid.replacingOccurrences(of: "owner:", with: "ownr: x\nowner:"))
    guard case .unknownKey(_, 5, "ownr", let hint)? = typo else {
      Issue.record("got \(String(describing: typo))")
      return
    }
    #expect(hint?.contains("owner") == true)
    let revision = error(valid.replacingOccurrences(of: "owner:", with: "revision: 3\nowner:"))
    #expect(revision?.line == 5)
    #expect(revision?.message.contains("git history") == true)
  }

  @Test("Invalid ids are refused, including path tricks")
  func invalidIDs() {
    for bad in ["qp-1", "QP1", "QP-", "../QP-1", "QP/1-2", "QP-1a", "-1", "Q P-1"] {
      #expect(DocumentID(bad) == nil, "\(bad)")
      let failure = error(valid.replacingOccurrences(of: "id: QP-004", with: "id: \"\(bad)\""))
      #expect(failure?.key == "id", "\(bad)")
      #expect(failure?.line == 2, "\(bad)")
    }
    #expect(DocumentID("QP-004") != nil)
    #expect(DocumentID("WI2-10") != nil)
  }

  @Test("Malformed YAML reports the file line of the problem")
  func malformedYAML() {
    let broken = error(valid.replacingOccurrences(of: "type: procedure", with: "type: [procedure"))
    guard case .malformedYAML(_, let line, _, _)? = broken else {
      Issue.record("got \(String(describing: broken))")
      return
    }
    #expect((4...6).contains(line))
  }

  @Test("A front-matter block that never closes is reported at line 1")
  func unclosed() {
    #expect(error("---\nid: QP-1\ntitle: x\n") == .unclosedFrontMatter(path: "procedures/qp-004.md", line: 1))
    #expect(error("# No front matter\n") == .missingFrontMatter(path: "procedures/qp-004.md"))
  }

  @Test("Empty, binary, non-UTF-8 and oversized files are refused with clear errors")
  func badBytes() {
    #expect(error("") == .empty(path: "procedures/qp-004.md"))
    #expect(error(Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])) == .binary(path: "procedures/qp-004.md"))
    var latin1 = Data(valid.utf8)
    latin1.append(contentsOf: [0x0A, 0x63, 0x61, 0x66, 0xE9, 0x0A])
    #expect(error(latin1) == .notUTF8(path: "procedures/qp-004.md", line: 10))
    let huge = Data(repeating: UInt8(ascii: "a"), count: 30 * 1_048_576)
    guard case .tooLarge? = error(huge) else {
      Issue.record("30 MB file was not refused")
      return
    }
  }

  @Test("A billion-laughs alias bomb fails fast instead of expanding")
  func aliasBomb() {
    var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
      yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
      previous = name
    }
    let start = Date()
    let failure = error("---\n\(yaml)---\nbody\n")
    #expect(failure != nil)
    #expect(Date().timeIntervalSince(start) < 5)
  }

  @Test("Obsolete status decodes; other statuses are refused")
  func status() throws {
    let obsolete = try parse(valid.replacingOccurrences(of: "owner:", with: "status: obsolete\nowner:"))
    #expect(obsolete.frontMatter.status == .obsolete)
    let retired = error(valid.replacingOccurrences(of: "owner:", with: "status: retired\nowner:"))
    #expect(retired?.key == "status")
    #expect(retired?.message.contains("'retired' is not a status; use active (the default) or obsolete") == true)
  }

  @Test("Messages say what to do: quote a title with ': ', leave a non-document out with documents:")
  func fixes() throws {
    let title = error(valid.replacingOccurrences(of: "title: Control", with: "title: Lifting: Control"))
    #expect(title?.message.contains("put the whole value in quotes") == true, "\(String(describing: title))")
    #expect(title?.message.contains("mapping values") == false)
    #expect(error("# Notes\n\nJust notes.\n")?.message.contains("documents: in sop.yml") == true)
    let tab = "version: 1\norganisation: Acme\npeople:\n\t- email: a@b.c\n"
    do {
      _ = try Policy.decode(data: Data(tab.utf8))
      Issue.record("a tab-indented sop.yml decoded")
    } catch {
      #expect(error.description.contains("indent with spaces"), "\(error)")
      #expect(!error.description.contains("cannot start any token"))
    }
  }
}

@Suite("Windows line endings")
struct LineEndingTests {
  @Test("A CRLF document splits and decodes like an LF one")
  func crlf() throws {
    let text = "---\r\nid: QP-1\r\ntitle: T\r\ntype: procedure\r\nowner: a@b.c\r\n---\r\n\r\n# T\r\n"
    let document = try ParsedDocument(path: "a.md", data: Data(text.utf8))
    #expect(document.frontMatter.id.rawValue == "QP-1")
    #expect(document.text.bodyLineOffset == 6)
  }
}
