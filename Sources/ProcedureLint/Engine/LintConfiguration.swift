import DocumentModel

/// The `lint:` block of `sop.yml`, resolved against every rule's defaults, plus what was wrong with it.
struct LintConfiguration: Sendable {
  /// Settings per rule (indexed like `LintRules.all`) for documents whose type has no override.
  private let general: [ResolvedRuleSettings]
  /// Settings per rule for each type named under `lint.types`.
  private let byType: [String: [ResolvedRuleSettings]]
  /// Problems found in the configuration, as sentences naming the key.
  let warnings: [String]

  private static let severityWords = ["off", "suggestion", "warning", "error"]

  init(policy: Policy?) {
    let lint = policy?.lint ?? LintSettings()
    var warnings: [String] = []
    for (ruleID, settings) in lint.rules.sorted(by: { $0.key < $1.key }) {
      Self.validate(ruleID: ruleID, settings: settings, keyPath: "lint.rules.\(ruleID)", into: &warnings)
    }
    let knownTypes = Set(policy?.types.keys.map { $0 } ?? [])
    for (typeName, rules) in lint.types.sorted(by: { $0.key < $1.key }) {
      if policy != nil, !knownTypes.contains(typeName) {
        warnings.append(
          "sop.yml: lint.types.\(typeName): '\(typeName)' is not a type under `types`"
            + Self.hint(for: typeName, among: knownTypes.sorted()) + "; its settings are unused")
      }
      for (ruleID, settings) in rules.sorted(by: { $0.key < $1.key }) {
        Self.validate(
          ruleID: ruleID, settings: settings, keyPath: "lint.types.\(typeName).\(ruleID)", into: &warnings)
      }
    }
    self.warnings = warnings
    general = LintRules.all.map { Self.resolve($0, lint.settings(forRule: $0.id, type: nil)) }
    var byType: [String: [ResolvedRuleSettings]] = [:]
    for typeName in lint.types.keys {
      byType[typeName] = LintRules.all.map { Self.resolve($0, lint.settings(forRule: $0.id, type: typeName)) }
    }
    self.byType = byType
  }

  /// The settings of the rule at `index` for a document of type `type`.
  func settings(ruleIndex index: Int, type: String?) -> ResolvedRuleSettings {
    settings(type: type)[index]
  }

  /// The settings of every rule, by index, for a document of type `type`: looked up once per document, since
  /// a lookup by type name for each rule was a string hash and compare nineteen times a document.
  func settings(type: String?) -> [ResolvedRuleSettings] {
    if let type, let overrides = byType[type] { return overrides }
    return general
  }

  private static func resolve(_ rule: any LintRule.Type, _ settings: RuleSettings) -> ResolvedRuleSettings {
    var resolved = ResolvedRuleSettings()
    for option in rule.options { resolved.options[option.name] = settings.options[option.name] ?? option.defaultValue }
    switch settings.severity?.lowercased() {
    case "off": resolved.isEnabled = false
    case let word?: resolved.severity = Severity(rawValue: word)
    case nil: break
    }
    return resolved
  }

  private static func validate(
    ruleID: String, settings: RuleSettings, keyPath: String, into warnings: inout [String]
  ) {
    guard let index = LintRules.indexByID[ruleID] else {
      warnings.append(
        "sop.yml: \(keyPath): unknown lint rule '\(ruleID)'" + hint(for: ruleID, among: LintRules.ids)
          + "; it is ignored")
      return
    }
    let rule = LintRules.all[index]
    if let severity = settings.severity, !severityWords.contains(severity.lowercased()) {
      warnings.append(
        "sop.yml: \(keyPath).severity: '\(severity)' is not a severity; use one of "
          + severityWords.joined(separator: ", ") + "; the rule keeps its default")
    }
    let known = rule.options.map(\.name)
    for name in settings.options.keys.sorted() where !known.contains(name) {
      let choices = known.isEmpty ? "it has no options" : "its options are " + known.joined(separator: ", ")
      warnings.append(
        "sop.yml: \(keyPath).\(name): rule '\(ruleID)' has no option '\(name)'"
          + hint(for: name, among: known, fallback: false) + " (\(choices)); it is ignored")
    }
  }

  /// "; did you mean 'x'?" for a near miss, else the list of choices.
  private static func hint(for word: String, among choices: [String], fallback: Bool = true) -> String {
    let best = choices.map { ($0, TextMetrics.editDistance(word, $0)) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
    if let best, best.1 <= 2 || (word.count > 4 && best.0.hasPrefix(word)) { return "; did you mean '\(best.0)'?" }
    guard fallback, !choices.isEmpty else { return "" }
    return " (known: \(choices.joined(separator: ", ")))"
  }
}
