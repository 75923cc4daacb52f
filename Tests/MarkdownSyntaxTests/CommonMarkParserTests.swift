import CCmarkGFM
import Dispatch
import Testing

@testable import MarkdownSyntax

@Suite("CommonMarkParser")
struct CommonMarkParserTests {
  @Test("Headings, lists and tables keep their line:column, shifted by the front matter")
  func positions() {
    let markdown = "# Title\n\n1. First step\n2. Second step\n\n| Name | Value |\n|---|---|\n| a | |\n"
    let document = CommonMarkParser.parse(markdown, lineOffset: 5)
    let heading = document.nodes.first { $0.kind == .heading(level: 1) }
    #expect(heading?.start == SourcePosition(line: 6, column: 1))
    let list = document.nodes.first {
      if case .list(isOrdered: true, _, _) = $0.kind { return true } else { return false }
    }
    #expect(list?.start.line == 8)
    #expect(list.map { $0.children.count } == 2)
    let cells = document.nodes.filter { $0.kind == .tableCell }
    #expect(cells.count == 4)
    #expect(cells.last?.start.line == 13)
    #expect(document.nodes.contains { $0.kind == .tableRow(isHeader: true) })
  }

  @Test("Task list items report their state")
  func taskItems() {
    let document = CommonMarkParser.parse("- [ ] open\n- [x] done\n- plain\n")
    let states = document.nodes.compactMap { node -> Bool?? in
      if case .item(let state) = node.kind { return state } else { return nil }
    }
    #expect(states == [false, true, nil])
  }

  @Test("Plain text joins text nodes with spaces for breaks")
  func plainText() {
    let document = CommonMarkParser.parse("Wear *gloves*\nand `boots`.\n")
    let paragraph = document.nodes.firstIndex { $0.kind == .paragraph }!
    #expect(document.plainText(of: paragraph) == "Wear gloves and boots.")
  }

  @Test("Raw HTML and javascript links are not rendered")
  func safeHTML() {
    let html = CommonMarkParser.renderHTML(
      "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b>bold</b>\n")
    #expect(!html.contains("<script"))
    #expect(!html.contains("javascript:"))
    #expect(!html.contains("<b>"))
  }

  @Test("100,000 nested block quotes parse without recursion")
  func deepNesting() {
    let markdown = String(repeating: ">", count: 100_000) + " deep\n"
    let document = CommonMarkParser.parse(markdown)
    #expect(document.nodes.count > 1)
    let deepest = document.nodes.map(\.depth).max() ?? 0
    #expect(deepest > 1_000)
    #expect(document.subtree(of: 0).count == document.nodes.count)
  }

  /// Extension syntax whose recognition depends on cmark-gfm's special-character table.
  private static let extensionMarkdown = (1...40).map { number in
    "Step \(number): wear ~~old~~ new boots, see www.example.com/\(number) or mail qa\(number)@example.com.\n"
  }.joined(separator: "\n")

  /// Each node as one comparable line: kind, position and literal.
  private static func outline(_ document: MarkdownDocument) -> [String] {
    document.nodes.map { "\($0.kind) \($0.start.line):\($0.start.column) \($0.literal)" }
  }

  @Test("Strikethrough and autolinks are still recognised after earlier parses have finished")
  func extensionsAfterEarlierParses() {
    for _ in 0..<3 {
      let document = CommonMarkParser.parse(Self.extensionMarkdown)
      #expect(document.nodes.filter { $0.kind == .strikethrough }.count == 40)
      let links = document.nodes.compactMap { node -> String? in
        if case .link(let destination, _) = node.kind { return destination } else { return nil }
      }
      #expect(links.filter { $0.hasPrefix("http://www.example.com/") }.count == 40)
      #expect(links.filter { $0.hasPrefix("mailto:qa") }.count == 40)
    }
  }

  @Test("Parses on all cores at once build the same trees as one parse alone")
  func concurrentParses() {
    let expected = Self.outline(CommonMarkParser.parse(Self.extensionMarkdown))
    let count = 400
    nonisolated(unsafe) var outlines = [[String]](repeating: [], count: count)
    outlines.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let slots = buffer
      DispatchQueue.concurrentPerform(iterations: count) { index in
        slots[index] = Self.outline(CommonMarkParser.parse(Self.extensionMarkdown))
      }
    }
    #expect(outlines.allSatisfy { $0 == expected })
  }
}

@Suite("cmark-gfm version guard")
struct CmarkVersionTests {
  @Test("The partial lock is used only with the libcmark-gfm version it was checked against")
  func versionGuard() {
    let running = String(cString: cmark_version_string())
    #expect(CommonMarkParser.onlyInlinePassIsShared == (running == CommonMarkParser.checkedVersion))
  }
}

@Suite("Heading anchors")
struct HeadingAnchorsTests {
  @Test("GitHub's slugs: lower case, punctuation out, spaces as hyphens, letters of any script kept")
  func slugs() {
    #expect(HeadingAnchors.slug("6. Conclude the incident") == "6-conclude-the-incident")
    #expect(HeadingAnchors.slug("Check (daily) – pumps & valves") == "check-daily--pumps--valves")
    #expect(HeadingAnchors.slug("snake_case and kebab-case") == "snake_case-and-kebab-case")
    #expect(HeadingAnchors.slug("Prüfung der Geräte 🔧") == "prüfung-der-geräte-")
    #expect(HeadingAnchors.slug("手順") == "手順")
  }

  @Test("A repeated heading gets -1, -2, … and never an anchor an earlier heading has")
  func repeats() {
    var anchors = HeadingAnchors()
    #expect(["Step", "Step 1", "Step", "Step"].map { anchors.next($0) } == ["step", "step-1", "step-2", "step-3"])
  }
}
