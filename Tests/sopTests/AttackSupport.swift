import Foundation
import TestSupport

/// A signer: the private key file and the public key line that goes into `sop.yml`.
typealias SigningKey = (path: String, publicKey: String)

/// A person line of `sop.yml`.
struct Member {
  var name: String
  var email: String
  var roles: [String]
  var key: String?

  var yaml: String {
    var text = """
        - email: \(email)
          name: \(name)
          roles: [\(roles.joined(separator: ", "))]

      """
    if let key { text += "    keys: [\"\(key)\"]\n" }
    return text
  }
}

/// `sop status --format json`, as far as the attack tests read it.
struct StatusJSON: Decodable {
  struct Approval: Decodable {
    let email: String
    let role: String?
    let commit: String
  }
  struct Document: Decodable {
    let id, state, path: String
    let revision: Int
    let blob: String?
    let approvals: [Approval]?
    let missing: [String]
  }
  struct Problem: Decodable {
    let path: String
    let message: String
  }
  struct PolicyEntry: Decodable {
    let state: String
    let revision: Int
    let missing: Int?
  }
  let documents: [Document]
  let problems: [Problem]?
  let policy: PolicyEntry?

  func document(_ id: String) -> Document? { documents.first { $0.id == id } }
}

/// `sop verify --format json`.
struct VerifyJSON: Decodable {
  struct Problem: Decodable {
    let commit: String?  // optional: a duplicate id is a finding about the tip, not about one commit
    let document: String
    let kind: String
    let message: String
  }
  let ok: Bool
  let problems: [Problem]
  let root: String?

  func kinds(of commit: String) -> [String] { problems.filter { $0.commit == commit }.map(\.kind) }
}

/// A team whose approvals are made with stock `git commit -S` and `ssh-keygen`, never with `sop approve`.
///
/// People in the root policy: Alice (quality, admin), Bob (operations; owns QP-001), Erin (quality, admin),
/// Frank (admin), Dana (author, no key). Mallory and Trent have keys that no honest policy registers.
/// The root commit holds `sop.yml` and `procedures/QP-001.md`, authored by Dana.
final class AttackTeam: @unchecked Sendable {
  let scratch: ScratchRepository
  let cli: CLIHarness
  let alice: SigningKey
  let bob: SigningKey
  let erin: SigningKey
  let frank: SigningKey
  let mallory: SigningKey
  let trent: SigningKey

  static let aliceID = (name: "Alice Nguyen", email: "alice@acme.example")
  static let bobID = (name: "Bob Smith", email: "bob@acme.example")
  static let erinID = (name: "Erin Quality", email: "erin@acme.example")
  static let frankID = (name: "Frank Admin", email: "frank@acme.example")
  static let danaID = (name: "Dana Author", email: "dana@acme.example")
  static let malloryID = (name: "Mallory", email: "mallory@evil.example")
  static let trentID = (name: "Trent", email: "trent@evil.example")

  static let document = "procedures/QP-001.md"

  /// Keys are made once per process and copied into each repository's home: ssh-keygen is the slow part.
  private static let keyStore: (store: ScratchRepository, keys: [String: SigningKey]) = {
    let store = try! ScratchRepository()
    var keys: [String: SigningKey] = [:]
    for name in ["alice", "bob", "erin", "frank", "mallory", "trent"] {
      keys[name] = try! store.makeKey(name)
    }
    return (store, keys)
  }()

  /// Extra people (staff without keys) and extra top-level `sop.yml` text, for the root policy.
  let staff: [Member]
  let extraPolicy: String

  init(policyApprovals: Int = 1, documents: [String]? = nil, staff: [Member] = [], extraPolicy: String = "") throws {
    self.staff = staff
    self.extraPolicy = extraPolicy
    scratch = try ScratchRepository()
    cli = CLIHarness(scratch: scratch)
    var copied: [String: SigningKey] = [:]
    for (name, key) in Self.keyStore.keys {
      let target = scratch.home.appendingPathComponent(name).path
      try FileManager.default.copyItem(atPath: key.path, toPath: target)
      try FileManager.default.copyItem(atPath: key.path + ".pub", toPath: target + ".pub")
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
      copied[name] = (target, key.publicKey)
    }
    alice = copied["alice"]!
    bob = copied["bob"]!
    erin = copied["erin"]!
    frank = copied["frank"]!
    mallory = copied["mallory"]!
    trent = copied["trent"]!
    try scratch.write("sop.yml", policy(policyApprovals: policyApprovals, documents: documents))
    try scratch.write(Self.document, procedureText(id: "QP-001"))
    scratch.identity = Self.danaID
    try scratch.commitAll("Documents")
  }

  /// The honest members; `edit` changes them before the policy is written.
  func members(_ edit: (inout [Member]) -> Void = { _ in }) -> [Member] {
    var list =
      [
        Member(name: Self.aliceID.name, email: Self.aliceID.email, roles: ["quality", "admin"], key: alice.publicKey),
        Member(name: Self.bobID.name, email: Self.bobID.email, roles: ["operations"], key: bob.publicKey),
        Member(name: Self.erinID.name, email: Self.erinID.email, roles: ["quality", "admin"], key: erin.publicKey),
        Member(name: Self.frankID.name, email: Self.frankID.email, roles: ["admin"], key: frank.publicKey),
        Member(name: Self.danaID.name, email: Self.danaID.email, roles: ["author"], key: nil),
      ] + staff
    edit(&list)
    return list
  }

