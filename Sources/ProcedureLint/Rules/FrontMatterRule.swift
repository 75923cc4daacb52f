import DocumentModel
import MarkdownSyntax

/// Checks that a file is a readable document with valid, known front matter.
enum FrontMatterRule: DocumentRule {
  static let id = "front-matter"
  static let summary =
    "The file is readable text with front matter giving a valid id, title, type and owner known to sop.yml."
  static let rationale = """
    ISO 9001:2015 clause 7.5.2 a) requires documented information to be identified and described \
    (title, reference number, author); 7.5.3 requires it to be controlled. sop reads the id, title, type and \
    owner from the front matter, so a document without them cannot be approved, reviewed or published. \
    Binary, non-UTF-8, empty, oversized (over 10 MiB) files and files without a closed `---` block are \
    reported here too, at line 1 or at the line of the problem; a YAML error points at its own line.
    """
  static let defaultSeverity = Severity.error

  static let passingExamples = [ExampleRepository.procedure()]

  static let failingExamples = [
    """
    ---
    id: QP-010
    title: Calibrate test gear
    type: procedure
    ---

    # Calibrate test gear
    """,
    """
    ---
    id: QP-010
    title: Calibrate test gear
    type: procedur
    owner: maria@example.com
    ---

    # Calibrate test gear
    """,
    """
    ---
    id: QP-010
    title: Calibrate test gear
    type: procedure
    owner: someone.else@example.com
    ---

    # Calibrate test gear
    """,
    """
    ---
    id: QP-010
    title: [Calibrate test gear
    type: procedure
    ---

    # Calibrate test gear
    """,
    """
    # Calibrate test gear

    This file has no front matter.
    """,
  ]

  /// The finding for a file or front matter sop could not read.
  static func finding(for error: DocumentModelError, context: RuleContext) -> Finding {
    var message = error.message
    switch error {
    case .notUTF8: message += ": save the file as UTF-8"
    case .binary: message += ": keep binary files out of the document folders, or narrow `documents` in sop.yml"
    case .tooLarge(_, let bytes, let limit):
      // One decimal; a file just over the limit reads as 0.1 MiB over it, never as the limit itself.
      let limitMiB = Double(limit) / 1_048_576
      let mebibytes = max(TextMetrics.oneDecimal(Double(bytes) / 1_048_576), limitMiB + 0.1)
      message =
        "the file is \(TextMetrics.decimal(mebibytes)) MiB; sop reads documents up to "
        + "\(TextMetrics.decimal(limitMiB)) MiB: split it into smaller documents"
    case .malformedYAML: message += ": fix the YAML on this line"
    case .missingKey(_, _, let key): message += ": add `\(key): …` to the front matter"
    case .unknownKey(_, _, _, let hint) where hint == nil: message += ": remove it"
    default: break
    }
    return context.finding(
      .error, at: SourcePosition(line: error.line, column: error.column), message, excerpt: error.message)
  }

  static func check(_ document: LintDocument, context: RuleContext) -> [Finding] {
    guard let frontMatter = document.frontMatter, let policy = context.policy else { return [] }
    var findings: [Finding] = []
    if policy.types[frontMatter.type] == nil {
      let known = policy.types.keys.sorted()
      let closest = known.min {
        TextMetrics.editDistance($0, frontMatter.type) < TextMetrics.editDistance($1, frontMatter.type)
      }
      var message = "type '\(frontMatter.type)' is not a type in sop.yml; use one of: \(known.joined(separator: ", "))"
      if let closest, TextMetrics.editDistance(closest, frontMatter.type) <= 2 {
        message += " (did you mean '\(closest)'?)"
      }
      findings.append(
        context.finding(
          .error, at: document.frontMatterLines.position(ofKey: "type") ?? document.frontMatterStart, message,
          excerpt: "type " + frontMatter.type))
    }
    if policy.person(email: frontMatter.owner) == nil {
      findings.append(
        context.finding(
          .error, at: document.frontMatterLines.position(ofKey: "owner") ?? document.frontMatterStart,
          "owner '\(frontMatter.owner)' is not a person in sop.yml; use the email of someone listed under `people`",
          excerpt: "owner " + frontMatter.owner))
    }
    return findings
  }
}
