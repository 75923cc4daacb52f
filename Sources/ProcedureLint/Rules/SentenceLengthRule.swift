/// Checks words per sentence: stricter in steps than in descriptive text.
enum SentenceLengthRule: DocumentRule {
  static let id = "sentence-length"
  static let summary =
    "Words per sentence: at most 20 in a step (numbered-list item), at most 25 in other text."
  static let rationale = """
    ASD-STE100 Simplified Technical English, rule 5.1, limits sentences in procedural writing to 20 words; \
    descriptive writing may use up to 25 (section 6). Long sentences in steps are where people miss a \
    condition or an action. Each list item, heading and table cell ends a sentence; tables, code, HTML \
    and link URLs are not counted, nor are block quotes (quoted law and standards, which the author may \
    not reword) and copyright or licence notices. Citations such as "Art. 10 para. 9" do not end a \
    sentence.
    """
  static let defaultSeverity = Severity.warning
  static let options = [
    RuleOption(name: "step-max", defaultValue: 20, summary: "most words in a sentence of a step"),
    RuleOption(name: "prose-max", defaultValue: 25, summary: "most words in any other sentence"),
  ]

  static let passingExamples = [
    ExampleRepository.procedure(),
    // Real-world shapes: a quoted standard, a citation with "Art." and "para.", a licence footer.
    ExampleRepository.procedure(
      purpose: """
        This procedure keeps our test gear accurate. It meets MDR Art. 10 para. 9 and the clause below.

        > ISO 9001:2015 clause 7.1.5.2: Where measurement traceability is a requirement, or is considered by \
        > the organization to be an essential part of providing confidence in the validity of measurement \
        > results, measuring equipment shall be calibrated or verified, or both, at specified intervals.
        """,
      extra: """
        Template copyright example-qms.org. This template is licensed under the Creative Commons Attribution \
        4.0 International Licence, and you may share and adapt it for any purpose if you give credit.
        """),
  ]
  static let failingExamples = [
    // Real-world shape: a step written as a bullet under the procedure heading.
    ExampleRepository.procedure(
      steps: """
        - Check the due date on the gauge label and the seal on the case and the serial number on the \
        certificate before you send it.
        """),
    ExampleRepository.procedure(
      steps: """
        1. Check the due date on the gauge label and, if the date is less than one week away, send the \
        gauge to the lab with the form.
        2. Write the new due date in the register.
        """),
    ExampleRepository.procedure(
      purpose: """
        This procedure keeps our test gear accurate so that the readings we give to clients, inspectors and \
        our own engineers can be trusted on every job we do.
        """),
  ]

  static func check(_ document: LintDocument, context: RuleContext) -> [Finding] {
    let prose = document.prose
    let stepLimit = context.option("step-max")
    let proseLimit = context.option("prose-max")
    var findings: [Finding] = []
    for sentence in prose.sentences {
      let unit = prose.units[sentence.unit]
      // Quoted law or standards and licence notices are not the author's to shorten.
      guard !unit.isQuoted, !unit.isBoilerplate else { continue }
      let limit = unit.isStep ? stepLimit : proseLimit
      let count = sentence.words.count
      guard Double(count) > limit else { continue }
      let what = unit.isStep ? "step" : "sentence"
      findings.append(
        context.finding(
          .warning, at: prose.position(ofWord: sentence.words.lowerBound, in: unit),
          "split this \(what): \(TextMetrics.grouped(count)) words, aim for \(TextMetrics.decimal(limit)) or fewer",
          metrics: ["words": Double(count), "max": limit], excerpt: prose.excerpt(words: sentence.words)))
    }
    return findings
  }
}
