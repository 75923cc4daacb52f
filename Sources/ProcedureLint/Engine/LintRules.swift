/// Every rule, in the order of the contract table. Adding a rule means adding it here.
enum LintRules {
  /// One rule, with the protocol it is checked through.
  private enum Entry {
    case document(any DocumentRule.Type)
    case repository(any RepositoryRule.Type)

    var rule: any LintRule.Type {
      switch self {
      case .document(let rule): rule
      case .repository(let rule): rule
      }
    }
  }

  /// Every rule with its kind, written out: an `as? any DocumentRule.Type` cast per rule made the runtime
  /// search every protocol conformance of the program, about 1 % of a 500-document lint.
  private static let entries: [Entry] = [
    .document(FrontMatterRule.self),
    .repository(DuplicateIDRule.self),
    .document(DocLengthRule.self),
    .document(SectionLengthRule.self),
    .document(StepCountRule.self),
    .document(StepNumbersRule.self),
    .document(SentenceLengthRule.self),
    .document(OneInstructionRule.self),
    .document(ReadabilityRule.self),
    .document(PassiveVoiceRule.self),
    .document(FormFieldsRule.self),
    .document(RequiredSectionsRule.self),
    .document(UnfinishedRule.self),
    .document(UndefinedAcronymRule.self),
    .document(HeadingStructureRule.self),
    .document(RepeatedWordRule.self),
    .document(MarkupRule.self),
    .repository(BrokenReferenceRule.self),
    .repository(ObsoleteReferenceRule.self),
    .document(ApproverCountRule.self),
  ]

  /// All rules.
  static let all: [any LintRule.Type] = entries.map(\.rule)

  /// The rules that need only the document, with their index in `all`.
  static let documentRules: [(index: Int, rule: any DocumentRule.Type)] = entries.enumerated().compactMap {
    index, entry in
    if case .document(let rule) = entry { (index, rule) } else { nil }
  }

  /// The rules that compare a document with the repository, with their index in `all`.
  static let repositoryRules: [(index: Int, rule: any RepositoryRule.Type)] = entries.enumerated().compactMap {
    index, entry in
    if case .repository(let rule) = entry { (index, rule) } else { nil }
  }

  /// Rule index by id.
  static let indexByID: [String: Int] = Dictionary(
    uniqueKeysWithValues: all.enumerated().map { ($1.id, $0) })

  /// All rule ids in order.
  static var ids: [String] { all.map { $0.id } }
}
