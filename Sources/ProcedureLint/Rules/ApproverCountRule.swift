/// Checks how many approvals a document's type needs.
enum ApproverCountRule: DocumentRule {
  static let id = "approver-count"
  static let summary = "A type whose policy needs more than 2 approvals (\"three approvals to change a word\")."
  static let rationale = """
    ISO 9001:2015 clause 7.5.2 c) asks for review and approval for suitability and adequacy; it does not ask \
    for many signatures. Every extra approver slows every change, and when correcting a word needs three \
    signatures, people stop correcting documents and work around them. Reported on each document of the \
    type, at its `type:` line.
    """
  static let defaultSeverity = Severity.warning
  static let options = [RuleOption(name: "max", defaultValue: 2, summary: "most approvals a type may require")]

  static let passingExamples = [ExampleRepository.procedure()]
  static let failingExamples = [
    ExampleRepository.document(
      id: "QM-001", title: "Quality manual", type: "manual",
      body: """
        # Quality manual

        This manual describes how our quality system fits together.
        """)
  ]

  static func check(_ document: LintDocument, context: RuleContext) -> [Finding] {
    guard let type = document.typeName, let definition = context.policy?.types[type] else { return [] }
    let approvals = definition.approvals
    let limit = context.option("max")
    guard Double(approvals.count) > limit else { return [] }
    // With an editorial path a small change already needs fewer signatures; the advice says so instead of
    // asking to cut the full set.
    let advice =
      definition.editorial.map { path in
        "; small changes (up to \(path.maxChangedWords) words) take the editorial path with "
          + "\(path.approvals.joined(separator: ", ")), so consider whether a full revision needs them all"
      }
      ?? "; require \(TextMetrics.decimal(limit)) or fewer in sop.yml, or add an editorial path for small changes "
      + "(editorial: {approvals: [quality], max-changed-words: 12}): each extra approval slows every change"
    return [
      context.finding(
        .warning, at: document.frontMatterLines.position(ofKey: "type") ?? document.frontMatterStart,
        "type '\(type)' needs \(approvals.count) approvals (\(approvals.joined(separator: ", ")))" + advice,
        metrics: ["approvals": Double(approvals.count), "max": limit], excerpt: "type " + type)
    ]
  }
}
