import Foundation
import TestSupport
import Testing

@Suite("sop init names the first admin with a key")
struct InitKeyTests {
  let scratch: ScratchRepository
  let cli: CLIHarness
  let key: (path: String, publicKey: String)

  init() throws {
    scratch = try ScratchRepository()
    cli = CLIHarness(scratch: scratch)
    key = try scratch.makeKey("admin")
    try scratch.git("config", "--global", "user.name", "Quinn Manager")
    try scratch.git("config", "--global", "user.email", "quinn@acme.example")
  }

  func initialise(_ name: String, _ extra: String...) throws -> (ProcessResult, String) {
    let target = scratch.home.appendingPathComponent(name)
    let result = try cli.sop(["init", target.path] + extra, in: scratch.home)
    let policy = (try? String(contentsOf: target.appendingPathComponent("sop.yml"), encoding: .utf8)) ?? ""
    return (result, policy)
  }

  @Test("--key, user.signingkey and ~/.ssh/id_ed25519.pub fill in the admin's key; the file is a valid policy")
  func keys() throws {
    let (explicit, policy) = try initialise("explicit", "--key", key.path)
    #expect(explicit.status == 0, "\(explicit.stderr)")
    #expect(policy.contains("email: quinn@acme.example") && policy.contains("name: Quinn Manager"))
    #expect(policy.contains("keys: [\"\(key.publicKey)\"]"), "\(policy)")
    let folder = scratch.home.appendingPathComponent("explicit")
    _ = try runProcess("git", ["add", "-A"], in: folder, environment: scratch.environment)
    _ = try runProcess("git", ["commit", "-q", "-m", "Set up"], in: folder, environment: scratch.environment)
    let keys = try cli.sop("keys", in: folder)
    #expect(keys.status == 0 && keys.stdout.contains("quinn@acme.example namespaces=\"git\" ssh-ed25519 "))

    try scratch.git("config", "--global", "user.signingkey", key.path)
    let (_, configured) = try initialise("configured")
    #expect(configured.contains("keys: [\"\(key.publicKey)\"]"))
    try scratch.git("config", "--global", "--unset", "user.signingkey")

    let (_, none) = try initialise("none")
    #expect(none.contains("keys: []  # add the line of your ~/.ssh/id_ed25519.pub"))
    let ssh = scratch.home.appendingPathComponent(".ssh")
    try FileManager.default.createDirectory(at: ssh, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: key.path + ".pub", toPath: ssh.appendingPathComponent("id_ed25519.pub").path)
    let (_, fallback) = try initialise("fallback")
    #expect(fallback.contains("keys: [\"\(key.publicKey)\"]"))

    let (missing, _) = try initialise("missing", "--key", scratch.home.appendingPathComponent("nope").path)
    #expect(missing.status == 2)
    #expect(!FileManager.default.fileExists(atPath: scratch.home.appendingPathComponent("missing").path))
  }
}
