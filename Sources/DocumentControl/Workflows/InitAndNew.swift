import DocumentModel
import Foundation
import GitStore
import Signatures

/// The folder a type's documents go in by default: `procedure` → `procedures`, `policy` → `policies`.
func defaultFolder(forType type: String) -> String {
  if type.hasSuffix("y") { return String(type.dropLast()) + "ies" }
  if type.hasSuffix("s") { return type }
  return type + "s"
}

/// What `sop init` created.
public struct InitOutcome: Sendable {
  /// The repository root.
  public var root: String
  /// Files and folders created, relative to the root.
  public var created: [String]
  /// Whether a new git repository was created.
  public var createdRepository: Bool
}

/// Sets up a folder for document control: a git repository, a commented `sop.yml`, folders and `.gitignore`.
public enum RepositorySetup {
  /// Runs `sop init` in `directory`. Refuses to overwrite an existing `sop.yml`.
  ///
  /// The first admin is `person`, else git's `user.name` and `user.email` (local or global); their key is
  /// `keyPath`, else git's `user.signingkey`, else `~/.ssh/id_ed25519.pub` when it exists. Without a key in
  /// the first committed `sop.yml`, nobody could ever approve a change to it.
  public static func initialize(
    at directory: String, person: (name: String, email: String)?, keyPath: String? = nil
  ) throws(ControlError) -> InitOutcome {
    let fileManager = FileManager.default
    let root = URL(fileURLWithPath: directory).standardizedFileURL
    let policyFile = root.appendingPathComponent(Policy.fileName)
    if fileManager.fileExists(atPath: policyFile.path) { throw .policyExists(path: policyFile.path) }
    // A key named explicitly must be readable before anything is created.
    let explicitKey = try keyPath.map { (path) throws(ControlError) -> String in try publicKeyLine(path) }
    var createdRepository = false
    var repository = try? Repository.discover(from: root.path)
    if repository?.workingDirectory != root.path {
      do {
        repository = try Repository.initialize(at: root.path, initialBranch: nil)
        createdRepository = true
      } catch {
        throw .git(error)
      }
    }
    var admin = person
    if admin == nil, let name = (try? repository?.configValue("user.name")) ?? nil,
      let email = (try? repository?.configValue("user.email")) ?? nil
    {
      admin = (name, email)
    }
    let key = explicitKey ?? defaultAdminKey(repository: repository)
    var created: [String] = []
    func write(_ relative: String, _ text: String, overwrite: Bool) throws(ControlError) {
      let file = root.appendingPathComponent(relative)
      if !overwrite && fileManager.fileExists(atPath: file.path) { return }
      do {
        try fileManager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file, options: .withoutOverwriting)
        created.append(relative)
      } catch {
        throw .write(path: file.path, reason: error.localizedDescription)
      }
    }
    try write(Policy.fileName, starterPolicy(person: admin, key: key), overwrite: false)
    for type in ["policy", "procedure", "work-instruction", "form"] {
      try write(defaultFolder(forType: type) + "/.gitkeep", "", overwrite: false)
    }
    try write(".gitignore", "# sop's published site (sop publish --out _site)\n_site/\n", overwrite: false)
    return InitOutcome(root: root.path, created: created, createdRepository: createdRepository)
  }

  /// The public key line of a key file (public, or private with its `.pub` beside it); `~/` is expanded.
  static func publicKeyLine(_ path: String) throws(ControlError) -> String {
    do {
      return try publicKey(forKeyFile: expandingHome(path)).authorizedKeyLine
    } catch {
      throw .signing(error)
    }
  }

  /// The first admin's key when none is named: git's `user.signingkey`, else `~/.ssh/id_ed25519.pub`.
  static func defaultAdminKey(repository: Repository?) -> String? {
    if let configured = (try? repository?.configValue("user.signingkey")) ?? nil, !configured.isEmpty {
      if configured.hasPrefix("key::") {
        return (try? SSHPublicKey(authorizedKey: String(configured.dropFirst(5))))?.authorizedKeyLine
      }
      if let line = try? publicKeyLine(configured) { return line }
    }
    return try? publicKeyLine("~/.ssh/id_ed25519.pub")
  }

  private static func expandingHome(_ path: String) -> String {
    guard path.hasPrefix("~/") else { return path }
    return (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst(1)
  }

  /// A commented starter `sop.yml` naming the person running `sop init` as its first admin, with their key.
  static func starterPolicy(person: (name: String, email: String)?, key: String?) -> String {
    let email = person?.email ?? "you@example.com"
    let name = person?.name ?? "Your Name"
    let keys =
      key.map { "[\"\($0)\"]" }
      ?? "[]  # add the line of your ~/.ssh/id_ed25519.pub here BEFORE the first commit"
    return """
      # sop.yml: who may approve what. Changes to this file take effect only once an admin approves them
      # (sop approve POLICY). See docs/sop-yml.md for every key.
      version: 1
      organisation: Your Organisation

      # Everyone who authors, approves or publishes. Add each person's SSH public key (keys: [...]) so their
      # signatures can be checked. Roles are your own words; approvals below refer to them. The first commit
      # of this file is trusted as it stands: without an admin key in it, nobody can ever approve a change.
      people:
        - email: \(email)
          name: \(name)
          roles: [quality, admin]
          keys: \(keys)

      # Document types: the id prefix, the roles that must each sign (owner = the document's owner),
      # how often an approved document is reviewed, and the H2 sections it must have. A type named
      # procedure without required-sections still needs the five below (write required-sections: [] for none).
      types:
        policy:
          prefix: POL
          approvals: [admin]
          review-every: 12 months
        procedure:
          prefix: QP
          approvals: [quality, owner]
          review-every: 12 months
          required-sections: [Purpose, Scope, Responsibilities, Procedure, Records]
        work-instruction:
          prefix: WI
          approvals: [quality, owner]
          review-every: 24 months
          required-sections: [Purpose, Scope, Procedure]
        form:
          prefix: F
          approvals: [quality]
          review-every: 24 months

      # May the author of a change sign it? as-owner (the default): an author signs only as the
      # document's owner, and someone who wrote none of the change must sign too. never: authors do not
      # sign at all. always: authors sign in any role they hold.
      self-approval: as-owner

      # Recommended once everyone who edits documents signs commits (git config commit.gpgsign true,
      # gpg.format ssh): then the key that signed a change, not the typed author email, says who wrote it.
      # changes: signed

      # Training records (docs/training.md): who must read and be trained on which approved documents. A new
      # revision makes them train again (sop acknowledge, sop train; sop training shows who is current).
      # Staff who are trained but never sign are listed under people without keys.
      # training:
      #   everyone: [POL-001]
      #   site: {types: [work-instruction]}
      # training-days: 14

      # sop lint (docs/lint.md): its defaults report a step of more than 39 words and another sentence of
      # more than 54, where judges of real procedures agreed a split helps, and an acronym only where another
      # document spells it out. A team writing to ASD-STE100 that wants every acronym explained sets:
      # lint:
      #   rules:
      #     sentence-length: {step-max: 20, prose-max: 25}
      #     undefined-acronym: {min-documents: 1}

      """
  }
}

