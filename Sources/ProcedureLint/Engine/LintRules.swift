/// Every rule, in the order of the contract table. Adding a rule means adding it here.
enum LintRules {
  /// All rules.
  static let all: [any LintRule.Type] = [
    FrontMatterRule.self,
    DuplicateIDRule.self,
    DocLengthRule.self,
    SectionLengthRule.self,
    StepCountRule.self,
    SentenceLengthRule.self,
    OneInstructionRule.self,
    ReadabilityRule.self,
    PassiveVoiceRule.self,
    FormFieldsRule.self,
    RequiredSectionsRule.self,
    UnfinishedRule.self,
    UndefinedAcronymRule.self,
    HeadingStructureRule.self,
    BrokenReferenceRule.self,
    ObsoleteReferenceRule.self,
    ApproverCountRule.self,
  ]

  /// The rules that need only the document, with their index in `all` (cast once, not for every file).
  static let documentRules: [(index: Int, rule: any DocumentRule.Type)] = all.enumerated().compactMap {
    index, rule in (rule as? any DocumentRule.Type).map { (index, $0) }
  }

  /// The rules that compare a document with the repository, with their index in `all`.
  static let repositoryRules: [(index: Int, rule: any RepositoryRule.Type)] = all.enumerated().compactMap {
    index, rule in (rule as? any RepositoryRule.Type).map { (index, $0) }
  }

  /// Rule index by id.
  static let indexByID: [String: Int] = Dictionary(
    uniqueKeysWithValues: all.enumerated().map { ($1.id, $0) })

  /// All rule ids in order.
  static var ids: [String] { all.map { $0.id } }
}
