import Foundation
import Testing

@testable import SitePublisher

@Suite("Redline")
struct RedlineTests {
  @Test("An inserted and a deleted word are marked with ins and del")
  func insertedAndDeletedWords() {
    let redline = Redline.compare(
      old: "Wear gloves and boots on site.\n", new: "Wear gloves and safety boots on site.\n")
    let html = RedlineHTML.render(redline).text
    #expect(html.contains("<ins>safety</ins>"))
    #expect(redline.insertedWords == 1 && redline.deletedWords == 0)

    let removed = RedlineHTML.render(Redline.compare(old: "Check the form twice.\n", new: "Check the form.\n")).text
    #expect(removed.contains("Check the form <del>twice</del>.</p>"))
  }

  @Test("The document page's redline shows the changed words of the sample procedure")
  func pageRedline() throws {
    let page = try #require(Fixture.text(SiteRenderer().render(Fixture.sample()), "documents/QP-002.html"))
    #expect(page.contains("<del>ten</del> <ins>five</ins>"))
    #expect(page.contains("<del>quality</del>"))
    #expect(page.contains("<span class=\"rl-marker\">3.</span>"))
  }

  @Test("Paragraphs added or removed whole are marked as whole blocks")
  func wholeParagraphs() {
    let redline = Redline.compare(old: "One.\n\nTwo.\n", new: "One.\n\nNew paragraph here.\n\nTwo.\n")
    let html = RedlineHTML.render(redline).text
    #expect(html.contains("<p class=\"rl rl-added\"><ins>New paragraph here.</ins></p>"))
    #expect(redline.insertedWords == 3)
  }

  @Test("A paragraph removed whole is struck through as one block")
  func removedParagraph() {
    let html = RedlineHTML.render(Redline.compare(old: "One.\n\nTwo.\n\nThree.\n", new: "One.\n\nThree.\n")).text
    #expect(html.contains("<p class=\"rl rl-removed\"><del>Two.</del></p>"))
  }

  @Test("Words split at any whitespace; opening and closing punctuation are tokens of their own")
  func tokens() {
    let tokens = Redline.tokens(of: "a\u{00A0}b (“x”). y…  é")
    #expect(tokens.map(\.text) == ["a", "b", "(", "“", "x", "”", ")", ".", "y", "…", "é"])
    #expect(tokens.filter(\.isWord).map(\.text) == ["a", "b", "x", "y", "é"])
  }

  @Test("Identical text has no changes")
  func unchanged() {
    #expect(!Redline.compare(old: "Same text.\n", new: "Same text.\n").hasChanges)
  }

  @Test("Two unrelated long texts fall back to a whole-passage comparison, quickly")
  func boundedCost() {
    let old = (0..<3_000).map { "old\($0)" }.joined(separator: " ")
    let new = (0..<3_000).map { "new\($0)" }.joined(separator: " ")
    let redline = Redline.compare(old: old, new: new)
    #expect(!redline.isWordLevel)
    #expect(redline.deletedWords == 3_000 && redline.insertedWords == 3_000)
  }

  @Test("The diff's runs rebuild the new sequence and are as short as the longest common subsequence allows")
  func diffIsMinimal() {
    var generator = SeededGenerator(seed: 42)
    for _ in 0..<300 {
      let old = (0..<Int.random(in: 0...12, using: &generator)).map { _ in Int.random(in: 0...3, using: &generator) }
      let new = (0..<Int.random(in: 0...12, using: &generator)).map { _ in Int.random(in: 0...3, using: &generator) }
      guard let runs = SequenceDiff.runs(old: old, new: new, maxEdits: 100) else {
        Issue.record("no diff for \(old) → \(new)")
        continue
      }
      var rebuilt: [Int] = []
      var oldIndex = 0
      var newIndex = 0
      var edits = 0
      for run in runs {
        switch run.operation {
        case .equal:
          #expect(Array(old[oldIndex..<(oldIndex + run.count)]) == Array(new[newIndex..<(newIndex + run.count)]))
          rebuilt += old[oldIndex..<(oldIndex + run.count)]
          oldIndex += run.count
          newIndex += run.count
        case .delete:
          oldIndex += run.count
          edits += run.count
        case .insert:
          rebuilt += new[newIndex..<(newIndex + run.count)]
          newIndex += run.count
          edits += run.count
        }
      }
      #expect(rebuilt == new && oldIndex == old.count)
      #expect(edits == old.count + new.count - 2 * Self.lcsLength(old, new), "\(old) → \(new)")
    }
    #expect(SequenceDiff.runs(old: [1, 2, 3], new: [4, 5, 6], maxEdits: 5) == nil)
  }

  static func lcsLength(_ a: [Int], _ b: [Int]) -> Int {
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0..<a.count {
      for j in 0..<b.count {
        table[i + 1][j + 1] = a[i] == b[j] ? table[i][j] + 1 : max(table[i][j + 1], table[i + 1][j])
      }
    }
    return table[a.count][b.count]
  }
}

/// A small deterministic generator so the property test is repeatable.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
