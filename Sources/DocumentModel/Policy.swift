import Foundation

/// The repository policy, `sop.yml`: who may do what, document types and lint settings.
public struct Policy: Sendable, Codable, Hashable {
  /// The schema version; only 1 exists.
  public var version: Int
  /// The organisation's name, printed on the published site.
  public var organisation: String
  /// Everyone who authors, approves or publishes.
  public var people: [Person] {
    didSet { peopleByEmail = Self.index(people) }
  }
  /// Positions in `people` by lowercased email: the walk looks a person up for every training record and
  /// status for every document, and a scan of 500 people each time dominated both.
  private var peopleByEmail: [String: Int] = [:]
  /// Document types by name.
  public var types: [String: DocumentType]
  /// Globs selecting document files; nil means every `*.md`.
  public var documents: [String]?
  /// Whether and how an author of a change may sign it (`self-approval`, default `as-owner`).
  public var selfApproval: SelfApprovalRule
  /// Whether an author may sign in any role (`self-approval: always`).
  public var allowsSelfApproval: Bool { selfApproval == .always }
  /// Whether change commits to documents must be signed by a registered key (`changes: signed`).
  public var changesMustBeSigned: Bool
  /// Whether signatures by FIDO (`sk-`) keys must carry the user-verification flag (PIN or biometric):
  /// `security-keys: {user-verification: true}`. User presence (a touch) is always required.
  public var requiresUserVerification: Bool = false
  /// How many admins must approve a change to `sop.yml` (default 1).
  public var policyApprovals: Int
  /// Roles allowed to publish (default `[admin]`).
  public var publishRoles: [String]
  /// Lint thresholds and severities.
  public var lint: LintSettings
  /// What each role (or `everyone`) must be trained on (`training:`; docs/training.md).
  public var training: [String: TrainingAssignment] = [:]
  /// Days people have to train after a revision takes effect (`training-days`, default 14).
  public var trainingDays = Policy.defaultTrainingDays
  /// Roles that may record training given to others (`training-recorders`, default `[quality, admin]`).
  public var trainingRecorders = Policy.defaultTrainingRecorders
  /// Where a reader of the site suggests a change (`site: {suggest-change: URL}`), an http(s) or mailto URL
  /// template with `{id}`, `{revision}` and `{title}` placeholders; nil means no "Suggest a change" link.
  public var suggestChange: String?
  /// Whether `sop serve` shows its read-only pages (documents, their text and status) without signing in
  /// (`serve: {public-read: true}`); false by default: every page asks for a passkey.
  public var servePublicRead = false

  /// The pseudo-role of `training:` that every person holds.
  public static let everyone = "everyone"
  /// `training-days` when left out.
  public static let defaultTrainingDays = 14
  /// `training-recorders` when left out.
  public static let defaultTrainingRecorders = ["quality", "admin"]

  /// The file name of the policy at the repository root.
  public static let fileName = "sop.yml"

  /// Creates a policy.
  public init(
    version: Int = 1, organisation: String, people: [Person], types: [String: DocumentType],
    documents: [String]? = nil, selfApproval: SelfApprovalRule = .asOwner, policyApprovals: Int = 1,
    publishRoles: [String] = ["admin"], lint: LintSettings = LintSettings(), changesMustBeSigned: Bool = false
  ) {
    self.version = version
    self.organisation = organisation
    self.people = people
    peopleByEmail = Self.index(people)
    self.types = types
    self.documents = documents
    self.selfApproval = selfApproval
    self.changesMustBeSigned = changesMustBeSigned
    self.policyApprovals = policyApprovals
    self.publishRoles = publishRoles
    self.lint = lint
  }

  enum CodingKeys: String, CodingKey {
    case version, organisation, people, types, documents, lint
    case selfApproval = "self-approval"
    case changes
    case securityKeys = "security-keys"
    case policyApprovals = "policy-approvals"
    case publishRoles = "publish-roles"
    case training
    case trainingDays = "training-days"
    case trainingRecorders = "training-recorders"
    case site
    case serve
  }

