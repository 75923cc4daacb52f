import Foundation
import MarkdownSyntax

/// Counts the fields of a form.
enum FormFieldsRule: DocumentRule {
  static let id = "form-fields"
  static let summary =
    "Fields to write in a form (type `form` or containing \"form\"): empty table cells and `___` runs; tick "
    + "boxes (`- [ ]`, Yes / No columns) are counted apart and reported with them."
  static let rationale = """
    Every field on a form is a question someone must answer and someone else must check. Form-design \
    research (Jarrett and Gaffney, Forms that Work, 2009) and plain-language guidelines advise asking only \
    what you will use. ISO 9001:2015 clause 7.5.3 controls the records a form produces; fewer fields means \
    fewer incomplete records. A field to write is an empty table body cell or a run of three or more \
    underscores (`Label: ____` counts once); the thresholds count these. A tick box is quick to fill and \
    is counted apart: a task-list box `- [ ]`, or one per row for the empty cells under Yes, No, N/A (and \
    similar) columns or under a heading and its negation ("Covered | Not covered"), so a Yes / No / \
    Comment row is one tick and one field. Blank entry rows of a \
    register or log (every cell empty but a running number) count once, as one entry.
    """
  static let defaultSeverity = Severity.warning
  static let options = [
    RuleOption(name: "warning", defaultValue: 15, summary: "warn above this many fields to write"),
    RuleOption(name: "error", defaultValue: 30, summary: "error above this many fields to write"),
  ]

  static let passingExamples = [
    ExampleRepository.document(
      id: "F-010", title: "Gauge sign-out", type: "form",
      body: """
        # Gauge sign-out

        | Field | Entry |
        | --- | --- |
        | Gauge number | |
        | Date out | |

        Signature: ____________________
        """),
    // Real-world shapes: a 12-item induction checklist of tick boxes, a Covered / Not covered / Comment checklist and
    // a register of blank entry rows.
    ExampleRepository.document(
      id: "F-011", title: "Site induction", type: "form",
      body: """
        # Site induction

        Name: ____________ Date: ____________

        \((1...12).map { "- [ ] Topic \($0) explained" }.joined(separator: "\n"))

        | Question | Covered | Not covered | Comment |
        | --- | --- | --- | --- |
        \((1...8).map { "| Check \($0) done? | | | |" }.joined(separator: "\n"))

        | No. | Date | Gauge | Result | Signed |
        | --- | --- | --- | --- | --- |
        \((1...30).map { "| \($0) | | | | |" }.joined(separator: "\n"))
        """),
  ]
  static let failingExamples = [
    ExampleRepository.document(
      id: "F-010", title: "Gauge sign-out", type: "form",
      body: """
        # Gauge sign-out

        | Field | Entry |
        | --- | --- |
        \((1...14).map { "| Item \($0) | |" }.joined(separator: "\n"))

        Checked by: ____________ Date: ____________

        - [ ] Gauge clean
        - [ ] Case closed
        """)
  ]

  /// Whether a type name contains "form" in any case; ASCII names (the usual case) are searched as bytes.
  static func isFormType(_ type: String) -> Bool {
    guard type.utf8.allSatisfy({ $0 < 0x80 }) else { return type.lowercased().contains("form") }
    // The last four bytes, ASCII capitals lowercased, in one integer: several rules ask this of every document,
    // and arrays of the bytes cost two allocations a call.
    var window: UInt32 = 0
    var count = 0
    for byte in type.utf8 {
      window = window << 8 | UInt32(byte &- 0x41 < 26 ? byte | 0x20 : byte)
      count += 1
      if count >= 4, window == 0x666F_726D { return true }  // "form"
    }
    return false
  }

