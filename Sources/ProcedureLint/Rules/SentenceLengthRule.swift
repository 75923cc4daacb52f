/// Checks words per sentence: stricter in steps than in descriptive text.
enum SentenceLengthRule: DocumentRule {
  static let id = "sentence-length"
  static let summary =
    "Words per sentence: at most 20 in a step (numbered-list item), at most 25 in other text."
  static let rationale = """
    ASD-STE100 Simplified Technical English, rule 5.1, limits sentences in procedural writing to 20 words; \
    descriptive writing may use up to 25 (section 6). Long sentences in steps are where people miss a \
    condition or an action. Each list item, heading and table cell ends a sentence; tables, code, HTML \
    and link URLs are not counted.
    """
  static let defaultSeverity = Severity.warning
  static let options = [
    RuleOption(name: "step-max", defaultValue: 20, summary: "most words in a sentence of a step"),
    RuleOption(name: "prose-max", defaultValue: 25, summary: "most words in any other sentence"),
  ]

  static let passingExamples = [ExampleRepository.procedure()]
  static let failingExamples = [
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
      let limit = unit.isStep ? stepLimit : proseLimit
      let count = sentence.words.count
      guard Double(count) > limit else { continue }
      let what = unit.isStep ? "step" : "sentence"
      findings.append(
        context.finding(
          .warning, at: prose.position(ofWord: sentence.words.lowerBound, in: unit),
          "split this \(what): \(count) words, aim for \(TextMetrics.decimal(limit)) or fewer",
          metrics: ["words": Double(count), "max": limit], excerpt: prose.excerpt(words: sentence.words)))
    }
    return findings
  }
}
