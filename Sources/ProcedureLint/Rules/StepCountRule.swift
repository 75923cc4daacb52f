/// Checks the number of steps in each numbered list.
enum StepCountRule: DocumentRule {
  static let id = "step-count"
  static let summary = "Items in one numbered list; lists work best with 2–7 items."
  static let rationale = """
    Working memory holds about seven items (Miller, 1956), or nearer four chunks (Cowan, 2001). A reader \
    following a long numbered list loses their place, skips steps or starts again. Split long procedures \
    into stages, each with its own heading and a short list.
    """
  static let defaultSeverity = Severity.warning
  static let options = [RuleOption(name: "max", defaultValue: 10, summary: "most items in one numbered list")]

  static let passingExamples = [ExampleRepository.procedure()]
  static let failingExamples = [
    ExampleRepository.procedure(
      steps: (1...12).map { "\($0). Check valve \($0) for leaks." }.joined(separator: "\n"))
  ]

  static func check(_ document: LintDocument, context: RuleContext) -> [Finding] {
    let limit = context.option("max")
    var findings: [Finding] = []
    for node in document.markdown.nodes {
      guard case .list(isOrdered: true, _, _) = node.kind, Double(node.children.count) > limit else { continue }
      findings.append(
        context.finding(
          .warning, at: node.start,
          "this numbered list has \(node.children.count) steps; keep it to \(TextMetrics.decimal(limit)) or "
            + "fewer (lists work best with 2–7 items): split it into stages, each under its own heading",
          metrics: ["steps": Double(node.children.count), "max": limit]))
    }
    return findings
  }
}
