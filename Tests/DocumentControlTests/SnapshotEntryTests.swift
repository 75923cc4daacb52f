import DocumentControl
import Testing

@Suite("Snapshot entry lines")
struct SnapshotEntryTests {
  static let blob = "0123456789abcdef0123456789abcdef01234567"

  @Test("An entry line reads back as the entry that wrote it")
  func roundTrip() throws {
    for entry in [
      SnapshotEntry(id: "QP-001", revision: 3, blob: Self.blob, isWithdrawn: false),
      SnapshotEntry(id: "F-9223372036854775807", revision: .max, blob: Self.blob, isWithdrawn: true),
    ] {
      #expect(SnapshotEntry(line: entry.line) == entry)
    }
  }

  @Test(
    "Lines that are not entries are nil, never a trap",
    arguments: [
      "", " ", "QP-001", "QP-001 r1", "QP-001 1 \(blob)", "QP-001 r \(blob)", "QP-001 r-1 \(blob)",
      "QP-001 r+1 \(blob)", "QP-001 r9223372036854775808 \(blob)", "QP-001 r1 \(blob.uppercased())",
      "QP-001 r1 \(blob.dropLast())", "QP-001 r1 \(blob) withdrawn extra", "QP-001 r1 \(blob) gone",
      "qp-001 r1 \(blob)", "sop snapshot published/1", "QP-001 r١ \(blob)",
    ])
  func notEntries(line: String) {
    #expect(SnapshotEntry(line: line) == nil)
  }
}
