import DocumentModel
import Foundation
import GitStore
import TestSupport
import Testing

@testable import DocumentControl

/// Status takes the parse of the documents at the tip from the walk of history (`ledger(at:keepingParsed:)`)
/// and reads the rest on all cores; the inventory is the one reading every file in turn gives.
@Suite("The inventory reuses the walk's parse")
struct InventoryReuseTests {
  @Test("Documents parsed by the walk, moved since, shared by two paths or unreadable: the same inventory")
  func sameInventory() throws {
    let fixture = try ApprovalFixture()
    let scratch = fixture.scratch
    // Enough documents for the walk and the inventory to read on more than one core (64 or more per worker).
    for number in 2...200 {
      let text = ApprovalFixture.procedure(step: "Step \(number).").replacingOccurrences(
        of: "id: QP-001", with: "id: QP-\(String(format: "%03d", number))")
      try scratch.write("procedures/QP-\(number).md", text)
    }
    try scratch.write("procedures/broken.md", "---\nid: [\n---\n\n# Broken\n")
    scratch.identity = ("Dana Author", "dana@acme.example")
    try scratch.commitAll("Add procedures")
    // Parsed by the walk at its old path only, and one blob at two paths (a duplicate id).
    let old = scratch.url.appendingPathComponent("procedures/QP-2.md")
    try scratch.write("procedures/moved/QP-2.md", try String(contentsOf: old, encoding: .utf8))
    try FileManager.default.removeItem(at: old)
    try scratch.write(
      "procedures/copy-of-3.md",
      try String(contentsOf: scratch.url.appendingPathComponent("procedures/QP-3.md"), encoding: .utf8))
    try scratch.commitAll("Move and copy")

    let repository = try DocumentRepository(discoveringFrom: scratch.url.path)
    let head = try repository.commit(nil)
    let policy = try repository.policy(at: head).policy
    let files = try repository.git.files(inCommit: head)
    let blobs = Set(files.map(\.blob))
    let (_, parsed) = try repository.ledger(at: head, keepingParsed: blobs)
    // The walk kept what it parsed, some of it at a path the tip no longer has.
    #expect(parsed.count > 100)
    #expect(parsed.values.contains { $0.path == "procedures/QP-2.md" })

    let reused = try repository.inventory(of: files, policy: policy, parsed: parsed)
    let read = try repository.inventory(of: files, policy: policy)
    #expect(LedgerCacheTests.dump(reused) == LedgerCacheTests.dump(read))
    #expect(reused.documents[try #require(DocumentID("QP-002"))]?.path == "procedures/moved/QP-2.md")
    #expect(reused.ambiguous[try #require(DocumentID("QP-003"))]?.count == 2)
    #expect(reused.problems.contains { $0.path == "procedures/broken.md" })
    // Each document was parsed at the path it has at the tip (a message names that path and its line).
    for stored in reused.documents.values {
      #expect(stored.document.path == stored.path)
      #expect(files.contains { $0.path == stored.path && $0.blob == stored.blob })
    }
    // And as status reads them, with or without the ledger cache.
    try FileManager.default.removeItem(at: scratch.url.appendingPathComponent(".git/sop/ledger-cache"))
    let (cold, _) = try repository.inventoryAndLedger(at: head, policy: policy)
    let (warm, _) = try repository.inventoryAndLedger(at: head, policy: policy)
    #expect(LedgerCacheTests.dump(cold) == LedgerCacheTests.dump(read))
    #expect(LedgerCacheTests.dump(warm) == LedgerCacheTests.dump(read))
  }
}
