/// Checks the words under each heading.
enum SectionLengthRule: DocumentRule {
  static let id = "section-length"
  static let summary = "Words under one heading, up to the next heading of any level."
  static let rationale = """
    Plain-language guidelines (for example the US Federal Plain Language Guidelines, "write short \
    sections") advise short sections under informative headings, so that readers can find the one part \
    they need. More than 300 words (over half a page) under one heading usually hides several topics. \
    Quoted law and standards (block quotes, and regulations quoted without one, as the sentence-length \
    rule tells them) are not counted: they cannot be split.
    """
  static let defaultSeverity = Severity.suggestion
  static let options = [RuleOption(name: "max", defaultValue: 300, summary: "most words under one heading")]

  static let passingExamples = [ExampleRepository.procedure()]
  static let failingExamples = [
    ExampleRepository.procedure(
      purpose: "This procedure keeps our pumps safe.\n\n" + ExampleRepository.filler(sentences: 50))
  ]

  static func check(_ document: LintDocument, context: RuleContext) -> [Finding] {
    let limit = context.option("max")
    var words = [Int](repeating: 0, count: document.headings.count + 1)
    // Quoted law or standards (a block quote, or a section quoting a regulation) cannot be split.
    for unit in document.prose.units where unit.isProse && !unit.isQuoted {
      if case .heading = unit.kind { continue }
      words[unit.section + 1] += unit.words.count
    }
    var findings: [Finding] = []
    for (slot, count) in words.enumerated() where Double(count) > limit {
      let heading = slot > 0 ? document.headings[slot - 1] : nil
      let name = heading.map { "section '\($0.text)'" } ?? "the text before the first heading"
      findings.append(
        context.finding(
          .suggestion, at: heading?.start ?? document.bodyStart,
          "\(name) has \(TextMetrics.grouped(count)) words; keep it to \(TextMetrics.decimal(limit)) or fewer: "
            + "split it under sub-headings, or move detail into a work instruction",
          metrics: ["words": Double(count), "max": limit], excerpt: heading?.text ?? ""))
    }
    return findings
  }
}