  /// The `serve:` mapping (`sop serve`, docs/serve.md).
  struct ServeSettings: Codable, Hashable {
    var publicRead: Bool?

    enum CodingKeys: String, CodingKey {
      case publicRead = "public-read"
    }
  }

  /// The `site:` mapping.
  struct SiteSettings: Codable, Hashable {
    var suggestChange: String?

    enum CodingKeys: String, CodingKey {
      case suggestChange = "suggest-change"
    }
  }

  /// Decodes with defaults for the optional keys.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    version = try container.decodeWholeNumber(forKey: .version)
    guard version == 1 else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [CodingKeys.version], debugDescription: "only version 1 exists; found \(version)"))
    }
    organisation = try container.decode(String.self, forKey: .organisation)
    people = try container.decode([Person].self, forKey: .people)
    peopleByEmail = Self.index(people)
    types = try container.decode([String: DocumentType].self, forKey: .types)
    documents = try container.decodeIfPresent([String].self, forKey: .documents)
    if let flag = try? container.decodeIfPresent(Bool.self, forKey: .selfApproval) {
      selfApproval = flag ? .always : .never  // the boolean spellings of earlier versions
    } else if let text = try container.decodeIfPresent(String.self, forKey: .selfApproval) {
      guard let rule = SelfApprovalRule(rawValue: text) else {
        throw DecodingError.dataCorrupted(
          .init(
            codingPath: [CodingKeys.selfApproval],
            debugDescription: "must be never, as-owner or always (or false/true), not '\(text)'"))
      }
      selfApproval = rule
    } else {
      selfApproval = .asOwner
    }
    requiresUserVerification =
      try container.decodeIfPresent(SecurityKeySettings.self, forKey: .securityKeys)?.userVerification ?? false
    switch try container.decodeIfPresent(String.self, forKey: .changes) ?? "unsigned" {
    case "signed": changesMustBeSigned = true
    case "unsigned": changesMustBeSigned = false
    case let other:
      throw DecodingError.dataCorrupted(
        .init(codingPath: [CodingKeys.changes], debugDescription: "must be 'signed' or 'unsigned', not '\(other)'"))
    }
    policyApprovals = try container.decodeWholeNumberIfPresent(forKey: .policyApprovals) ?? 1
    guard policyApprovals >= 1 else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [CodingKeys.policyApprovals], debugDescription: "must be 1 or more"))
    }
    publishRoles = try container.decodeIfPresent([String].self, forKey: .publishRoles) ?? ["admin"]
    lint = try container.decodeIfPresent(LintSettings.self, forKey: .lint) ?? LintSettings()
    training = try container.decodeIfPresent([String: TrainingAssignment].self, forKey: .training) ?? [:]
    // A list may mix ids and type names: the names of declared types are types.
    for (role, assignment) in training {
      let named = assignment.documents.filter { types[$0] != nil }
      guard !named.isEmpty else { continue }
      training[role] = TrainingAssignment(
        documents: assignment.documents.filter { types[$0] == nil }, types: assignment.types + named)
    }
    trainingDays = try container.decodeWholeNumberIfPresent(forKey: .trainingDays) ?? Self.defaultTrainingDays
    guard (0...3_650).contains(trainingDays) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [CodingKeys.trainingDays], debugDescription: "must be a number of days from 0 to 3650"))
    }
    trainingRecorders =
      try container.decodeIfPresent([String].self, forKey: .trainingRecorders) ?? Self.defaultTrainingRecorders
    suggestChange = try container.decodeIfPresent(SiteSettings.self, forKey: .site)?.suggestChange
    servePublicRead = try container.decodeIfPresent(ServeSettings.self, forKey: .serve)?.publicRead ?? false
  }

  /// Encodes with the key spellings of `sop.yml`.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(version, forKey: .version)
    try container.encode(organisation, forKey: .organisation)
    try container.encode(people, forKey: .people)
    try container.encode(types, forKey: .types)
    try container.encodeIfPresent(documents, forKey: .documents)
    try container.encode(selfApproval.rawValue, forKey: .selfApproval)
    try container.encode(changesMustBeSigned ? "signed" : "unsigned", forKey: .changes)
    try container.encode(SecurityKeySettings(userVerification: requiresUserVerification), forKey: .securityKeys)
    try container.encode(policyApprovals, forKey: .policyApprovals)
    try container.encode(publishRoles, forKey: .publishRoles)
    try container.encode(lint, forKey: .lint)
    // Only when set, so that policies without training encode as before.
    if !training.isEmpty { try container.encode(training, forKey: .training) }
    if trainingDays != Self.defaultTrainingDays { try container.encode(trainingDays, forKey: .trainingDays) }
    if trainingRecorders != Self.defaultTrainingRecorders {
      try container.encode(trainingRecorders, forKey: .trainingRecorders)
    }
    if let suggestChange { try container.encode(SiteSettings(suggestChange: suggestChange), forKey: .site) }
    if servePublicRead { try container.encode(ServeSettings(publicRead: true), forKey: .serve) }
  }

  static let shape = YAMLShape.mapping([
    "version": .scalar, "organisation": .scalar,
    "people": .sequence(
      of: .mapping([
        "email": .scalar, "name": .scalar, "roles": .sequence(of: .scalar),
        "keys": .sequence(
          of: .scalarOr(.mapping(["key": .scalar, "revoked": .mapping(["at": .scalar, "reason": .scalar])]))),
      ])),
    "types": .dictionary(
      of: .mapping([
        "prefix": .scalar, "approvals": .sequence(of: .scalar), "review-every": .scalar,
        "required-sections": .sequence(of: .scalar), "section-aliases": .dictionary(of: .sequence(of: .scalar)),
        "editorial": .mapping([
          "approvals": .sequence(of: .scalar), "max-changed-words": .scalar, "max-editorial-in-a-row": .scalar,
        ]),
      ])),
    "documents": .sequence(of: .scalar),
    "self-approval": .scalar, "changes": .scalar,
    "security-keys": .mapping(["user-verification": .scalar]), "policy-approvals": .scalar,
    "publish-roles": .sequence(of: .scalar),
    "training": .dictionary(
      of: .scalarsOr(.mapping(["documents": .sequence(of: .scalar), "types": .sequence(of: .scalar)]))),
    "training-days": .scalar, "training-recorders": .sequence(of: .scalar),
    "site": .mapping(["suggest-change": .scalar]),
    "serve": .mapping(["public-read": .scalar]),
    "lint": .mapping([
      "rules": .dictionary(of: .scalarOrDictionary),
      "types": .dictionary(of: .dictionary(of: .scalarOrDictionary)),
      "known-terms": .sequence(of: .scalar),
    ]),
  ])

  /// The largest `sop.yml` sop reads: 1 MiB, about a thousand times a large organisation's policy.
  public static let sizeLimit = 1_048_576
  /// The longest line of `sop.yml`, in bytes: room for an RSA-8192 public key on one line.
  public static let lineLimit = 4_096
  /// The longest organisation, person or role name, in characters.
  public static let nameLimit = 200

  /// Decodes and checks `sop.yml`; errors name the file, line and key.
  public static func decode(yaml: String, path: String = Policy.fileName) throws(DocumentModelError) -> Policy {
    try checkBounds(yaml, path: path)
    let policy = try TypedYAML(path: path, lineOffset: 0).decode(Policy.self, from: yaml, shape: shape)
    try policy.validate(path: path, yaml: yaml)
    return policy
  }

  /// Decodes `sop.yml` from raw bytes, refusing non-UTF-8 and binary content.
  public static func decode(data: Data, path: String = Policy.fileName) throws(DocumentModelError) -> Policy {
    // Before anything else reads it: a huge file would cost the YAML parser gigabytes of memory.
    guard data.count <= sizeLimit else { throw .tooLarge(path: path, bytes: data.count, limit: sizeLimit) }
    if data.contains(0) { throw .binary(path: path) }
    guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8(path: path, line: 1) }
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .empty(path: path) }
    return try decode(yaml: text, path: path)
  }

  /// The size and line limits, checked on the raw text before YAML parsing.
  private static func checkBounds(_ yaml: String, path: String) throws(DocumentModelError) {
    let bytes = yaml.utf8.count
    guard bytes <= sizeLimit else { throw .tooLarge(path: path, bytes: bytes, limit: sizeLimit) }
    var number = 0
    for line in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      number += 1
      guard line.count > lineLimit else { continue }
      let text = String(decoding: line.prefix(200), as: UTF8.self)
      let key = text.split(separator: ":", maxSplits: 1).first.map {
        $0.trimmingCharacters(in: CharacterSet(charactersIn: " -\t"))
      }
      throw .invalidValue(
        path: path, line: number, key: (key?.isEmpty == false && key!.count < 60) ? key! : "(line)",
        problem: "the line is \(line.count) bytes; sop.yml lines may be at most \(lineLimit) bytes")
    }
  }

  /// Cross-field rules Codable cannot express: unique emails and prefixes, known roles.
  private func validate(path: String, yaml: String) throws(DocumentModelError) {
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    func line(of needle: String) -> Int {
      (lines.firstIndex { $0.contains(needle) } ?? 0) + 1
    }
    func checkName(_ value: String, key: String) throws(DocumentModelError) {
      guard value.count > Self.nameLimit else { return }
      throw .invalidValue(
        path: path, line: line(of: String(value.prefix(40))), key: key,
        problem: "is \(value.count) characters; sop.yml allows at most \(Self.nameLimit)")
    }
    try checkName(organisation, key: "organisation")
    var emails = Set<String>()
    for person in people {
      try checkName(person.name, key: "people.name")
      try checkName(person.email, key: "people.email")
      for role in person.roles { try checkName(role, key: "people.roles") }
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
    if let suggestChange, !Self.isSuggestChangeURL(suggestChange) {
      throw .invalidValue(
        path: path, line: line(of: "suggest-change"), key: "site.suggest-change",
        problem:
          "must be an http://, https:// or mailto: URL without spaces or quotes, not '\(suggestChange.prefix(80))'")
    }
    // Names in `training:` are looked for from that key on: a role or type name also appears above it.
    let trainingStart = lines.firstIndex { $0.hasPrefix("training:") } ?? 0
    try validateTraining(path: path) { needle in
      (lines[trainingStart...].firstIndex { $0.contains(needle) } ?? lines.firstIndex { $0.contains(needle) } ?? 0)
        + 1
    }
  }

  /// Whether `value` is an http(s) or mailto URL template the site can put in an `href`: a known scheme, more
  /// after it, and no spaces, quotes, angle brackets, backslashes or control characters.
  static func isSuggestChangeURL(_ value: String) -> Bool {
    let lower = value.lowercased()
    guard let scheme = ["https://", "http://", "mailto:"].first(where: lower.hasPrefix),
      value.utf8.count > scheme.utf8.count, value.utf8.count <= 2_000
    else { return false }
    return value.unicodeScalars.allSatisfy { scalar in
      scalar.value > 0x20 && scalar.value != 0x7F && !"\"'<>\\`".unicodeScalars.contains(scalar)
    }
  }

  /// `training:` and `training-recorders:` name roles someone holds (or a type or publishing needs), declared
  /// types, and ids with a declared prefix.
  private func validateTraining(path: String, line: (String) -> Int) throws(DocumentModelError) {
    var known: Set<String> = [Self.everyone]
    for person in people { known.formUnion(person.roles) }
    for type in types.values { known.formUnion(type.approvals) }
    known.formUnion(publishRoles)
    // The default names roles a policy need not have; only roles written in `training-recorders` must exist.
    for role in trainingRecorders where trainingRecorders != Self.defaultTrainingRecorders && !known.contains(role) {
      throw .invalidValue(
        path: path, line: line("training-recorders"), key: "training-recorders",
        problem: "no person holds the role '\(role)'")
    }
    for (role, assignment) in training.sorted(by: { $0.key < $1.key }) {
      let key = "training.\(role)"
      guard known.contains(role) else {
        throw .invalidValue(
          path: path, line: line("\(role):"), key: key,
          problem: "no person holds the role '\(role)' (use 'everyone' for every person)")
      }
      for name in assignment.types where types[name] == nil {
        throw .invalidValue(
          path: path, line: line(name), key: key,
          problem: "'\(name)' is no type under 'types:' (\(types.keys.sorted().joined(separator: ", ")))")
      }
      for text in assignment.documents {
        guard let id = DocumentID(text), typeName(forPrefix: id.prefix) != nil else {
          throw .invalidValue(
            path: path, line: line(text), key: key,
            problem: "'\(text)' is neither a type name nor a document id with a declared prefix")
        }
      }
    }
  }

  /// What `person` must be trained on: document ids and type names, from `everyone` and their roles.
  public func trainingNeeds(of person: Person) -> (ids: Set<String>, types: Set<String>) {
    var ids = Set<String>()
    var types = Set<String>()
    for role in [Self.everyone] + person.roles {
      guard let assignment = training[role] else { continue }
      ids.formUnion(assignment.documents)
      types.formUnion(assignment.types)
    }
    return (ids, types)
  }

  /// The person with this email (case-insensitive).
  public func person(email: String) -> Person? {
    peopleByEmail[email.lowercased()].map { people[$0] }
  }

  private static func index(_ people: [Person]) -> [String: Int] {
    var index: [String: Int] = [:]
    for (position, person) in people.enumerated() where index[person.email.lowercased()] == nil {
      index[person.email.lowercased()] = position
    }
    return index
  }

  /// The type whose prefix is `prefix`.
  public func typeName(forPrefix prefix: String) -> String? {
    types.first { $0.value.prefix == prefix }?.key
  }
}

