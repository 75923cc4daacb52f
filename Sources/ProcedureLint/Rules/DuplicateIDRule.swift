/// Checks that no two documents share an id.
enum DuplicateIDRule: RepositoryRule {
  static let id = "duplicate-id"
  static let summary = "Two documents share an id; each file after the first (by path) is reported."
  static let rationale = """
    ISO 9001:2015 clause 7.5.2 a) asks for documented information to be identified; an id that points at \
    two documents identifies neither. References, approvals and the published site all key on the id.
    """
  static let defaultSeverity = Severity.error

  static let passingExamples = [ExampleRepository.procedure(id: "QP-010")]
  static let failingExamples = [ExampleRepository.procedure(id: "QP-002", title: "Internal audit")]

  static func check(_ document: DocumentReferences, index: DocumentIndex, context: RuleContext) -> [Finding] {
    guard let id = document.id else { return [] }
    let owners = index.documents(withID: id.rawValue)
    guard owners.count > 1, let first = owners.first, first.path != document.path else { return [] }
    return [
      context.finding(
        .error, at: document.idPosition,
        "id \(id) is also used by \(first.path); give this document an unused \(id.prefix) id",
        metrics: ["documents": Double(owners.count)], excerpt: id.rawValue)
    ]
  }
}