  static func check(_ document: LintDocument, context: RuleContext) -> [Finding] {
    guard let type = document.typeName, isFormType(type) else { return [] }
    let prose = document.prose
    var fields = 0
    var ticks = 0
    var first: SourcePosition?
    func add(_ position: SourcePosition, isTick: Bool = false) {
      if isTick { ticks += 1 } else { fields += 1 }
      if !isTick, first == nil || position < first! { first = position }
    }
    prose.bytes.withUnsafeBufferPointer { bytes in
      for unit in prose.units {
        var index = unit.bytes.lowerBound
        while index < unit.bytes.upperBound {
          guard bytes[index] == UInt8(ascii: "_") else {
            index += 1
            continue
          }
          let start = index
          while index < unit.bytes.upperBound, bytes[index] == UInt8(ascii: "_") { index += 1 }
          if index - start >= 3 { add(prose.position(ofByte: start, in: unit)) }
        }
      }
    }
    let markdown = document.markdown
    for (index, node) in markdown.nodes.enumerated() {
      switch node.kind {
      case .item(let state) where state != nil:
        add(node.start, isTick: true)
      case .table:
        countTable(index, in: markdown, add: add)
      default:
        continue
      }
    }
    let errorLimit = context.option("error")
    let warningLimit = context.option("warning")
    let tier: Severity
    let limit: Double
    if Double(fields) > errorLimit {
      (tier, limit) = (.error, errorLimit)
    } else if Double(fields) > warningLimit {
      (tier, limit) = (.warning, warningLimit)
    } else {
      return []
    }
    let tickNote = ticks > 0 ? " (and \(TextMetrics.count(ticks, "tick box", "tick boxes")), which are quick)" : ""
    return [
      context.finding(
        tier, at: first ?? document.bodyStart,
        "this form has \(TextMetrics.decimal(Double(fields))) fields to write\(tickNote); keep them to "
          + "\(TextMetrics.decimal(limit)) or fewer: ask only for what you will use, or split the form",
        metrics: ["fields": Double(fields), "ticks": Double(ticks), "max": limit])
    ]
  }

  /// Counts the empty cells of one table: under a Yes / No / N/A column a row's boxes are one tick; other
  /// empty cells are fields to write. Rows that are blank entries of a register or log (every cell empty
  /// but a running number) count once: the register is filled one entry at a time.
  private static func countTable(
    _ table: Int, in markdown: MarkdownDocument, add: (SourcePosition, Bool) -> Void
  ) {
    var tickColumns = Set<Int>()
    var sawBlankEntry = false
    for row in markdown.nodes[table].children {
      guard case .tableRow(let isHeader) = markdown.nodes[row].kind else { continue }
      let cells = markdown.nodes[row].children
      let texts = cells.map { markdown.plainText(of: $0).trimmingCharacters(in: .whitespaces) }
      if isHeader {
        let headers = texts.map { $0.lowercased() }
        for (column, text) in headers.enumerated() where tickHeaders.contains(text) {
          tickColumns.insert(column)
        }
        // "Covered | Not covered", "Met | Not met": a heading and its negation are a pair of boxes.
        for (column, text) in headers.enumerated() where text.hasPrefix("not ") || text.hasPrefix("no ") {
          let positive = String(text.drop { $0 != " " }.dropFirst())
          if let other = headers.firstIndex(of: positive), !positive.isEmpty {
            tickColumns.formUnion([column, other])
          }
        }
        continue
      }
      let isBlankEntry =
        texts.count > 1 && texts.dropFirst().allSatisfy(\.isEmpty)
        && (texts[0].isEmpty || texts[0].allSatisfy { $0.isNumber || $0 == "." })
      if isBlankEntry {
        if sawBlankEntry { continue }
        sawBlankEntry = true
      }
      var hasTick = false
      for (column, text) in texts.enumerated() where text.isEmpty {
        if tickColumns.contains(column) {
          hasTick = true
        } else {
          add(markdown.nodes[cells[column]].start, false)
        }
      }
      if hasTick { add(markdown.nodes[row].start, true) }
    }
  }

  /// Column headings whose cells are ticked, not written in.
  private static let tickHeaders: Set<String> = [
    "yes", "no", "n/a", "na", "y", "n", "ok", "not ok", "pass", "fail", "passed", "failed", "done", "✓", "✔", "x",
    "compliant", "not compliant", "c", "nc", "true", "false", "applicable", "not applicable", "yes/no", "y/n",
  ]
}
