import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A publish over the site of an earlier one reuses the files that did not change. Whatever the old folder
/// holds, the result must be byte for byte what `sop render` writes into an empty folder.
@Suite("sop publish over an earlier site")
struct RepublishTests {
  let team: TwoPersonRepository

  init() throws { team = try TwoPersonRepository() }

  func approveFully(_ id: String) throws {
    #expect(try team.cli.sop("approve", id, "--key", team.alice.path).status == 0)
    #expect(try team.cli.sop("approve", id, "--key", team.bob.path).status == 0)
  }

  func folder(_ name: String) -> URL { team.scratch.home.appendingPathComponent(name) }

  /// Whether two folders hold the same files with the same bytes, hidden files included (`diff -r`).
  func sameFiles(_ left: URL, _ right: URL) throws -> Bool {
    let diff = try runProcess(
      "diff", ["-r", left.path, right.path], in: team.scratch.url, environment: team.scratch.environment)
    return diff.status == 0
  }

  func inode(_ url: URL) -> UInt64 {
    var status = stat()
    return lstat(url.path, &status) == 0 ? UInt64(status.st_ino) : 0
  }

  @Test("A new snapshot and a repeated publish over an old, tampered site equal a render into an empty folder")
  func republishEqualsFreshRender() throws {
    try approveFully("QP-001")
    let site = folder("site")
    let first = try team.cli.sop("publish", "--key", team.alice.path, "--out", site.path)
    #expect(first.status == 0, "\(first.stderr)")
    try approveFully("QP-002")
    let second = try team.cli.sop("publish", "--key", team.alice.path, "--out", site.path)
    #expect(second.status == 0 && second.stdout.contains("published/2"), "\(second.stdout)\(second.stderr)")
    let render = try team.cli.sop("render", "published/2", "--out", folder("fresh").path)
    #expect(render.status == 0, "\(render.stderr)")
    #expect(try sameFiles(site, folder("fresh")))

    // Edit one page in place, keeping its size, as someone with write access to the folder could.
    let page = site.appendingPathComponent("documents/QP-001.html")
    var forged = try Data(contentsOf: page)
    let at = try #require(forged.firstRange(of: Data("Bob Smith".utf8))).lowerBound
    forged.replaceSubrange(at..<at + 9, with: Data("Eve Smith".utf8))
    try forged.write(to: page)
    let stylesheet = site.appendingPathComponent("assets/site.css")
    let stylesheetInode = inode(stylesheet)
    let again = try team.cli.sop("publish", "--key", team.alice.path, "--out", site.path)
    #expect(again.status == 0 && again.stdout.contains("no new tag"), "\(again.stdout)\(again.stderr)")
    #expect(try sameFiles(site, folder("fresh")))
    // The untouched stylesheet was linked, not written again: the reuse this test is about took place.
    #expect(inode(stylesheet) == stylesheetInode)
  }
}
