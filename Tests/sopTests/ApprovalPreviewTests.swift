import Foundation
import TestSupport
import Testing

/// `sop approve` on a terminal shows what is about to be signed and asks; `--yes` and no terminal sign at once.
@Suite("Approval preview and confirmation")
struct ApprovalPreviewTests {
  /// Runs `sop ARGS` on a terminal (util-linux `script` gives it one), typing `input`.
  func onTerminal(_ team: AttackTeam, _ arguments: String, input: String) throws -> ProcessResult {
    try runProcess(
      "/usr/bin/script", ["-qec", "\(CLIHarness.binary) \(arguments)", "/dev/null"], in: team.scratch.url,
      environment: team.scratch.environment, input: input)
  }

  @Test("On a terminal: the preview names the revision, the words changed and the authors; n signs nothing")
  func preview() throws {
    guard FileManager.default.fileExists(atPath: "/usr/bin/script") else { return }
    let team = try AttackTeam()
    team.scratch.identity = AttackTeam.aliceID
    let before = try team.rev()
    let declined = try onTerminal(team, "approve QP-001 --key \(team.alice.path)", input: "n\n")
    #expect(declined.stdout.contains("becomes revision 1"), "\(declined.stdout)")
    #expect(declined.stdout.contains("changes by Dana Author <dana@acme.example>"), "\(declined.stdout)")
    #expect(declined.stdout.contains("word(s) inserted") && declined.stdout.contains("[y/N]"))
    #expect(try team.rev() == before)
    let accepted = try onTerminal(team, "approve QP-001 --key \(team.alice.path)", input: "y\n")
    #expect(accepted.stdout.contains("Approved by Alice Nguyen"), "\(accepted.stdout)")
    #expect(try team.rev() != before)
  }

  @Test("--yes on a terminal signs without asking; without a terminal nothing is asked")
  func noQuestion() throws {
    guard FileManager.default.fileExists(atPath: "/usr/bin/script") else { return }
    let team = try AttackTeam()
    team.scratch.identity = AttackTeam.aliceID
    let result = try onTerminal(team, "approve QP-001 --yes --key \(team.alice.path)", input: "")
    #expect(!result.stdout.contains("[y/N]") && result.stdout.contains("Approved by"), "\(result.stdout)")
    let piped = try team.cli.sop("approve", "QP-001", "--key", team.bob.path)
    #expect(piped.status == 0 && !piped.stdout.contains("[y/N]"))
  }
}
