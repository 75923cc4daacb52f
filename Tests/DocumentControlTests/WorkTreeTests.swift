import Foundation
import TestSupport
import Testing

@testable import DocumentControl

@Suite("Work tree listing and reading")
struct WorkTreeTests {
  @Test("Lists what lint may read: hidden and ignored folders and ignored documents left out, links not followed")
  func listing() throws {
    let scratch = try ScratchRepository()
    try scratch.write(".gitignore", "build/\n*.draft.md\nnotes.txt\n")
    try scratch.write("docs/QP-001.md", "a")
    try scratch.write("docs/deep/er/WI-002.md", "b")
    try scratch.write("docs/kept.draft.md", "tracked before the ignore rule")
    try scratch.write("docs/new.draft.md", "ignored and untracked")
    try scratch.write("notes.txt", "ignored, but not a document")
    try scratch.write("build/out.md", "in an ignored folder")
    try scratch.write(".hidden/secret.md", "in a hidden folder")
    try scratch.write("docs/.swap.md", "a hidden file")
    try scratch.git("add", "-f", "docs/kept.draft.md")
    let outside = scratch.home.appendingPathComponent("outside")
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    try Data("elsewhere".utf8).write(to: outside.appendingPathComponent("far.md"))
    try FileManager.default.createSymbolicLink(
      atPath: scratch.url.appendingPathComponent("docs/linked").path, withDestinationPath: outside.path)
    let repository = try DocumentRepository(discoveringFrom: scratch.url.path)
    #expect(
      repository.workTreeFiles() == [
        "docs/QP-001.md", "docs/deep/er/WI-002.md", "docs/kept.draft.md", "docs/linked", "notes.txt",
      ])
  }

  @Test("Reads files whole, links as their target text, and missing files as nothing")
  func reading() throws {
    let scratch = try ScratchRepository()
    let big = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    try scratch.write("big.bin", big)
    try scratch.write("empty.md", "")
    try scratch.write("target.md", "the target")
    try FileManager.default.createSymbolicLink(
      atPath: scratch.url.appendingPathComponent("link.md").path, withDestinationPath: "target.md")
    let root = scratch.url.path
    #expect(WorkTree.read(root + "/big.bin") == big)
    #expect(WorkTree.read(root + "/empty.md").isEmpty)
    #expect(WorkTree.read(root + "/link.md") == Data("target.md".utf8))
    #expect(WorkTree.read(root + "/missing.md").isEmpty)
    #expect(WorkTree.read(root).isEmpty)
  }
}
