import GitStore
import TestSupport
import Testing

@testable import DocumentControl

/// The redline bases (`DocumentRepository.previouslyPublished`) are found in one pass over the earlier snapshots
/// that marks the ids it has seen in each snapshot instead of building a set of every id; this compares it with
/// the earlier implementation on random snapshots that list ids twice, withdraw and bring back documents.
@Suite("Redline bases")
struct PreviouslyPublishedTests {
  /// The implementation before the marks (main at 98e564e), kept as the reference.
  static func reference(_ entries: [SnapshotEntry], earlierTags: [SnapshotTag]) -> [String: [String: SnapshotEntry]] {
    var pending: [String: Set<String>] = [:]
    for entry in entries where !entry.isWithdrawn { pending[entry.id, default: []].insert(entry.blob) }
    var found: [String: [String: SnapshotEntry]] = [:]
    for earlier in earlierTags.reversed() where !pending.isEmpty {
      var seen = Set<String>()
      for entry in earlier.entries where !entry.isWithdrawn {
        guard seen.insert(entry.id).inserted, let blobs = pending[entry.id] else { continue }
        for blob in blobs where blob != entry.blob { found[entry.id, default: [:]][blob] = entry }
        if !blobs.contains(entry.blob) {
          pending[entry.id] = nil
        } else if blobs.count > 1 {
          pending[entry.id] = [entry.blob]
        }
      }
    }
    return found
  }

  static func tag(_ number: Int, _ entries: [SnapshotEntry]) -> SnapshotTag {
    let id = ObjectID(hex: String(repeating: "a", count: 40))!
    return SnapshotTag(
      name: "published/\(number)", number: number, object: id, commit: id,
      tagger: GitSignature(name: "", email: "", time: 0), entries: entries, payload: [], signature: nil,
      innerName: "published/\(number)", previous: nil)
  }

  @Test("The same bases as the earlier implementation, duplicates, withdrawals and unsorted lists included")
  func matchesReference() {
    var random = SplitMixGenerator(seed: 15)
    let blobs = (0..<6).map { String(repeating: String($0), count: 40) }
    for _ in 0..<400 {
      let ids = (1...Int.random(in: 1...6, using: &random)).map { "QP-00\($0)" }
      func entries() -> [SnapshotEntry] {
        var list: [SnapshotEntry] = []
        for id in ids where Int.random(in: 0..<5, using: &random) > 0 {
          for _ in 0..<(Int.random(in: 0..<6, using: &random) == 0 ? 2 : 1) {
            list.append(
              SnapshotEntry(
                id: id, revision: Int.random(in: 1...4, using: &random), blob: blobs.randomElement(using: &random)!,
                isWithdrawn: Int.random(in: 0..<6, using: &random) == 0))
          }
        }
        return Int.random(in: 0..<3, using: &random) == 0 ? list.shuffled(using: &random) : list
      }
      let earlier = (1...Int.random(in: 1...5, using: &random)).map { Self.tag($0, entries()) }
      let current = entries()
      #expect(
        DocumentRepository.previouslyPublished(current, earlierTags: earlier)
          == Self.reference(current, earlierTags: earlier))
    }
  }
}
