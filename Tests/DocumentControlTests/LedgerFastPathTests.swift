import Foundation
import TestSupport
import Testing

@testable import DocumentControl
@testable import GitStore

/// The walk's byte-level fast paths must answer as the general code they stand in for: the trailer parser by
/// Characters, Foundation's case-insensitive comparison, and a case-insensitive substring search.
@Suite("Ledger fast paths")
struct LedgerFastPathTests {
  static let pieces = [
    "\n", "\n\n", " ", ": ", ":", "#", "Key", "Approves", "approves:", "REVOKES:", "Acknowledges", "trained",
    "Trained:", "note", "-", "9", "\t", "\r", "\r\n", "é", "É", "ß", "\u{0B}", "x", "X", "K\u{301}", "ǅ", "١",
  ]

  static func randomMessages(seed: UInt64, count: Int) -> [String] {
    var generator = SplitMixGenerator(seed: seed)
    return (0..<count).map { _ in
      let length = Int.random(in: 0...16, using: &generator)
      return (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }
  }

  @Test("Trailers parsed as bytes are the trailers parsed by Characters")
  func trailers() {
    let messages = [
      "", "Subject", "Approve QP-001\n\nApproves: QP-001 abc", "Approve\n\nApproves: QP-001 abc\n \n  \n",
      "a\n\nKey-9: value\nOther:  two spaces\nEmpty:", "a\n\nno colon here", "a\n\n: empty key", "a\n\nbad key: v",
      "a\n\nK_e_y: v", "a\nApproves: x", "a\n\nApproves: x\r\nRevokes: y", "a\n\nCafé: x", "a\n \nK: v",
    ]
    for message in messages + Self.randomMessages(seed: 15, count: 3_000) {
      #expect(Trailer.parse(message) == Trailer.parseByCharacters(message), "\(message.debugDescription)")
    }
  }

  @Test("Addresses compared as bytes compare as Foundation compares them")
  func addresses() {
    let addresses = [
      "", "a@example.com", "A@Example.COM", "a@example.co", "b@example.com", "[@x", "{@x", "@@x", "`@x", "é@x",
      "É@x", "e\u{301}@x", "straße@x", "STRASSE@x", "ǆ@x", "Ǆ@x", "ı@x", "I@x", "i@x", "İ@x", "a\u{0}b", "A\u{0}B",
    ]
    for a in addresses {
      for b in addresses {
        #expect(
          ApprovalRules.sameIgnoringCase(a, b) == (a.caseInsensitiveCompare(b) == .orderedSame),
          "\(a.debugDescription) \(b.debugDescription)")
      }
    }
  }

  @Test("The trailer-word search finds what a lowercased search finds")
  func trailerWords() {
    func reference(_ text: String) -> Bool {
      let lowered = String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
      return ["approves:", "revokes:", "acknowledges:", "trained:"].contains { lowered.contains($0) }
    }
    let texts = ["", ":", "approves", "approves:", "xAPPROVES:", "approve:", "aapproves:", "trained :", "ReVoKeS:x"]
    for text in texts + Self.randomMessages(seed: 16, count: 3_000) {
      #expect(mayCarryApprovals(text) == reference(text), "\(text.debugDescription)")
      #expect(mayCarryApprovals(Array(text.utf8)) == reference(text), "\(text.debugDescription)")
    }
  }
}
