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
    HeadingStructureRule.self,
    BrokenReferenceRule.self,
    ObsoleteReferenceRule.self,
    ApproverCountRule.self,
  ]

  /// Rule index by id.
  static let indexByID: [String: Int] = Dictionary(
    uniqueKeysWithValues: all.enumerated().map { ($1.id, $0) })

  /// All rule ids in order.
  static var ids: [String] { all.map { $0.id } }
}
