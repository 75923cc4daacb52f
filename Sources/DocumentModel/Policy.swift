import Foundation

/// The repository policy, `sop.yml`: who may do what, document types and lint settings.
public struct Policy: Sendable, Codable, Hashable {
  /// The schema version; only 1 exists.
  public var version: Int
  /// The organisation's name, printed on the published site.
  public var organisation: String
  /// Everyone who authors, approves or publishes.
  public var people: [Person]
  /// Document types by name.
  public var types: [String: DocumentType]
  /// Globs selecting document files; nil means every `*.md`.
  public var documents: [String]?
  /// Whether an author of a change may approve it (default false).
  public var allowsSelfApproval: Bool
  /// Whether change commits to documents must be signed by a registered key (`changes: signed`).
  public var changesMustBeSigned: Bool
  /// How many admins must approve a change to `sop.yml` (default 1).
  public var policyApprovals: Int
  /// Roles allowed to publish (default `[admin]`).
  public var publishRoles: [String]
  /// Lint thresholds and severities.
  public var lint: LintSettings

  /// The file name of the policy at the repository root.
  public static let fileName = "sop.yml"

  /// Creates a policy.
  public init(
    version: Int = 1, organisation: String, people: [Person], types: [String: DocumentType],
    documents: [String]? = nil, allowsSelfApproval: Bool = false, policyApprovals: Int = 1,
    publishRoles: [String] = ["admin"], lint: LintSettings = LintSettings(), changesMustBeSigned: Bool = false
  ) {
    self.version = version
    self.organisation = organisation
    self.people = people
    self.types = types
    self.documents = documents
    self.allowsSelfApproval = allowsSelfApproval
    self.changesMustBeSigned = changesMustBeSigned
    self.policyApprovals = policyApprovals
    self.publishRoles = publishRoles
    self.lint = lint
  }

  enum CodingKeys: String, CodingKey {
    case version, organisation, people, types, documents, lint
    case allowsSelfApproval = "self-approval"
    case changes
    case policyApprovals = "policy-approvals"
    case publishRoles = "publish-roles"
  }

  /// Decodes with defaults for the optional keys.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    version = try container.decode(Int.self, forKey: .version)
    guard version == 1 else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [CodingKeys.version], debugDescription: "only version 1 exists; found \(version)"))
    }
    organisation = try container.decode(String.self, forKey: .organisation)
    people = try container.decode([Person].self, forKey: .people)
    types = try container.decode([String: DocumentType].self, forKey: .types)
    documents = try container.decodeIfPresent([String].self, forKey: .documents)
    allowsSelfApproval = try container.decodeIfPresent(Bool.self, forKey: .allowsSelfApproval) ?? false
    switch try container.decodeIfPresent(String.self, forKey: .changes) ?? "unsigned" {
    case "signed": changesMustBeSigned = true
    case "unsigned": changesMustBeSigned = false
    case let other:
      throw DecodingError.dataCorrupted(
        .init(codingPath: [CodingKeys.changes], debugDescription: "must be 'signed' or 'unsigned', not '\(other)'"))
    }
    policyApprovals = try container.decodeIfPresent(Int.self, forKey: .policyApprovals) ?? 1
    guard policyApprovals >= 1 else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [CodingKeys.policyApprovals], debugDescription: "must be 1 or more"))
    }
    publishRoles = try container.decodeIfPresent([String].self, forKey: .publishRoles) ?? ["admin"]
    lint = try container.decodeIfPresent(LintSettings.self, forKey: .lint) ?? LintSettings()
  }

  /// Encodes with the key spellings of `sop.yml`.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(version, forKey: .version)
    try container.encode(organisation, forKey: .organisation)
    try container.encode(people, forKey: .people)
    try container.encode(types, forKey: .types)
    try container.encodeIfPresent(documents, forKey: .documents)
    try container.encode(allowsSelfApproval, forKey: .allowsSelfApproval)
    try container.encode(changesMustBeSigned ? "signed" : "unsigned", forKey: .changes)
    try container.encode(policyApprovals, forKey: .policyApprovals)
    try container.encode(publishRoles, forKey: .publishRoles)
    try container.encode(lint, forKey: .lint)
  }

  static let shape = YAMLShape.mapping([
    "version": .scalar, "organisation": .scalar,
    "people": .sequence(
      of: .mapping([
        "email": .scalar, "name": .scalar, "roles": .sequence(of: .scalar), "keys": .sequence(of: .scalar),
      ])),
    "types": .dictionary(
      of: .mapping([
        "prefix": .scalar, "approvals": .sequence(of: .scalar), "review-every": .scalar,
        "required-sections": .sequence(of: .scalar), "section-aliases": .dictionary(of: .sequence(of: .scalar)),
      ])),
    "documents": .sequence(of: .scalar),
    "self-approval": .scalar, "changes": .scalar, "policy-approvals": .scalar, "publish-roles": .sequence(of: .scalar),
    "lint": .mapping([
      "rules": .dictionary(of: .scalarOrDictionary),
      "types": .dictionary(of: .dictionary(of: .scalarOrDictionary)),
      "known-terms": .sequence(of: .scalar),
    ]),
  ])

  /// Decodes and checks `sop.yml`; errors name the file, line and key.
  public static func decode(yaml: String, path: String = Policy.fileName) throws(DocumentModelError) -> Policy {
    let policy = try TypedYAML(path: path, lineOffset: 0).decode(Policy.self, from: yaml, shape: shape)
    try policy.validate(path: path, yaml: yaml)
    return policy
  }

  /// Decodes `sop.yml` from raw bytes, refusing non-UTF-8 and binary content.
  public static func decode(data: Data, path: String = Policy.fileName) throws(DocumentModelError) -> Policy {
    if data.contains(0) { throw .binary(path: path) }
    guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8(path: path, line: 1) }
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .empty(path: path) }
    return try decode(yaml: text, path: path)
  }

  /// Cross-field rules Codable cannot express: unique emails and prefixes, known roles.
  private func validate(path: String, yaml: String) throws(DocumentModelError) {
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    func line(of needle: String) -> Int {
      (lines.firstIndex { $0.contains(needle) } ?? 0) + 1
    }
    var emails = Set<String>()
    for person in people {
      guard person.email.contains("@") else {
        throw .invalidValue(
          path: path, line: line(of: person.email), key: "people.email",
          problem: "'\(person.email)' is not an email address")
      }
      guard emails.insert(person.email.lowercased()).inserted else {
        throw .invalidValue(
          path: path, line: line(of: person.email), key: "people.email",
          problem: "\(person.email) is listed twice")
      }
    }
    var prefixes: [String: String] = [:]
    for (name, type) in types.sorted(by: { $0.key < $1.key }) {
      guard DocumentID.isValid(type.prefix + "-1") else {
        throw .invalidValue(
          path: path, line: line(of: "prefix: \(type.prefix)"), key: "types.\(name).prefix",
          problem: "'\(type.prefix)' must be capital letters and digits, starting with a letter")
      }
      if let other = prefixes[type.prefix] {
        throw .invalidValue(
          path: path, line: line(of: "prefix: \(type.prefix)"), key: "types.\(name).prefix",
          problem: "prefix \(type.prefix) is already used by type '\(other)'")
      }
      prefixes[type.prefix] = name
    }
  }

  /// The person with this email (case-insensitive).
  public func person(email: String) -> Person? {
    people.first { $0.email.caseInsensitiveCompare(email) == .orderedSame }
  }

  /// The type whose prefix is `prefix`.
  public func typeName(forPrefix prefix: String) -> String? {
    types.first { $0.value.prefix == prefix }?.key
  }
}

