import MarkdownSyntax

/// Checks the numbers typed before the items of numbered lists: steps that skip, repeat or run back, and a
/// list that starts past 1 with nothing before it.
enum StepNumbersRule: DocumentRule {
  static let id = "step-numbers"
  static let summary =
    "Numbered steps whose typed numbers skip (7, 14), repeat (7, 7) or run back (10, 9), and a numbered list "
    + "that starts past 1 with no list before it to carry on."
  static let rationale = """
    The number before a step is how people keep their place, say where they are ("I'm at step 9") and \
    refer to another step ("repeat from step 3"). CommonMark numbers a list's items from its first number \
    and ignores the rest, so a page can show 1 to 12 where the writer typed 1 to 7 and then 14 to 19: the \
    gap is usually steps lost while editing, and the reader of the source, the reviewer of a change and the \
    printed page of another tool all see different numbers. On the blind corpora of round sixteen (issue \
    14), judges named such lists among the worst misses a tool could catch: a wet-lab protocol whose steps \
    jump from 7 to 14, a rig's clean-up list numbered 3, 5, 7, 7, 8, 8, 9, 9, 10, 9, and an assay whose \
    steps start at 5 (its first four steps, the core of the assay, were never written). One finding per \
    list, at the first number out of order. A list typed all with one number ("1." before every item, as \
    some writers do so that moving a step renumbers nothing) is in order; so is a list that carries on an \
    earlier one after a picture or a note (it starts at the number after the last one before it), and a \
    list that starts at 0. A list that starts past 1 where the list before it reached \
    that number or more repeats those steps.
    """
  static let defaultSeverity = Severity.warning

  static let passingExamples = [
    ExampleRepository.procedure(),
    // Every item typed "1.": the page numbers them, and moving a step renumbers nothing.
    ExampleRepository.procedure(
      steps: """
        1. Check the due date on the gauge label.
        1. Send the gauge to the lab a week before that date.
        1. Write the new due date in the register.
        """),
    // A list carried on after a note starts at the number after the last step before it.
    ExampleRepository.procedure(
      steps: """
        1. Check the due date on the gauge label.
        2. Send the gauge to the lab a week before that date.

        The lab needs the gauge for a week.

        3. Write the new due date in the register.
        4. File the lab's report.
        """),
  ]
  static let failingExamples = [
    // Real-world shape (a Hi-C protocol, the thirty-first blind check): steps 8 to 13 lost.
    ExampleRepository.procedure(
      steps: """
        1. Check the due date on the gauge label.
        2. Send the gauge to the lab a week before that date.
        9. Write the new due date in the register.
        """),
    // Real-world shape (an imaging rig's clean-up list, the thirty-first blind check): a step numbered twice.
    ExampleRepository.procedure(
      steps: """
        1. Check the due date on the gauge label.
        2. Send the gauge to the lab a week before that date.
        2. Write the new due date in the register.
        """),
    // Real-world shape (a fluorometer assay, the twenty-ninth blind check): the first steps were never written.
    ExampleRepository.procedure(
      steps: """
        5. Send the gauge to the lab a week before that date.
        6. Write the new due date in the register.
        """),
  ]

  static func check(_ document: LintDocument, context: RuleContext) -> [Finding] {
    let nodes = document.markdown.nodes
    var lines: [Substring]?
    var findings: [Finding] = []
    // The last number reached by the previous top-level numbered list: a rule book numbers its rules on
    // across its sections ("## Returning kit" carries on at 19), and a list carries on after a picture.
    var reached: Int?
    for (index, node) in nodes.enumerated() {
      guard case .list(isOrdered: true, let start, _) = node.kind, !node.children.isEmpty else { continue }
      if lines == nil { lines = document.prose.source.split(separator: "\n", omittingEmptySubsequences: false) }
      let typed = node.children.map { typedNumber(of: nodes[$0].start, lines: lines ?? [], offset: document) }
      let isTopLevel = nodes[index].parent.map { if case .item = nodes[$0].kind { false } else { true } } ?? true
      let before = reached
      // The last number the writer typed, unless every item has one number ("1." throughout, numbered by the
      // page).
      if isTopLevel {
        let shown = start + node.children.count - 1
        let numbers = typed.compactMap { $0 }
        reached = numbers.count == typed.count && !numbers.allSatisfy({ $0 == numbers[0] }) ? numbers.last : shown
      }
      // A list that starts past 1 carries on the list before it, or steps are lost or numbered twice.
      if isTopLevel, start > 1, before.map({ $0 != start - 1 }) ?? true {
        let message: String
        if let before, before >= start {
          message =
            "this numbered list starts at \(start), but the list before it reached \(before): "
            + (before == start ? "step \(start) is" : "steps \(start) to \(before) are")
            + " numbered twice; number the steps in order"
        } else {
          let from = (before ?? 0) + 1
          let missing = from == start - 1 ? "step \(from)" : "steps \(from) to \(start - 1)"
          message =
            before == nil
            ? "this numbered list starts at \(start): write \(missing), or number the steps from 1"
            : "this numbered list starts at \(start), but the list before it ended at \(before ?? 0): write "
              + "\(missing), or number the steps in order"
        }
        findings.append(context.finding(.warning, at: node.start, message, metrics: ["start": Double(start)]))
        continue
      }
      // Typed all with one number: in order. Otherwise the first number out of order.
      guard typed.count > 1, typed.allSatisfy({ $0 != nil }) else { continue }
      let numbers = typed.compactMap { $0 }
      if numbers.allSatisfy({ $0 == numbers[0] }) { continue }
      guard let item = numbers.indices.dropFirst().first(where: { numbers[$0] != numbers[$0 - 1] + 1 }) else {
        continue
      }
      let (previous, number) = (numbers[item - 1], numbers[item])
      let message: String
      if number == previous {
        message = "step \(number) is numbered twice (the page shows \(start + item)): number the steps in order"
      } else if number > previous {
        let missing = number - previous == 2 ? "step \(previous + 1) is" : "steps \(previous + 1) to \(number - 1) are"
        message =
          "the steps skip from \(previous) to \(number) (the page shows \(start + item)): if \(missing) "
          + "missing, write \(number - previous == 2 ? "it" : "them"); otherwise number the steps in order"
      } else {
        message = "step \(number) follows step \(previous) (the page shows \(start + item)): number the steps in order"
      }
      findings.append(
        context.finding(
          .warning, at: nodes[node.children[item]].start, message,
          metrics: ["typed": Double(number), "shown": Double(start + item)]))
    }
    return findings
  }

  /// The number typed at an item's position ("14)" or "14."), or nil when the source does not hold one there.
  private static func typedNumber(of position: SourcePosition, lines: [Substring], offset document: LintDocument)
    -> Int?
  {
    let index = position.line - document.prose.lineOffset - 1
    guard index >= 0, index < lines.count else { return nil }
    let line = lines[index].utf8
    guard position.column >= 1, position.column <= line.count else { return nil }
    var digits = line.dropFirst(position.column - 1).drop { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }
    var number = 0
    var count = 0
    while let byte = digits.first, byte &- 0x30 < 10, count < 9 {
      number = number * 10 + Int(byte - 0x30)
      count += 1
      digits = digits.dropFirst()
    }
    guard count > 0, let mark = digits.first, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")") else {
      return nil
    }
    return number
  }
}