/// What `sop new` wrote.
public struct NewDocumentOutcome: Sendable {
  /// The new file, relative to the repository root.
  public var path: String
  /// The id it was given.
  public var id: String
}

extension DocumentRepository {
  /// Writes a new document of `type` from its template and returns its path. Never overwrites.
  public func createDocument(
    type: String, title: String, id requestedID: String?, owner requestedOwner: String?,
    environment: [String: String] = [:]
  ) throws(ControlError) -> NewDocumentOutcome {
    let rootURL = URL(fileURLWithPath: root)
    let policyURL = rootURL.appendingPathComponent(Policy.fileName)
    guard let policyData = FileManager.default.contents(atPath: policyURL.path) else {
      throw .noPolicy(revision: "the work tree")
    }
    let policy: Policy
    do {
      policy = try Policy.decode(data: policyData)
    } catch {
      throw .document(error)
    }
    guard let documentType = policy.types[type] else {
      throw .unknownType(type, known: policy.types.keys.sorted())
    }
    let cleanTitle = title.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !cleanTitle.isEmpty, !cleanTitle.contains("\n") else {
      throw .invalidArgument("the title must be one non-empty line")
    }
    let existing = workTreeDocuments(policy: policy)
    let id: DocumentID
    if let requestedID {
      guard let parsed = DocumentID(requestedID) else {
        throw .invalidArgument("'\(requestedID)' is not a document id (capitals and digits, a hyphen, a number)")
      }
      guard parsed.prefix == documentType.prefix else {
        throw .invalidArgument("\(requestedID) does not start with \(documentType.prefix)-, the prefix of \(type)")
      }
      if let path = existing[parsed] { throw .invalidArgument("\(requestedID) is already used by \(path)") }
      id = parsed
    } else {
      let highest = existing.keys.filter { $0.prefix == documentType.prefix }.map(\.number).max() ?? 0
      // Ids come from files anyone can commit; F-9223372036854775807 has no successor.
      guard highest < Int.max, let next = DocumentID(String(format: "%@-%03ld", documentType.prefix, highest + 1))
      else {
        throw .invalidArgument(
          "\(documentType.prefix)-\(highest) is the highest number sop can count to; pass --id with an unused id")
      }
      id = next
    }
    // As git does for a commit's author: GIT_AUTHOR_EMAIL before user.email.
    let environmentEmail = environment["GIT_AUTHOR_EMAIL"].flatMap { $0.isEmpty ? nil : $0 }
    let ownerEmail = requestedOwner ?? environmentEmail ?? ((try? git.configValue("user.email")) ?? nil)
    guard let ownerEmail, let owner = policy.person(email: ownerEmail) else {
      throw .invalidArgument(
        requestedOwner.map { "owner \($0) is not a person in sop.yml (in the work tree)" }
          ?? "pass --owner EMAIL (a person in sop.yml); \(ownerEmail ?? "git's user.email") is not one")
    }
    let folder =
      mostCommonFolder(of: existing.filter { $0.key.prefix == documentType.prefix }.map(\.value))
      ?? defaultFolder(forType: type)
    let relative = (folder.isEmpty ? "" : folder + "/") + "\(id.rawValue)-\(slug(cleanTitle)).md"
    let template = templateText(type: type, rootURL: rootURL)
    let text =
      template
      .replacingOccurrences(of: "title: {{title}}", with: "title: \(yamlScalar(cleanTitle))")
      .replacingOccurrences(of: "{{id}}", with: id.rawValue)
      .replacingOccurrences(of: "{{owner}}", with: owner.email)
      .replacingOccurrences(of: "{{title}}", with: cleanTitle)
      .replacingOccurrences(of: "{{type}}", with: type)
    let file = rootURL.appendingPathComponent(relative)
    do {
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: file, options: .withoutOverwriting)
    } catch {
      throw .write(path: relative, reason: error.localizedDescription)
    }
    return NewDocumentOutcome(path: relative, id: id.rawValue)
  }