/// Someone who authors, approves or publishes.
public struct Person: Sendable, Codable, Hashable {
  /// The person's email; it identifies them in front matter.
  public var email: String
  /// The printed name used on signature manifestations.
  public var name: String
  /// Roles such as `quality` or `admin`.
  public var roles: [String]
  /// SSH public keys in `authorized_keys` form.
  public var keys: [String]

  /// Creates a person.
  public init(email: String, name: String, roles: [String], keys: [String] = []) {
    self.email = email
    self.name = name
    self.roles = roles
    self.keys = keys
  }

  enum CodingKeys: String, CodingKey { case email, name, roles, keys }

  /// Decodes a person; `keys` is optional.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    email = try container.decode(String.self, forKey: .email)
    name = try container.decode(String.self, forKey: .name)
    roles = try container.decode([String].self, forKey: .roles)
    keys = try container.decodeIfPresent([String].self, forKey: .keys) ?? []
  }
}

/// A document type: its id prefix, who must approve it and how often it is reviewed.
public struct DocumentType: Sendable, Codable, Hashable {
  /// The id prefix, e.g. `QP`.
  public var prefix: String
  /// Roles that must each sign; `owner` means the document's owner.
  public var approvals: [String]
  /// How often an approved document must be reviewed.
  public var reviewEvery: ReviewInterval?
  /// H2 sections the document must have.
  public var requiredSections: [String]?
  /// Other headings accepted for a required section, by section name.
  public var sectionAliases: [String: [String]]

  /// Creates a type.
  public init(
    prefix: String, approvals: [String], reviewEvery: ReviewInterval? = nil, requiredSections: [String]? = nil,
    sectionAliases: [String: [String]] = [:]
  ) {
    self.prefix = prefix
    self.approvals = approvals
    self.reviewEvery = reviewEvery
    self.requiredSections = requiredSections
    self.sectionAliases = sectionAliases
  }

  enum CodingKeys: String, CodingKey {
    case prefix, approvals
    case reviewEvery = "review-every"
    case requiredSections = "required-sections"
    case sectionAliases = "section-aliases"
  }

  /// Decodes a type with its optional keys.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    prefix = try container.decode(String.self, forKey: .prefix)
    approvals = try container.decode([String].self, forKey: .approvals)
    reviewEvery = try container.decodeIfPresent(ReviewInterval.self, forKey: .reviewEvery)
    requiredSections = try container.decodeIfPresent([String].self, forKey: .requiredSections)
    sectionAliases = try container.decodeIfPresent([String: [String]].self, forKey: .sectionAliases) ?? [:]
  }
}

