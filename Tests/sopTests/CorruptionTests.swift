import Foundation
import TestSupport
import Testing

/// Damages one loose object at a time with plain file operations and checks that sop ends within seconds
/// with exit 2 and a message naming the object and its file, never a hang or a different answer.
@Suite("Missing, truncated and corrupt objects")
struct CorruptionTests {
  enum Damage: String, CaseIterable {
    case truncate, remove, corrupt
  }

  /// One object to damage and the command that must notice.
  struct Target {
    var name: String
    var id: String
    var command: [String]
  }

  let team: TwoPersonRepository
  var scratch: ScratchRepository { team.scratch }

  init() throws {
    team = try TwoPersonRepository()
    for key in [team.alice.path, team.bob.path] {
      let result = try team.cli.sop("approve", "QP-001", "--key", key)
      #expect(result.status == 0, "\(result.stderr)")
    }
    let site = scratch.home.appendingPathComponent("site").path
    let publish = try team.cli.sop("publish", "--key", team.alice.path, "--out", site)
    #expect(publish.status == 0, "\(publish.stderr)")
  }

  func objectFile(_ id: String) -> URL {
    scratch.url.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
  }

  func targets() throws -> [Target] {
    let render = ["render", "published/1", "--out", scratch.home.appendingPathComponent("again").path]
    return [
      Target(name: "document blob", id: try scratch.git("rev-parse", "HEAD:procedures/QP-001.md"), command: ["status"]),
      Target(name: "sop.yml blob", id: try scratch.git("rev-parse", "HEAD:sop.yml"), command: ["status"]),
      Target(name: "root tree", id: try scratch.git("rev-parse", "HEAD^{tree}"), command: ["status"]),
      Target(name: "subtree", id: try scratch.git("rev-parse", "HEAD:procedures"), command: ["status"]),
      Target(name: "approval commit", id: try scratch.git("rev-parse", "HEAD~1"), command: ["status"]),
      Target(
        name: "commit named with an operator", id: try scratch.git("rev-parse", "HEAD~1"),
        command: ["status", "--at", "HEAD~1"]),
      Target(
        name: "document blob, by id", id: try scratch.git("rev-parse", "HEAD:procedures/QP-001.md"),
        command: ["show", "QP-001"]),
      Target(name: "sop.yml blob, for keys", id: try scratch.git("rev-parse", "HEAD:sop.yml"), command: ["keys"]),
      Target(name: "tip commit", id: try scratch.git("rev-parse", "HEAD"), command: ["log", "QP-001"]),
      Target(name: "tag", id: try scratch.git("rev-parse", "published/1"), command: render),
      Target(name: "approval commit under a tag", id: try scratch.git("rev-parse", "HEAD~1"), command: render),
      Target(
        name: "document blob under a tag", id: try scratch.git("rev-parse", "HEAD:procedures/QP-001.md"),
        command: render),
    ]
  }

  /// Damages the loose file of `id` and returns a closure that puts the original back.
  func damage(_ id: String, _ damage: Damage) throws -> () throws -> Void {
    let file = objectFile(id)
    let original = try Data(contentsOf: file)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
    switch damage {
    case .truncate:
      try original.prefix(original.count / 2).write(to: file)
    case .remove:
      try FileManager.default.removeItem(at: file)
    case .corrupt:
      var bytes = [UInt8](original)
      for index in stride(from: bytes.count / 3, to: bytes.count - 4, by: 3) { bytes[index] ^= 0x5A }
      try Data(bytes).write(to: file)
    }
    return { try original.write(to: file) }
  }

  @Test("Each damaged object ends sop within 10 seconds, exit 2, naming the object and its file")
  func damagedObjects() throws {
    for target in try targets() {
      for kind in Damage.allCases {
        let restore = try damage(target.id, kind)
        let started = Date()
        let result = try team.cli.sop(target.command, timeout: 10)
        let seconds = Date().timeIntervalSince(started)
        try restore()
        let label = "\(kind.rawValue) \(target.name) \(target.id), sop \(target.command.joined(separator: " "))"
        #expect(!result.timedOut && seconds < 10, "\(label): took \(seconds) s")
        #expect(result.status == 2, "\(label): exit \(result.status)\n\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains(target.id), "\(label): \(result.stderr)")
        #expect(result.stderr.contains("objects/\(target.id.prefix(2))/"), "\(label): \(result.stderr)")
        #expect(result.stderr.contains("git fsck"), "\(label): \(result.stderr)")
      }
    }
    // Restored, everything answers again.
    #expect(try team.cli.sop("verify").status == 0)
  }

  @Test("render never writes a site when an object under its tag is missing; the old site stays")
  func renderKeepsOldSite() throws {
    let out = scratch.home.appendingPathComponent("site")
    let before = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    let approval = try scratch.git("rev-parse", "HEAD~1")
    let restore = try damage(approval, .remove)
    let result = try team.cli.sop(["render", "published/1", "--out", out.path], timeout: 10)
    try restore()
    #expect(result.status == 2, "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == before)
  }
}
