import MarkdownSyntax

/// Counts the fields of a form.
enum FormFieldsRule: DocumentRule {
  static let id = "form-fields"
  static let summary =
    "Fields in a form (type `form` or containing \"form\"): empty table cells, `___` runs, `- [ ]` boxes."
  static let rationale = """
    Every field on a form is a question someone must answer and someone else must check. Form-design \
    research (Jarrett and Gaffney, Forms that Work, 2009) and plain-language guidelines advise asking only \
    what you will use. ISO 9001:2015 clause 7.5.3 controls the records a form produces; fewer fields means \
    fewer incomplete records. A field is an empty table body cell, a run of three or more underscores \
    (`Label: ____` counts once) or a task-list box.
    """
  static let defaultSeverity = Severity.warning
  static let options = [
    RuleOption(name: "warning", defaultValue: 15, summary: "warn above this many fields"),
    RuleOption(name: "error", defaultValue: 30, summary: "error above this many fields"),
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
        """)
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
    let bytes = Array(type.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return type.lowercased().contains("form") }
    let form = Array("form".utf8)
    guard bytes.count >= form.count else { return false }
    return (0...(bytes.count - form.count)).contains { start in
      (0..<form.count).allSatisfy { offset in
        let byte = bytes[start + offset]
        return (byte &- 0x41 < 26 ? byte | 0x20 : byte) == form[offset]
      }
    }
  }

  static func check(_ document: LintDocument, context: RuleContext) -> [Finding] {
    guard let type = document.typeName, isFormType(type) else { return [] }
    let prose = document.prose
    var fields = 0
    var first: SourcePosition?
    func add(_ position: SourcePosition) {
      fields += 1
      if first == nil || position < first! { first = position }
    }
    prose.bytes.withUnsafeBufferPointer { bytes in
      for unit in prose.units {
        var runs = 0
        var index = unit.bytes.lowerBound
        while index < unit.bytes.upperBound {
          guard bytes[index] == UInt8(ascii: "_") else {
            index += 1
            continue
          }
          let start = index
          while index < unit.bytes.upperBound, bytes[index] == UInt8(ascii: "_") { index += 1 }
          if index - start >= 3 {
            runs += 1
            add(prose.position(ofByte: start, in: unit))
          }
        }
        if runs == 0, unit.words.isEmpty, case .tableCell(isHeader: false) = unit.kind { add(unit.start) }
      }
    }
    for node in document.markdown.nodes {
      if case .item(let state) = node.kind, state != nil { add(node.start) }
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
    return [
      context.finding(
        tier, at: first ?? document.bodyStart,
        "this form has \(fields) fields; keep it to \(TextMetrics.decimal(limit)) or fewer: ask only for what "
          + "you will use, or split the form",
        metrics: ["fields": Double(fields), "max": limit])
    ]
  }
}