/// One entry of `training:`: the documents a role must know, by id and by type.
public struct TrainingAssignment: Sendable, Codable, Hashable {
  /// Document ids.
  public var documents: [String]
  /// Type names: every document of these types.
  public var types: [String]

  /// Creates an assignment.
  public init(documents: [String] = [], types: [String] = []) {
    self.documents = documents
    self.types = types
  }

  enum CodingKeys: String, CodingKey { case documents, types }

  /// Decodes a list of ids and type names, or `{documents: […], types: […]}`.
  public init(from decoder: Decoder) throws {
    if let list = try? decoder.singleValueContainer().decode([String].self) {
      self.init(documents: list)
      return
    }
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      documents: try container.decodeIfPresent([String].self, forKey: .documents) ?? [],
      types: try container.decodeIfPresent([String].self, forKey: .types) ?? [])
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
  /// SSH public keys in `authorized_keys` form that sign for this person.
  public var keys: [String]
  /// Keys withdrawn from this person: they sign for nobody, and `verify` flags what they signed after the
  /// revocation time.
  public var revokedKeys: [RevokedKey]

  /// Creates a person.
  public init(email: String, name: String, roles: [String], keys: [String] = [], revokedKeys: [RevokedKey] = []) {
    self.email = email
    self.name = name
    self.roles = roles
    self.keys = keys
    self.revokedKeys = revokedKeys
  }