  /// A policy text: the honest members (or `people`), two types (procedure QP: quality + owner; form F: quality).
  func policy(
    people: [Member]? = nil, policyApprovals: Int = 1, documents: [String]? = nil, organisation: String = "Acme"
  ) -> String {
    var text = """
      version: 1
      organisation: \(organisation)
      self-approval: false
      policy-approvals: \(policyApprovals)
      people:

      """
    for member in people ?? members() { text += member.yaml }
    text += """
      types:
        procedure:
          prefix: QP
          approvals: [quality, owner]
          review-every: 12 months
        form:
          prefix: F
          approvals: [quality]

      """
    if let documents {
      text += "documents: [\(documents.map { "\"\($0)\"" }.joined(separator: ", "))]\n"
    }
    return text + extraPolicy
  }

  /// An attacker's policy: the honest people's names and emails, with Mallory's key as Alice's and Trent's as
  /// Bob's, so the attacker's texts keep a valid owner and their signatures look like the real approvers'.
  func attackerPolicy() -> String {
    policy(
      people: members { members in
        members = members.map { member in
          var copy = member
          if copy.email == Self.aliceID.email { copy.key = mallory.publicKey }
          if copy.email == Self.bobID.email { copy.key = trent.publicKey }
          return copy
        }
      })
  }

  /// Mallory and Trent sign QP-001 at HEAD posing as Alice and Bob; returns both commits.
  func attackerApprovesQP001() throws -> [String] {
    [try approve(key: mallory, as: Self.aliceID), try approve(key: trent, as: Self.bobID)]
  }

  // MARK: git

  /// `git rev-parse`.
  func rev(_ name: String = "HEAD") throws -> String { try scratch.git("rev-parse", name) }

  /// The blob of `path` at `revision`.
  func blob(_ path: String = AttackTeam.document, at revision: String = "HEAD") throws -> String {
    try scratch.git("rev-parse", "\(revision):\(path)")
  }

  /// The root commits reachable from HEAD.
  func roots() throws -> [String] {
    try scratch.git("rev-list", "--max-parents=0", "HEAD").split(separator: "\n").map(String.init)
  }

  /// Writes files and commits them as `who`.
  @discardableResult
  func commit(_ files: [String: String], as who: (name: String, email: String), _ message: String) throws -> String {
    for (path, text) in files { try scratch.write(path, text) }
    scratch.identity = who
    return try scratch.commitAll(message)
  }

  /// A signed empty commit made with stock git: `Approves: ID BLOB` (BLOB defaults to the content at HEAD).
  @discardableResult
  func approve(
    _ id: String = "QP-001", blob: String? = nil, path: String? = nil, key: SigningKey,
    as who: (name: String, email: String)
  ) throws -> String {
    let file = path ?? (id == "POLICY" ? "sop.yml" : "procedures/\(id).md")
    let named = try blob ?? self.blob(file)
    scratch.identity = who
    return try scratch.signedEmptyCommit("Approve \(id)\n\nApproves: \(id) \(named)", key: key.path)
  }

  /// Alice (quality) and Bob (owner) approve the content of QP-001 at HEAD.
  func approveQP001() throws {
    try approve(key: alice, as: Self.aliceID)
    try approve(key: bob, as: Self.bobID)
  }

  /// `git merge` with the clock advanced, as `who`.
  @discardableResult
  func merge(_ arguments: [String], as who: (name: String, email: String) = AttackTeam.danaID) throws -> String {
    scratch.identity = who
    scratch.clock += 60
    try scratch.git(["merge", "-q", "--no-edit"] + arguments)
    return try rev()
  }

  // MARK: sop

  /// `sop status --format json`, decoded when it printed JSON.
  func status(in directory: URL? = nil) throws -> (result: ProcessResult, json: StatusJSON?) {
    let result = try cli.sop(["status", "--format", "json"], in: directory)
    return (result, try? JSONDecoder().decode(StatusJSON.self, from: Data(result.stdout.utf8)))
  }

  /// `sop verify --format json`, decoded when it printed JSON.
  func verify(in directory: URL? = nil) throws -> (result: ProcessResult, json: VerifyJSON?) {
    let result = try cli.sop(["verify", "--format", "json"], in: directory)
    return (result, try? JSONDecoder().decode(VerifyJSON.self, from: Data(result.stdout.utf8)))
  }

  /// QP-001's status entry.
  func qp001() throws -> StatusJSON.Document? { try status().json?.document("QP-001") }

  /// A folder in the scratch home for sites and clones.
  func folder(_ name: String) -> URL { scratch.home.appendingPathComponent(name) }

  /// Runs git in another folder with the scratch environment; throws on failure.
  @discardableResult
  func git(in directory: URL, _ arguments: String...) throws -> String {
    let result = try runProcess("git", arguments, in: directory, environment: scratch.environment)
    guard result.status == 0 else {
      throw ScratchError(message: "git \(arguments.joined(separator: " ")) failed: \(result.stderr)")
    }
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

extension AttackTeam {
  /// A team repository, a bare server with `sop guard` as its pre-receive hook, and main pushed once.
  static func guarded() throws -> (team: AttackTeam, server: URL) {
    let team = try AttackTeam()
    let server = team.folder("server.git")
    try team.git(in: team.scratch.home, "init", "-q", "--bare", "-b", "main", server.path)
    let hook = server.appendingPathComponent("hooks/pre-receive")
    try Data("#!/bin/sh\nexec '\(CLIHarness.binary)' guard\n".utf8).write(to: hook)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
    try team.scratch.git("remote", "add", "origin", server.path)
    let first = try team.push("main")
    guard first.status == 0 else { throw ScratchError(message: "first push refused: \(first.stderr)") }
    return (team, server)
  }

  /// `git push -q origin ARGUMENTS` from the team repository (never throws on refusal: callers judge it).
  func push(_ arguments: String...) throws -> ProcessResult {
    try runProcess("git", ["push", "-q", "origin"] + arguments, in: scratch.url, environment: scratch.environment)
  }
}
