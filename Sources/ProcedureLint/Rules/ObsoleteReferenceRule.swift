import DocumentModel

/// Checks for references to obsolete documents.
enum ObsoleteReferenceRule: RepositoryRule {
  static let id = "obsolete-reference"
  static let summary = "A reference (`related:`, an id in the text, or a link) to an obsolete document."
  static let rationale = """
    ISO 9001:2015 clause 7.5.3.2 d) requires preventing the unintended use of obsolete documented \
    information. A live procedure that points at a withdrawn one invites people to follow it.
    """
  static let defaultSeverity = Severity.warning

  static let passingExamples = [ExampleRepository.procedure(related: "[QP-002]")]
  static let failingExamples = [
    ExampleRepository.procedure(related: "[QP-009]"),
    ExampleRepository.procedure(records: "See [the old audit procedure](QP-009-old-audit.md)."),
  ]

  static func check(_ document: DocumentReferences, index: DocumentIndex, context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    for reference in document.ids where reference.id != document.id?.rawValue {
      guard reference.isRelated || index.prefixes.contains(DocumentID(reference.id)?.prefix ?? "") else { continue }
      let documents = index.documents(withID: reference.id)
      guard !documents.isEmpty, documents.allSatisfy({ $0.status == .obsolete }) else { continue }
      findings.append(
        context.finding(
          .warning, at: reference.position,
          "\(reference.id) is obsolete: refer to the document that replaced it, or remove the reference",
          excerpt: reference.id))
    }
    for (link, target) in document.links {
      guard case .file(let path) = target,
        let target = index.documentsByPath[path], target.status == .obsolete, path != document.path
      else { continue }
      findings.append(
        context.finding(
          .warning, at: link.start,
          "link '\(link.destination)' points at \(target.id), which is obsolete: link to the document that "
            + "replaced it",
          excerpt: link.destination))
    }
    return findings
  }
}