  enum CodingKeys: String, CodingKey { case email, name, roles, keys }

  /// Decodes a person; `keys` is optional, and each key is a line or `{key, revoked: {at, reason}}`.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    email = try container.decode(String.self, forKey: .email)
    name = try container.decode(String.self, forKey: .name)
    roles = try container.decode([String].self, forKey: .roles)
    let entries = try container.decodeIfPresent([KeyEntry].self, forKey: .keys) ?? []
    keys = entries.compactMap { $0.revoked == nil ? $0.key : nil }
    revokedKeys = entries.compactMap { entry in
      entry.revoked.map { RevokedKey(key: entry.key, at: $0.at, reason: $0.reason) }
    }
  }

  /// Encodes keys back in the form they were written.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(email, forKey: .email)
    try container.encode(name, forKey: .name)
    try container.encode(roles, forKey: .roles)
    let entries =
      keys.map { KeyEntry(key: $0, revoked: nil) }
      + revokedKeys.map { KeyEntry(key: $0.key, revoked: .init(at: $0.at, reason: $0.reason)) }
    try container.encode(entries, forKey: .keys)
  }
}

/// `security-keys:` settings for FIDO keys.
struct SecurityKeySettings: Codable, Hashable {
  var userVerification: Bool

  enum CodingKeys: String, CodingKey { case userVerification = "user-verification" }
}