  /// The repository's `templates/TYPE.md` if present, else the bundled one, else a minimal skeleton.
  func templateText(type: String, rootURL: URL) -> String {
    let custom = rootURL.appendingPathComponent("templates/\(type).md")
    if let data = FileManager.default.contents(atPath: custom.path), let text = String(data: data, encoding: .utf8) {
      return text
    }
    return BundledTemplates.byType[type]
      ?? BundledTemplates.byType["procedure"]!.replacingOccurrences(of: "type: procedure", with: "type: {{type}}")
  }

  /// Ids of the documents in the work tree (read by the document parser, as history reads them), with their
  /// paths.
  func workTreeDocuments(policy: Policy) -> [DocumentID: String] {
    let selection = DocumentSelection(patterns: policy.documents)
    var result: [DocumentID: String] = [:]
    // Every file but git's own, hidden and ignored ones included: an id in a draft is taken too.
    for relative in WorkTree.files(under: root, include: { $0.path != ".git" }).sorted() {
      guard selection.includes(relative),
        let data = FileManager.default.contents(atPath: root + "/" + relative),
        let id = SignaturePrecheck.identity(of: Array(data))?.id
      else { continue }
      result[id] = result[id] ?? relative
    }
    return result
  }

  private func mostCommonFolder(of paths: [String]) -> String? {
    let folders = paths.map { path in path.split(separator: "/").dropLast().joined(separator: "/") }
    let counts = Dictionary(folders.map { ($0, 1) }, uniquingKeysWith: +)
    return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
  }

  private func slug(_ title: String) -> String {
    var slug = ""
    // Letters lose their accents first (Müller → muller, Łódź → lodz), so names stay readable in paths.
    let plain = title.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
    let folded = plain.replacingOccurrences(of: "ł", with: "l").replacingOccurrences(of: "Ł", with: "L")
      .replacingOccurrences(of: "ß", with: "ss").replacingOccurrences(of: "ø", with: "o")
      .replacingOccurrences(of: "Ø", with: "O").replacingOccurrences(of: "æ", with: "ae")
      .replacingOccurrences(of: "Æ", with: "AE")
    for scalar in folded.lowercased().unicodeScalars {
      if CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII {
        slug.unicodeScalars.append(scalar)
      } else if !slug.hasSuffix("-") {
        slug += "-"
      }
    }
    let trimmed = slug.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    return String(trimmed.prefix(60)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
  }

  /// The title as a YAML scalar: plain when safe, else double-quoted with escapes.
  private func yamlScalar(_ text: String) -> String {
    let special = CharacterSet(charactersIn: ":#[]{},&*!|>'\"%@`")
    let lowered = text.lowercased()
    let ambiguous = ["yes", "no", "true", "false", "on", "off", "null", "~"].contains(lowered) || Double(text) != nil
    if text.unicodeScalars.contains(where: { special.contains($0) }) || ambiguous || text.hasPrefix("-")
      || text.hasPrefix("?") || text != text.trimmingCharacters(in: .whitespaces)
    {
      let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      return "\"\(escaped)\""
    }
    return text
  }
}
