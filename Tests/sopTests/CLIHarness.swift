import Foundation
import TestSupport

/// Runs the real `sop` binary built by `swift build` against scratch repositories.
struct CLIHarness {
  /// The built binary: `SOP_BINARY`, else `.build/debug/sop` beside this package.
  static let binary: String = {
    if let path = ProcessInfo.processInfo.environment["SOP_BINARY"] { return path }
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return packageRoot.appendingPathComponent(".build/debug/sop").path
  }()

  let scratch: ScratchRepository

  /// Runs `sop ARGS` in the repository (or `directory`) with the scratch environment.
  @discardableResult
  func sop(_ arguments: String..., in directory: URL? = nil, environment extra: [String: String] = [:])
    throws -> ProcessResult
  {
    try sop(arguments, in: directory, environment: extra)
  }

  /// Runs `sop` with an argument array; a run longer than `timeout` seconds is killed (`timedOut`).
  @discardableResult
  func sop(
    _ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:],
    timeout: TimeInterval? = nil
  ) throws -> ProcessResult {
    try runProcess(
      CLIHarness.binary, arguments, in: directory ?? scratch.url,
      environment: scratch.environment.merging(extra) { _, new in new }, timeout: timeout)
  }
}

/// A minimal valid policy with the given people lines.
func policyText(people: String, selfApproval: Bool = false) -> String {
  """
  version: 1
  organisation: Acme
  self-approval: \(selfApproval)
  people:
  \(people)
  types:
    procedure:
      prefix: QP
      approvals: [quality, owner]
      review-every: 12 months
    form:
      prefix: F
      approvals: [quality]

  """
}

/// A small valid procedure.
func procedureText(id: String = "QP-001", owner: String = "bob@acme.example", step: String = "Wear gloves.")
  -> String
{
  """
  ---
  id: \(id)
  title: Handling of materials
  type: procedure
  owner: \(owner)
  ---

  # Handling of materials

  ## Purpose

  Keep people safe when they move materials.

  ## Scope

  All sites.

  ## Responsibilities

  The site supervisor checks the work.

  ## Procedure

  1. \(step)
  2. Lift with your legs.

  ## Records

  None.

  """
}

/// A repository where Alice (quality, admin) and Bob (operations, owner of both procedures) have keys,
/// and Dana, who signs nothing, authored QP-001 and QP-002.
struct TwoPersonRepository {
  let scratch: ScratchRepository
  let cli: CLIHarness
  let alice: (path: String, publicKey: String)
  let bob: (path: String, publicKey: String)

  init() throws {
    scratch = try ScratchRepository()
    cli = CLIHarness(scratch: scratch)
    alice = try scratch.makeKey("alice")
    bob = try scratch.makeKey("bob")
    let people = """
        - email: alice@acme.example
          name: Alice Nguyen
          roles: [quality, admin]
          keys: ["\(alice.publicKey)"]
        - email: bob@acme.example
          name: Bob Smith
          roles: [operations]
          keys: ["\(bob.publicKey)"]
      """
    try scratch.write("sop.yml", policyText(people: people))
    try scratch.write("procedures/QP-001.md", procedureText(id: "QP-001"))
    try scratch.write("procedures/QP-002.md", procedureText(id: "QP-002"))
    scratch.identity = ("Dana Author", "dana@acme.example")
    try scratch.commitAll("Documents")
  }
}