/// Whether an author of a change may sign the revision it makes (`self-approval` in sop.yml).
public enum SelfApprovalRule: String, Sendable, Codable, Hashable {
  /// Never (`false`): authors do not sign their own changes.
  case never
  /// An author may sign only in the `owner` role, and another signature on the revision must come from a
  /// person who authored none of its changes (the default: small firms' owners write their own documents).
  case asOwner = "as-owner"
  /// Always (`true`): authors sign in any role they hold.
  case always
}

/// A key withdrawn from a person (`keys: [{key: …, revoked: {at: 2026-05-01T09:00:00Z, reason: …}}]`).
public struct RevokedKey: Sendable, Codable, Hashable {
  /// The key line.
  public var key: String
  /// When it stopped being trustworthy, in seconds since 1970 (UTC).
  public var at: Int64
  /// Why, for the record.
  public var reason: String
}

/// One entry of `keys`: a line, or a mapping with a revocation.
private struct KeyEntry: Codable, Hashable {
  struct Revocation: Codable, Hashable {
    var at: Int64
    var reason: String

    init(at: Int64, reason: String) {
      self.at = at
      self.reason = reason
    }

    enum CodingKeys: String, CodingKey { case at, reason }

    init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      let text = try container.decode(String.self, forKey: .at)
      guard let seconds = Self.parse(text) else {
        throw DecodingError.dataCorruptedError(
          forKey: .at, in: container,
          debugDescription: "'\(text)' is not a UTC time like 2026-05-01T09:00:00Z or a date like 2026-05-01")
      }
      at = seconds
      reason = try container.decode(String.self, forKey: .reason)
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      let date = UTCDate(Date(timeIntervalSince1970: TimeInterval(at)))
      try container.encode(
        String(
          format: "%04d-%02d-%02dT%02d:%02d:%02dZ", date.year, date.month, date.day, date.hour, date.minute,
          date.second), forKey: .at)
      try container.encode(reason, forKey: .reason)
    }

