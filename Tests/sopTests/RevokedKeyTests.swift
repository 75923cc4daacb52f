import Foundation
import TestSupport
import Testing

/// `keys: [{key, revoked: {at, reason}}]` in sop.yml: a revoked key signs for nobody once the revocation is in
/// effect, and verify flags what it signed from the revocation time on. Made with stock git and ssh-keygen.
@Suite("Revoked keys")
struct RevokedKeyTests {
  /// The policy with Erin's key revoked at `at`.
  func revokingPolicy(_ team: AttackTeam, at: String) -> String {
    team.policy().replacingOccurrences(
      of: "keys: [\"\(team.erin.publicKey)\"]",
      with: "keys:\n      - key: \"\(team.erin.publicKey)\"\n        revoked: {at: \(at), reason: laptop stolen}")
  }

  @Test("What the stolen key signed after the revocation time is flagged; after the revocation it counts for nothing")
  func stolenKey() throws {
    let team = try AttackTeam()
    // The thief signs with Erin's key (quality) at the scratch clock, which is after 2023-11-14T22:13:20Z.
    let stolen = try team.approve(key: team.erin, as: AttackTeam.erinID)
    #expect(try team.verify().result.status == 0)
    // Alice and Frank revoke the key from the time of the theft.
    try team.commit(["sop.yml": revokingPolicy(team, at: "2023-01-01T00:00:00Z")], as: AttackTeam.aliceID, "Revoke")
    try team.approve("POLICY", key: team.alice, as: AttackTeam.aliceID)
    let verify = try team.verify()
    #expect(verify.result.status == 1)
    #expect(verify.json?.kinds(of: stolen) == ["revoked-key"], "\(verify.result.stdout)")
    // From now on the key signs for nobody.
    let late = try team.approve(key: team.erin, as: AttackTeam.erinID)
    #expect(try team.verify().json?.kinds(of: late).contains("unknown-key") == true)
    // sop keys keeps it for what it signed before, as git's valid-before.
    let keys = try team.cli.sop("keys").stdout
    #expect(keys.contains("valid-before=\"20230101000000Z\""), "\(keys)")
  }

  @Test("A revocation time must be a UTC time or a date, named with its line")
  func badTime() throws {
    let team = try AttackTeam()
    try team.commit(["sop.yml": revokingPolicy(team, at: "yesterday")], as: AttackTeam.aliceID, "Bad")
    let status = try team.cli.sop("status")
    #expect(status.status == 2, "\(status.stdout)\(status.stderr)")
    #expect(status.stderr.contains("sop.yml") && status.stderr.contains("at"), "\(status.stderr)")
  }
}
