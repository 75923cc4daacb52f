import TestSupport
import Testing

@testable import DocumentControl

/// The note of a commit (`LedgerBuilder.reason(of:)`) read as bytes must be the one Foundation's Characters give.
@Suite("Ledger reason")
struct LedgerReasonTests {
  func expectSame(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(
      LedgerBuilder.reason(of: message) == LedgerBuilder.reasonByCharacters(of: message), "\(message.debugDescription)",
      sourceLocation: sourceLocation)
  }

  @Test("Messages with and without notes, trailers, comments and odd white space")
  func cases() {
    let messages = [
      "", "Subject", "Subject\n", "Subject\n\n", "Approve QP-001\n\nApproves: QP-001 abc",
      "Approve\n\nBecause the audit asked.\n\nApproves: QP-001 abc\n",
      "Approve\n\n  indented: trailer-like\n\nApproves: x y", "Approve\n\n# comment: here\n\nApproves: x y",
      "Approve\n\n\n\nnote\n\n\n", "a\n\n\nb", "a\n\n\n\n\nb\n\n", "a\n\nkey:value\n\nb: c\nd",
      "a\n\nx: y\n\n\tnote\t\u{0B}\u{0C}\n\n", "a\n\n \n\n", "a\n\nnote: with colon\nsecond line without\n",
      "a\n\nnote\r\n\r\nb", "a\n\ncafé: yes\n\nnote é", "a\n\nnote\u{85}", "Ünïcode\n\nnote\n\nK: v",
    ]
    for message in messages { expectSame(message) }
  }

  @Test("Random messages from pieces")
  func random() {
    let pieces = ["\n", "\n\n", " ", ": ", ":", "#", "Key", "note", "\t", "\r", "\r\n", "é", "\u{0B}", "x"]
    var generator = SplitMixGenerator(seed: 15)
    for _ in 0..<2_000 {
      let count = Int.random(in: 0...14, using: &generator)
      expectSame((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
    }
  }
}