    /// `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM:SSZ`, exactly.
    static func parse(_ text: String) -> Int64? {
      let digits = Array(text.utf8)
      func number(_ range: Range<Int>) -> Int? {
        guard range.upperBound <= digits.count else { return nil }
        var value = 0
        for byte in digits[range] {
          guard byte >= 0x30, byte <= 0x39 else { return nil }
          value = value * 10 + Int(byte - 0x30)
        }
        return value
      }
      guard digits.count == 10 || digits.count == 20, let year = number(0..<4), digits[4] == 0x2D,
        let month = number(5..<7), digits[7] == 0x2D, let day = number(8..<10), (1...12).contains(month),
        (1...31).contains(day)
      else { return nil }
      var seconds = 0
      if digits.count == 20 {
        guard digits[10] == 0x54, digits[19] == 0x5A, digits[13] == 0x3A, digits[16] == 0x3A,
          let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19), hour < 24,
          minute < 60, second < 60
        else { return nil }
        seconds = hour * 3_600 + minute * 60 + second
      }
      // Days from civil (Howard Hinnant), proleptic Gregorian.
      let y = month <= 2 ? year - 1 : year
      let era = (y >= 0 ? y : y - 399) / 400
      let yearOfEra = y - era * 400
      let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
      let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
      let days = era * 146_097 + dayOfEra - 719_468
      return Int64(days * 86_400 + seconds)
    }
  }

  var key: String
  var revoked: Revocation?

  init(key: String, revoked: Revocation?) {
    self.key = key
    self.revoked = revoked
  }

  init(from decoder: Decoder) throws {
    if let line = try? decoder.singleValueContainer().decode(String.self) {
      key = line
      revoked = nil
      return
    }
    let container = try decoder.container(keyedBy: CodingKeys.self)
    key = try container.decode(String.self, forKey: .key)
    revoked = try container.decodeIfPresent(Revocation.self, forKey: .revoked)
  }

  enum CodingKeys: String, CodingKey { case key, revoked }

  func encode(to encoder: Encoder) throws {
    guard let revoked else {
      var single = encoder.singleValueContainer()
      try single.encode(key)
      return
    }
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(key, forKey: .key)
    try container.encode(revoked, forKey: .revoked)
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
  /// The lighter approval path for small wording changes, or nil (every change needs `approvals`).
  public var editorial: EditorialPath?

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
    case prefix, approvals, editorial
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
    editorial = try container.decodeIfPresent(EditorialPath.self, forKey: .editorial)
  }
}