/// A review period such as `12 months`.
public struct ReviewInterval: Sendable, Codable, Hashable, CustomStringConvertible {
  /// Calendar units a period can be written in.
  public enum Unit: String, Sendable, Codable, Hashable {
    case days, weeks, months, years
  }

  /// How many units.
  public var count: Int
  /// The unit.
  public var unit: Unit

  /// Creates an interval.
  public init(count: Int, unit: Unit) {
    self.count = count
    self.unit = unit
  }

  /// Parses `N days|weeks|months|years` (singular accepted).
  public init?(_ text: String) {
    let parts = text.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 2, let count = Int(parts[0]), count > 0 else { return nil }
    var unitText = parts[1].lowercased()
    if !unitText.hasSuffix("s") { unitText += "s" }
    guard let unit = Unit(rawValue: unitText) else { return nil }
    self.init(count: count, unit: unit)
  }

  /// Decodes from text such as `12 months`.
  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let interval = ReviewInterval(text) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "'\(text)' is not a period; write e.g. '12 months', '2 years', '90 days'"))
    }
    self = interval
  }

  /// Encodes as text.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  /// The period as written, e.g. `12 months`.
  public var description: String { "\(count) \(unit.rawValue)" }

  /// The date one period after `date`, in UTC.
  public func adding(to date: Date) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    var components = DateComponents()
    switch unit {
    case .days: components.day = count
    case .weeks: components.day = count * 7
    case .months: components.month = count
    case .years: components.year = count
    }
    return calendar.date(byAdding: components, to: date) ?? date
  }
}

/// Lint settings from `sop.yml`: per-rule settings, overridable per document type.
public struct LintSettings: Sendable, Codable, Hashable {
  /// Settings by rule id.
  public var rules: [String: RuleSettings]
  /// Per-type overrides: type name → rule id → settings.
  public var types: [String: [String: RuleSettings]]
  /// Acronyms and terms every reader here knows (`undefined-acronym` leaves them alone).
  public var knownTerms: [String]

  /// Creates settings.
  public init(
    rules: [String: RuleSettings] = [:], types: [String: [String: RuleSettings]] = [:], knownTerms: [String] = []
  ) {
    self.rules = rules
    self.types = types
    self.knownTerms = knownTerms
  }

  enum CodingKeys: String, CodingKey {
    case rules, types
    case knownTerms = "known-terms"
  }

  /// Decodes with every key optional.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    rules = try container.decodeIfPresent([String: RuleSettings].self, forKey: .rules) ?? [:]
    types = try container.decodeIfPresent([String: [String: RuleSettings]].self, forKey: .types) ?? [:]
    knownTerms = try container.decodeIfPresent([String].self, forKey: .knownTerms) ?? []
  }

  /// Encodes `known-terms` only when set, so policies without it encode as before.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(rules, forKey: .rules)
    try container.encode(types, forKey: .types)
    if !knownTerms.isEmpty { try container.encode(knownTerms, forKey: .knownTerms) }
  }

  /// The settings of one rule for one type: the type's override on top of the general setting.
  public func settings(forRule rule: String, type: String?) -> RuleSettings {
    var merged = rules[rule] ?? RuleSettings()
    if let type, let override = types[type]?[rule] {
      if let severity = override.severity { merged.severity = severity }
      merged.options.merge(override.options) { _, new in new }
    }
    return merged
  }
}

/// One rule's settings: a severity (or `off`) and numeric options such as thresholds.
public struct RuleSettings: Sendable, Codable, Hashable {
  /// `off`, `suggestion`, `warning` or `error`; nil keeps the rule's default.
  public var severity: String?
  /// Numeric options by name (e.g. `max`, `warning`, `error`).
  public var options: [String: Double]

  /// Creates settings.
  public init(severity: String? = nil, options: [String: Double] = [:]) {
    self.severity = severity
    self.options = options
  }

  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// Decodes either a bare severity (`off`) or a mapping of `severity` and numbers.
  public init(from decoder: Decoder) throws {
    if let single = try? decoder.singleValueContainer().decode(String.self) {
      self.init(severity: single)
      return
    }
    let container = try decoder.container(keyedBy: AnyKey.self)
    var options: [String: Double] = [:]
    var severity: String?
    for key in container.allKeys {
      if key.stringValue == "severity" {
        severity = try container.decode(String.self, forKey: key)
      } else {
        options[key.stringValue] = try container.decode(Double.self, forKey: key)
      }
    }
    self.init(severity: severity, options: options)
  }

  /// Encodes as a mapping.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: AnyKey.self)
    if let severity { try container.encode(severity, forKey: AnyKey(stringValue: "severity")) }
    for (key, value) in options.sorted(by: { $0.key < $1.key }) {
      try container.encode(value, forKey: AnyKey(stringValue: key))
    }
  }
}
