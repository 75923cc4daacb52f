import Foundation
import TestSupport
import Testing

/// What a killed run leaves behind (locks, temporary folders and objects), and inputs too large to read.
@Suite("Recovery from leftovers, stale locks and oversized input")
struct RecoveryTests {
  let team: TwoPersonRepository
  var scratch: ScratchRepository { team.scratch }
  var cli: CLIHarness { team.cli }

  init() throws {
    team = try TwoPersonRepository()
  }

  func approveFully(_ id: String) throws {
    for key in [team.alice.path, team.bob.path] {
      let result = try cli.sop("approve", id, "--key", key)
      #expect(result.status == 0, "\(result.stderr)")
    }
  }

  @Test("A stale branch lock is named, with how to remove it, and never called a moving branch")
  func staleBranchLock() throws {
    let lock = scratch.url.appendingPathComponent(".git/refs/heads/main.lock")
    try Data("0000000000000000000000000000000000000000\n".utf8).write(to: lock)
    let started = Date()
    let result = try cli.sop(["approve", "QP-001", "--key", team.alice.path], timeout: 20)
    #expect(result.status != 0)
    #expect(Date().timeIntervalSince(started) < 5)
    #expect(result.stderr.contains(lock.path) && result.stderr.contains("rm "), "\(result.stderr)")
    #expect(!result.stderr.contains("kept moving"), "\(result.stderr)")
    try FileManager.default.removeItem(at: lock)
    #expect(try cli.sop("approve", "QP-001", "--key", team.alice.path).status == 0)
  }

  @Test("A stale tag lock is named in full; nothing is cut off")
  func staleTagLock() throws {
    try approveFully("QP-001")
    let lock = scratch.url.appendingPathComponent(".git/refs/tags/published/1.lock")
    try FileManager.default.createDirectory(at: lock.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data().write(to: lock)
    let out = scratch.home.appendingPathComponent("site").path
    let result = try cli.sop(["publish", "--key", team.alice.path, "--out", out], timeout: 20)
    #expect(result.status != 0)
    #expect(result.stderr.contains(lock.path) && result.stderr.contains("rm "), "\(result.stderr)")
    try FileManager.default.removeItem(at: lock)
    #expect(try cli.sop("publish", "--key", team.alice.path, "--out", out).status == 0)
  }

  @Test("The next run removes hidden folders a killed run left, and puts a retired site back if it is missing")
  func siteLeftovers() throws {
    try approveFully("QP-001")
    let parent = scratch.home.appendingPathComponent("web")
    let out = parent.appendingPathComponent("site")
    #expect(try cli.sop("publish", "--key", team.alice.path, "--out", out.path).status == 0)
    // A kill between the two fallback renames: the site is aside as .sop-old, a staged copy half-written.
    let retired = parent.appendingPathComponent(".site.sop-old-dead")
    try FileManager.default.moveItem(at: out, to: retired)
    try FileManager.default.createDirectory(
      at: parent.appendingPathComponent(".site.sop-new-dead/documents"), withIntermediateDirectories: true)
    let render = try cli.sop("render", "published/1", "--out", out.path)
    #expect(render.status == 0, "\(render.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
  }

  @Test("Old tmp_object_git2_ files in .git/objects are removed by the next writer; young ones are kept")
  func temporaryObjects() throws {
    let objects = scratch.url.appendingPathComponent(".git/objects")
    let old = objects.appendingPathComponent("tmp_object_git2_dead01")
    let young = objects.appendingPathComponent("tmp_object_git2_live01")
    try Data("x".utf8).write(to: old)
    try Data("x".utf8).write(to: young)
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: old.path)
    #expect(try cli.sop("approve", "QP-001", "--key", team.alice.path).status == 0)
    #expect(!FileManager.default.fileExists(atPath: old.path))
    #expect(FileManager.default.fileExists(atPath: young.path))
  }

  @Test("sop.yml over 1 MiB, an over-long line and an over-long name are refused naming file, line and key")
  func oversizedPolicy() throws {
    let policy = try String(contentsOf: scratch.url.appendingPathComponent("sop.yml"), encoding: .utf8)
    try scratch.write("sop.yml", policy + "# " + String(repeating: "x ", count: 600_000) + "\n")
    try scratch.commitAll("Huge policy")
    var result = try cli.sop(["status"], timeout: 10)
    #expect(result.status == 2 && result.stderr.contains("1 MiB"), "\(result.stderr)")
    try scratch.write(
      "sop.yml",
      policy.replacingOccurrences(
        of: "organisation: Acme", with: "organisation: " + String(repeating: "A", count: 5_000)))
    try scratch.commitAll("Long organisation line")
    result = try cli.sop(["status"], timeout: 10)
    #expect(
      result.status == 2 && result.stderr.contains("sop.yml:2") && result.stderr.contains("organisation"),
      "\(result.stderr)")
    try scratch.write(
      "sop.yml",
      policy.replacingOccurrences(of: "organisation: Acme", with: "organisation: " + String(repeating: "A", count: 300))
    )
    try scratch.commitAll("Long organisation name")
    result = try cli.sop(["status"], timeout: 10)
    #expect(
      result.status == 2 && result.stderr.contains("sop.yml:2") && result.stderr.contains("at most 200"),
      "\(result.stderr)")
  }

  @Test("Two publishes into one folder at once: both succeed with one tag and the folder holds its site")
  func concurrentPublishes() throws {
    try approveFully("QP-001")
    let out = scratch.home.appendingPathComponent("site").path
    let results = ParallelRuns()
    DispatchQueue.concurrentPerform(iterations: 2) { _ in
      let result = try? cli.sop("publish", "--key", team.alice.path, "--out", out)
      results.lock.withLock { results.statuses.append(result?.status ?? -1) }
    }
    #expect(results.statuses == [0, 0], "\(results.statuses)")
    #expect(try scratch.git("tag", "-l", "published/*") == "published/1")
    #expect(FileManager.default.fileExists(atPath: out + "/index.html"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: scratch.home.path).filter { $0.hasPrefix(".site") }.isEmpty)
  }
}

final class ParallelRuns: @unchecked Sendable {
  let lock = NSLock()
  var statuses: [Int32] = []
}