/// `editorial: {approvals: [quality], max-changed-words: 12}`: a change to the body of at most that many
/// words (inserted plus deleted) may be approved by these roles alone (docs/approvals.md, "Editorial
/// changes").
public struct EditorialPath: Sendable, Codable, Hashable {
  /// The roles an editorial change needs.
  public var approvals: [String]
  /// The most words inserted plus deleted, in the body, since the revision in force.
  public var maxChangedWords: Int
  /// How many editorial revisions may follow each other before a change needs the full approvals.
  public var maxInARow: Int

  /// Creates a path.
  public init(approvals: [String], maxChangedWords: Int, maxInARow: Int = 3) {
    self.approvals = approvals
    self.maxChangedWords = maxChangedWords
    self.maxInARow = maxInARow
  }

  enum CodingKeys: String, CodingKey {
    case approvals
    case maxChangedWords = "max-changed-words"
    case maxInARow = "max-editorial-in-a-row"
  }

  /// Decodes, refusing limits below 1.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    approvals = try container.decode([String].self, forKey: .approvals)
    maxChangedWords = try container.decode(Int.self, forKey: .maxChangedWords)
    maxInARow = try container.decodeIfPresent(Int.self, forKey: .maxInARow) ?? 3
    guard !approvals.isEmpty, (1...100_000).contains(maxChangedWords), (1...1_000).contains(maxInARow) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: [CodingKeys.maxChangedWords],
          debugDescription: "editorial needs at least one role, max-changed-words from 1 to 100000 and "
            + "max-editorial-in-a-row from 1 to 1000"))
    }
  }
}

/// A review period such as `12 months`.
public struct ReviewInterval: Sendable, Codable, Hashable, CustomStringConvertible {
  /// Calendar units a period can be written in.
  public enum Unit: String, Sendable, Codable, Hashable {
    case days, weeks, months, years

    /// The most units `sop.yml` may give: 1000 years, so date arithmetic stays far from overflow.
    var maximumCount: Int {
      switch self {
      case .days: return 365_250
      case .weeks: return 52_179
      case .months: return 12_000
      case .years: return 1_000
      }
    }
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
    guard let unit = Unit(rawValue: unitText), count <= unit.maximumCount else { return nil }
    self.init(count: count, unit: unit)
  }

  /// Decodes from text such as `12 months`.
  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let interval = ReviewInterval(text) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription:
            "'\(text)' is not a period of at most 1000 years; write e.g. '12 months', '2 years', '90 days'"))
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
    case .weeks: components.day = count.multipliedReportingOverflow(by: 7).overflow ? Int.max : count * 7
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
        let value = try container.decode(Double.self, forKey: key)
        // Rules compare and convert these numbers; .nan and .inf would make every comparison meaningless.
        guard value.isFinite else {
          throw DecodingError.dataCorrupted(
            .init(codingPath: container.codingPath + [key], debugDescription: "must be a finite number"))
        }
        options[key.stringValue] = value
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
