import MarkdownSyntax

/// Checks the number of steps in each list of steps and in each run of numbered step headings.
enum StepCountRule: DocumentRule {
  static let id = "step-count"
  static let summary =
    "Steps in one numbered list, bullet list under the procedure heading, step table (Step | Action | Who) "
    + "or run of numbered step headings (`### 1. …`); lists work best with 2–7 items."
  static let rationale = """
    Working memory holds about seven items (Miller, 1956), or nearer four chunks (Cowan, 2001). A reader \
    following a long numbered list loses their place, skips steps or starts again. Split long procedures \
    into stages, each with its own heading and a short list. Steps are the items of a numbered list, the \
    items of a bullet list under a Procedure, Steps, Method or Instructions heading, and numbered headings \
    of level 3 or deeper (`### 1. Review the request`, whose prose is that step's text for \
    `sentence-length`, `one-instruction` and `passive-voice`; a section number of two or more levels \
    followed by a noun phrase, `### 4.1.1 Investigation`, heads a section, and `### 3.1 Check the gauge` \
    is a step), and the rows of a table whose header \
    names a step column (Step, No., #) and an action column (Action, Activity, Task, Description): the \
    action cell of each row is that step's text, read as prose.
    """
  static let defaultSeverity = Severity.warning
  static let options = [RuleOption(name: "max", defaultValue: 10, summary: "most items in one numbered list")]

  static let passingExamples = [
    ExampleRepository.procedure(),
    // A bullet list outside the procedure section is not a list of steps.
    ExampleRepository.procedure(
      purpose: "This procedure covers these gauges:\n\n" + (1...12).map { "- Gauge \($0)" }.joined(separator: "\n")),
  ]
  static let failingExamples = [
    ExampleRepository.procedure(
      steps: (1...12).map { "\($0). Check valve \($0) for leaks." }.joined(separator: "\n")),
    // Real-world shapes: steps as a bullet list under the procedure heading, and as numbered headings.
    ExampleRepository.procedure(
      steps: (1...12).map { "- Check valve \($0) for leaks." }.joined(separator: "\n")),
    ExampleRepository.procedure(
      steps: "| Step | Action | Who |\n| --- | --- | --- |\n"
        + (1...12).map { "| \($0) | Check valve \($0) for leaks. | Fitter |" }.joined(separator: "\n")),
    ExampleRepository.procedure(
      steps: (1...12).map { "### \($0). Check valve \($0)\n\nLook for leaks at the seal." }.joined(separator: "\n\n")),
  ]

  static func check(_ document: LintDocument, context: RuleContext) -> [Finding] {
    let limit = context.option("max")
    var findings: [Finding] = []
    for list in document.stepLists {
      let node = document.markdown.nodes[list]
      let what: String
      var steps = node.children.count
      switch node.kind {
      case .list(let isOrdered, _, _): what = isOrdered ? "numbered list" : "bullet list"
      case .table:
        what = "step table"
        steps -= 1  // the header row
      default: continue
      }
      guard Double(steps) > limit else { continue }
      findings.append(
        context.finding(
          .warning, at: node.start,
          "this \(what) has \(TextMetrics.grouped(steps)) steps; keep it to "
            + "\(TextMetrics.decimal(limit)) or fewer (lists work best with 2–7 items): split it into stages, each "
            + "under its own heading",
          metrics: ["steps": Double(steps), "max": limit]))
    }
    // Steps written as numbered headings (`### 1. Review the request`): count them under their parent.
    var run: (level: Int, count: Int, start: SourcePosition)?
    func close() {
      guard let current = run, Double(current.count) > limit else { return }
      findings.append(
        context.finding(
          .warning, at: current.start,
          "this procedure has \(TextMetrics.grouped(current.count)) numbered step headings; keep it to \(TextMetrics.decimal(limit)) "
            + "or fewer: split it into stages, each under its own heading",
          metrics: ["steps": Double(current.count), "max": limit]))
    }
    for heading in document.headings {
      let isStep = heading.level >= 3 && (heading.text.first?.isNumber ?? false)
      if isStep, let current = run, current.level == heading.level {
        run!.count += 1
      } else if isStep, run == nil || heading.level < run!.level {
        close()
        run = (heading.level, 1, heading.start)
      } else if !isStep, heading.level <= (run?.level ?? 0) {
        close()
        run = nil
      }
    }
    close()
    return findings
  }
}
