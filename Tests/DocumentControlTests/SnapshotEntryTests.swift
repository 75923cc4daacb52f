import Testing

@testable import DocumentControl

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

  @Test(
    "Splitting by bytes gives exactly the pieces splitting by Characters gives",
    arguments: [
      "", " ", "  ", "a", "QP-001 r1 \(blob)", " QP-001  r1 \(blob) ", "a\nb\n\nc\n", "a\r\nb c\r\n d",
      "a\rb \r c", "a \u{301}b c", "Ünïcode ids QP-001 r1", "tab\tseparated here", "\u{1F600} x\ny",
      "sop snapshot published/2\n\nQP-001 r1 \(blob)\nQP-002 r3 \(blob) withdrawn\n\nPrevious: \(blob)\n",
    ])
  func splitMatchesCharacters(text: String) {
    for separator in [" ", "\n"] as [Character] {
      #expect(
        SnapshotEntry.split(text, at: separator.asciiValue!).map(String.init)
          == text.split(separator: separator).map(String.init), "\(separator.debugDescription)")
    }
  }
}

@Suite("Snapshot entry order")
struct SnapshotEntryOrderTests {
  @Test("sortedByID orders exactly as the entries' own < does")
  func sortedByIDMatchesLessThan() {
    var generator = SystemRandomNumberGenerator()
    let ids = ["QP-9", "QP-10", "QP-010", "QP-1", "A-2", "AB-1", "Z9-3", "F-9223372036854775807", "POLICY", "bad id"]
    let blobs = ["0123456789abcdef0123456789abcdef01234567", "f123456789abcdef0123456789abcdef01234567"]
    for _ in 0..<50 {
      var entries: [SnapshotEntry] = []
      for id in ids {
        for blob in blobs where Bool.random(using: &generator) {
          entries.append(
            SnapshotEntry(id: id, revision: Int.random(in: 1...9, using: &generator), blob: blob, isWithdrawn: false))
        }
      }
      entries.shuffle(using: &generator)
      #expect(entries.sortedByID() == entries.sorted())
    }
  }
}
