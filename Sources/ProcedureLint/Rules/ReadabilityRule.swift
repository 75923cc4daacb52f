/// Checks the Flesch–Kincaid grade of the document's prose.
enum ReadabilityRule: DocumentRule {
  static let id = "readability"
  static let summary = "Flesch–Kincaid grade of the prose (no tables, code, front matter or link URLs)."
  static let rationale = """
    The Flesch–Kincaid grade (Kincaid et al., 1975) is 0.39 × words per sentence + 11.8 × syllables per \
    word − 15.59: the US school grade a reader needs. Plain-language guidelines aim at grade 8 or lower for \
    instructions the whole workforce uses, including people reading in a second language. Each list \
    item, heading and table cell ends a sentence, otherwise short steps merge into long "sentences". \
    Syllables are estimated: groups of vowels, less a silent final e (but not -le), a silent -ed (except \
    after t or d) and a silent -es (except after s, x, z, c, g, ch, sh); at least one per word.
    """
  static let defaultSeverity = Severity.suggestion
  static let options = [
    RuleOption(name: "suggestion", defaultValue: 8, summary: "suggest above this grade"),
    RuleOption(name: "warning", defaultValue: 10, summary: "warn above this grade"),
  ]

  static let passingExamples = [ExampleRepository.procedure()]
  static let failingExamples = [
    ExampleRepository.procedure(
      purpose: """
        This procedure establishes the organisational requirements for the systematic verification of \
        measurement instrumentation, ensuring traceability to recognised international standards. \
        Calibration intervals are determined by manufacturer recommendations, historical performance \
        characteristics and operational criticality.
        """,
      records: """
        Calibration certificates, including documented measurement uncertainty evaluations, are retained \
        electronically for a minimum duration of seven years following equipment decommissioning.
        """)
  ]

  static func check(_ document: LintDocument, context: RuleContext) -> [Finding] {
    let prose = document.prose
    guard let first = prose.sentences.first else { return [] }
    // Every word of a prose unit is in exactly one sentence, so the prose totals are the sentence totals.
    let words = prose.proseWordCount
    let syllables = prose.proseSyllableCount
    let sentences = prose.sentences.count
    let grade = TextMetrics.oneDecimal(
      TextMetrics.fleschKincaidGrade(words: words, sentences: sentences, syllables: syllables))
    let warning = context.option("warning")
    let suggestion = context.option("suggestion")
    let tier: Severity
    let limit: Double
    if grade > warning {
      (tier, limit) = (.warning, warning)
    } else if grade > suggestion {
      (tier, limit) = (.suggestion, suggestion)
    } else {
      return []
    }
    let perSentence = TextMetrics.oneDecimal(Double(words) / Double(sentences))
    let perWord = (Double(syllables) / Double(words) * 100).rounded() / 100
    // Point at what drives the grade: long sentences (over 15 words) or long words (over 1.5 syllables).
    let sentenceAdvice = "shorter sentences (now \(TextMetrics.decimal(perSentence)) words each)"
    let wordAdvice = "shorter words (now \(perWord) syllables each)"
    var advice = (perSentence > 15 ? [sentenceAdvice] : []) + (perWord > 1.5 ? [wordAdvice] : [])
    if advice.isEmpty { advice = [sentenceAdvice, wordAdvice] }
    return [
      context.finding(
        tier, at: prose.position(ofWord: first.words.lowerBound, in: prose.units[first.unit]),
        "reading grade \(TextMetrics.decimal(grade)) (Flesch–Kincaid) is above \(TextMetrics.decimal(limit)): use "
          + advice.joined(separator: " and "),
        metrics: [
          "grade": grade, "max": limit, "words": Double(words), "sentences": Double(sentences),
          "syllables": Double(syllables),
        ])
    ]
  }
}
