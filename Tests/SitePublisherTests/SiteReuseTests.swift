import Foundation
import Testing

@testable import SitePublisher

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A rewrite over an earlier site hard-links the files whose bytes did not change. These tests pin that the
/// result is always exactly the files asked for, and that nothing in the old folder is trusted on its word.
@Suite("SiteWriter reuse of an earlier site")
struct SiteReuseTests {
  let files = SiteRenderer().render(Fixture.sample())

  /// The inode of a file, to tell a linked file from a written one.
  func inode(_ url: URL) -> UInt64 {
    var status = stat()
    return lstat(url.path, &status) == 0 ? UInt64(status.st_ino) : 0
  }

  /// Every file of `site` with its bytes, marker included, by path.
  func contents(of site: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
        continue
      }
      result[String(url.path.dropFirst(site.path.count + 1))] = try Data(contentsOf: url)
    }
    return result
  }

  /// `files` with the bytes of `path` replaced.
  func changing(_ path: String, to text: String) -> [SiteFile] {
    files.map { $0.path == path ? SiteFile(path: path, bytes: Array(text.utf8)) : $0 }
  }

  @Test("Unchanged files are linked from the earlier site, changed ones written; the site equals a fresh write")
  func linksUnchangedFiles() throws {
    let parent = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let site = parent.appendingPathComponent("_site")
    let fresh = parent.appendingPathComponent("fresh")
    try SiteWriter().write(files, to: site)
    let before = Dictionary(uniqueKeysWithValues: files.map { ($0.path, inode(site.appendingPathComponent($0.path))) })
    let next = changing(SitePaths.index, to: "<p>new index</p>\n")
    try SiteWriter().write(next, to: site)
    try SiteWriter().write(next, to: fresh)
    #expect(try contents(of: site) == contents(of: fresh))
    for file in next {
      let now = inode(site.appendingPathComponent(file.path))
      if file.path == SitePaths.index {
        #expect(now != before[file.path])
      } else {
        #expect(now == before[file.path], "\(file.path) was written again instead of linked")
      }
    }
    // The old site's names are gone, so each reused file has one name again.
    var status = stat()
    #expect(lstat(site.appendingPathComponent(SitePaths.stylesheet).path, &status) == 0 && status.st_nlink == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == ["_site", "fresh"])
  }

  @Test("A tampered old file, of the same size or not, is written anew with the rendered bytes")
  func tamperedFileIsNotReused() throws {
    let parent = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let site = parent.appendingPathComponent("_site")
    try SiteWriter().write(files, to: site)
    let page = try #require(files.first { $0.path.hasPrefix("documents/") })
    let pageURL = site.appendingPathComponent(page.path)
    var forged = page.bytes
    forged[forged.count / 2] ^= 0x20  // same size, one byte changed
    try Data(forged).write(to: pageURL)
    let index = site.appendingPathComponent(SitePaths.index)
    try Data("<script>alert(1)</script>".utf8).write(to: index)
    try SiteWriter().write(files, to: site)
    #expect(try Data(contentsOf: pageURL) == Data(page.bytes))
    #expect(try Data(contentsOf: index) == Data(try #require(files.first { $0.path == SitePaths.index }).bytes))
  }

  @Test("An old file others may write, with a second name, or a symbolic link is not linked, even when its bytes match")
  func unsafeOldFilesAreNotLinked() throws {
    let parent = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let site = parent.appendingPathComponent("_site")
    try SiteWriter().write(files, to: site)
    let writable = site.appendingPathComponent(SitePaths.stylesheet)
    #expect(chmod(writable.path, 0o666) == 0)
    let shared = site.appendingPathComponent(SitePaths.script)
    let elsewhere = parent.appendingPathComponent("elsewhere.js")
    #expect(link(shared.path, elsewhere.path) == 0)
    let linked = site.appendingPathComponent(SitePaths.index)
    let target = parent.appendingPathComponent("index-copy.html")
    try FileManager.default.moveItem(at: linked, to: target)
    try FileManager.default.createSymbolicLink(at: linked, withDestinationURL: target)
    let old = [writable, shared, linked].map(inode)
    try SiteWriter().write(files, to: site)
    for (url, before) in zip([writable, shared, linked], old) {
      #expect(inode(url) != before, "\(url.lastPathComponent) was reused")
      var status = stat()
      #expect(lstat(url.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG && status.st_mode & 0o777 == 0o644)
    }
    for file in files where [SitePaths.stylesheet, SitePaths.script, SitePaths.index].contains(file.path) {
      #expect(try Data(contentsOf: site.appendingPathComponent(file.path)) == Data(file.bytes))
    }
  }

  /// Sets the modification time of the file at `url` ten seconds back, so its identity is settled
  /// (`FileIdentity.isSettled`) as a page written by an earlier publish is.
  func age(_ url: URL) {
    var times = [timespec(tv_sec: 0, tv_nsec: (1 << 30) - 2), timespec()]
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    times[1] = timespec(tv_sec: now.tv_sec - 10, tv_nsec: now.tv_nsec)
    #expect(utimensat(AT_FDCWD, url.path, times, 0) == 0)
  }

  @Test("A file known by its identity is linked without being read; written after being known, the write stops")
  func unchangedFilesByIdentity() throws {
    let parent = try Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let site = parent.appendingPathComponent("_site")
    let written = try SiteWriter().write(files, to: site)
    let page = try #require(files.first { $0.path.hasPrefix("documents/") })
    let pageURL = site.appendingPathComponent(page.path)
    // Just written, a page is not settled: an edit in the same clock tick could keep its times.
    #expect(SiteWriter.identities(of: written, in: site)[page.path] == nil)
    age(pageURL)
    let identities = SiteWriter.identities(of: written, in: site)
    let identity = try #require(identities[page.path])
    #expect(identity.inode == inode(pageURL))
    // A file at the path that `write` did not put there is never recorded.
    #expect(
      SiteWriter.identities(of: written.mapValues { FileInode(device: $0.device, inode: $0.inode + 1) }, in: site)
        .isEmpty)

    let known = files.map { $0.path == page.path ? SiteFile(path: page.path, unchanged: identity) : $0 }
    try SiteWriter().write(known, to: site)
    #expect(inode(pageURL) == identity.inode)
    #expect(try Data(contentsOf: pageURL) == Data(page.bytes))

    // The link changed the file's change time: the identity taken before no longer matches, and nothing is written.
    let before = try contents(of: site)
    #expect(throws: SiteWriteError.previousFileChanged(path: page.path)) {
      try SiteWriter().write(known, to: site)
    }
    #expect(try contents(of: site) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["_site"])
    // Edited in place, with the size kept: another identity too.
    guard let current = FileIdentity.ofUnshared(pageURL.path) else {
      Issue.record("the page is not a plain file")
      return
    }
    var edited = page.bytes
    edited[edited.count / 2] ^= 0x20
    try Data(edited).write(to: pageURL)
    #expect(FileIdentity.ofUnshared(pageURL.path) != current)
    #expect(throws: SiteWriteError.previousFileChanged(path: page.path)) {
      try SiteWriter().write(
        files.map { $0.path == page.path ? SiteFile(path: page.path, unchanged: current) : $0 }, to: site)
    }
    // Into an empty folder there is nothing to link.
    #expect(throws: SiteWriteError.previousFileChanged(path: page.path)) {
      try SiteWriter().write(known, to: parent.appendingPathComponent("new"))
    }
  }
}
