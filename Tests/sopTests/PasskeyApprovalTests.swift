import Foundation
import TestSupport
import Testing

/// Approvals signed in a browser with a passkey (issue 16): the commit's gpgsig is an SSHSIG whose inner signature
/// is `webauthn-sk-ecdsa-sha2-nistp256@openssh.com`, made here by the fixture passkey exactly as a browser would.
@Suite("Passkey (WebAuthn) approvals")
struct PasskeyApprovalTests {
  static let pat = (name: "Pat Passkey", email: "pat@acme.example")

  /// The attack team plus Pat (quality), whose only key is the fixture passkey's `sk-ecdsa` line.
  static func team(extraPolicy: String = "") throws -> (team: AttackTeam, passkey: SoftwarePasskey) {
    let passkey = try SoftwarePasskey()
    let member = Member(name: pat.name, email: pat.email, roles: ["quality"], key: passkey.publicKey.openSSHString)
    return (try AttackTeam(staff: [member], extraPolicy: extraPolicy), passkey)
  }

  /// Pat approves QP-001 at HEAD: the commit is built as git builds it, its bytes signed by the passkey, the
  /// gpgsig header inserted as git inserts it, and the branch moved to it.
  @discardableResult
  static func approve(
    in team: AttackTeam, with passkey: SoftwarePasskey, flags: UInt8 = 0x05, editClientData: (Data) -> Data = { $0 }
  ) throws -> String {
    let scratch = team.scratch
    scratch.clock += 60
    let who = "\(pat.name) <\(pat.email)> \(scratch.clock) +0000"
    let head =
      "tree \(try scratch.git("rev-parse", "HEAD^{tree}"))\nparent \(try team.rev())\nauthor \(who)\n"
      + "committer \(who)\n"
    let message = "Approve QP-001\n\nApproves: QP-001 \(try team.blob())\n"
    let armored = try passkey.sign(Data((head + "\n" + message).utf8), flags: flags, editClientData: editClientData)
    let gpgsig = "gpgsig " + armored.replacingOccurrences(of: "\n", with: "\n ") + "\n"
    let file = team.folder("passkey-commit-\(scratch.clock).txt")
    try Data((head + gpgsig + "\n" + message).utf8).write(to: file)
    let commit = try scratch.git("hash-object", "-t", "commit", "-w", file.path)
    try scratch.git("update-ref", "HEAD", commit)
    return commit
  }

  /// `git verify-commit` with gpg.format=ssh and `sop keys` as the allowed signers: its exit status and stderr.
  static func gitVerifies(_ commit: String, in team: AttackTeam) throws -> ProcessResult {
    let keys = try team.cli.sop("keys")
    let allowed = team.folder("allowed_signers")
    try Data(keys.stdout.utf8).write(to: allowed)
    return try runProcess(
      "git", ["-c", "gpg.format=ssh", "-c", "gpg.ssh.allowedSignersFile=\(allowed.path)", "verify-commit", commit],
      in: team.scratch.url, environment: team.scratch.environment)
  }

  @Test("A passkey approval counts: sop verify is ok, QP-001 is approved, git verify-commit with sop keys accepts it")
  func passkeyApprovalVerifies() throws {
    let (team, passkey) = try Self.team()
    let commit = try Self.approve(in: team, with: passkey)
    try team.approve(key: team.bob, as: AttackTeam.bobID)
    let verify = try team.verify()
    #expect(verify.result.status == 0, "\(verify.result.stdout)\(verify.result.stderr)")
    #expect(verify.json?.ok == true)
    let document = try team.qp001()
    #expect(document?.state == "approved")
    #expect(document?.approvals?.contains { $0.email == Self.pat.email && $0.commit == commit } == true)
    let git = try Self.gitVerifies(commit, in: team)
    #expect(git.status == 0, "\(git.stderr)")
    #expect(git.stderr.contains("Good \"git\" signature for \(Self.pat.email) with ECDSA-SK key"))
  }

  @Test("A passkey approval whose client data was changed after signing is bad-signature, for git too")
  func tamperedClientData() throws {
    let (team, passkey) = try Self.team()
    let commit = try Self.approve(in: team, with: passkey) { clientData in
      Data(String(decoding: clientData, as: UTF8.self).replacingOccurrences(of: "false}", with: "true}").utf8)
    }
    try team.approve(key: team.bob, as: AttackTeam.bobID)
    let verify = try team.verify()
    #expect(verify.result.status == 1, "\(verify.result.stdout)")
    #expect(verify.json?.kinds(of: commit).contains("bad-signature") == true, "\(verify.result.stdout)")
    #expect(try team.qp001()?.state != "approved")
    #expect(try Self.gitVerifies(commit, in: team).status != 0)
  }

  @Test("security-keys: {user-verification: true} refuses a passkey touch without PIN or biometric, only that")
  func userVerificationPolicy() throws {
    let (team, passkey) = try Self.team(extraPolicy: "security-keys: {user-verification: true}\n")
    let touchOnly = try Self.approve(in: team, with: passkey, flags: 0x01)
    let verify = try team.verify()
    #expect(verify.json?.kinds(of: touchOnly).contains("bad-signature") == true, "\(verify.result.stdout)")
    #expect(try Self.gitVerifies(touchOnly, in: team).status == 0)

    let (verifiedTeam, samePasskey) = try Self.team(extraPolicy: "security-keys: {user-verification: true}\n")
    try Self.approve(in: verifiedTeam, with: samePasskey, flags: 0x05)
    try verifiedTeam.approve(key: verifiedTeam.bob, as: AttackTeam.bobID)
    let ok = try verifiedTeam.verify()
    #expect(ok.result.status == 0, "\(ok.result.stdout)")
    #expect(try verifiedTeam.qp001()?.state == "approved")
  }
}
