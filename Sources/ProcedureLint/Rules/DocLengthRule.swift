/// Checks the length of the whole body.
enum DocLengthRule: DocumentRule {
  static let id = "doc-length"
  static let summary =
    "Body words (no front matter, code or tables), with pages (500 words) and reading minutes (238 wpm)."
  static let rationale = """
    Adults read non-fiction silently at about 238 words a minute (Brysbaert, 2019): 2,500 words is a \
    10-minute read, 5,000 words twenty minutes. People do not reread a 20-page procedure before a job; \
    plain-language guidelines advise short documents that answer one need. Split long documents and move \
    detail into work instructions and forms.
    """
  static let defaultSeverity = Severity.warning
  static let options = [
    RuleOption(name: "warning", defaultValue: 2_500, summary: "warn above this many words"),
    RuleOption(name: "error", defaultValue: 5_000, summary: "error above this many words"),
  ]

  static let passingExamples = [ExampleRepository.procedure()]
  static let failingExamples = [
    ExampleRepository.procedure(
      purpose: "This procedure keeps our pumps safe and working.\n\n" + ExampleRepository.filler(sentences: 380))
  ]

  static func check(_ document: LintDocument, context: RuleContext) -> [Finding] {
    let words = document.prose.proseWordCount
    let errorLimit = context.option("error")
    let warningLimit = context.option("warning")
    let tier: Severity
    let limit: Double
    if Double(words) > errorLimit {
      (tier, limit) = (.error, errorLimit)
    } else if Double(words) > warningLimit {
      (tier, limit) = (.warning, warningLimit)
    } else {
      return []
    }
    let pages = TextMetrics.oneDecimal(Double(words) / TextMetrics.wordsPerPage)
    let minutes = (Double(words) / TextMetrics.wordsPerMinute).rounded(.up)
    return [
      context.finding(
        tier, at: document.bodyStart,
        "this document has \(TextMetrics.grouped(words)) words (\(TextMetrics.decimal(pages)) pages, "
          + "\(TextMetrics.decimal(minutes)) minutes to read); keep it to \(TextMetrics.decimal(limit)) words "
          + "or fewer: split it, or move detail into work instructions and forms",
        metrics: ["words": Double(words), "pages": pages, "minutes": minutes, "max": limit])
    ]
  }
}
