import Foundation
import MarkdownSyntax
import Testing

@testable import ProcedureLint

/// The tokenizer, syllable counter and passive-voice word tests take byte-level fast paths; these tests
/// compare them with the plain algorithms they replaced, on many generated texts.
@Suite("Fast paths match the plain algorithms")
struct FastPathTests {
  /// Pieces that exercise every branch: letters of both cases, `y`, silent endings, digits,
  /// punctuation, addresses, abbreviations, closing quotes, non-ASCII letters and symbols.
  static let pieces = [
    "make", "Table", "little", "checked", "STARTED", "boxes", "washes", "yes", "Yay", "only", "system", "calibration",
    "well-known", "don't", "2015", "3.5", "café", "naïve", "Ærø", "e.g.", "i.e", "etc.", "No.", "(see", "No.)", "Dr.",
    "approx.", "fig.", "stop.\"", "go!", "why?", "so…", "”", "“quoted”", "end.”", "«fin.»", "—", "x–y", "§4", "°C",
    "http://example.com/a", "www.example.com", "WWW.X.ORG", "a@b.example", "@home", "mail@", "wwwx", "www\u{0E}x",
    "::", "a:b", "a://", "_under_", "*bold*.", "~x~", "[ref]", "{x}.", "e.g", "...", "!", "?", "Q.", "lle", "ble.",
    "ed", "sed", "tied", "needed", "mixes", "catches", "judges", "\u{00A0}", "a\u{00A0}b", "tab\there", "x\u{7F}y",
    "日本語", "😀ok", "ok😀", "the", "be", "is", "Was", "BEEN", "being", "are", "quickly", "not", "done", "read",
    "hundred", "Proceed", "understood", "undertaken", "ﬁle", "ÉTÉ.", "Ｎo.", "ly", "fly", "tied.", "",
  ]

  @Test("Words, syllables and sentences match the plain tokenizer")
  func tokenizer() {
    var generator = SeededGenerator(seed: 42)
    for round in 0..<3_000 {
      let count = Int.random(in: 1...14, using: &generator)
      let separators = [" ", " ", " ", "\t", "\n", "\u{00A0}", "  "]
      var text = ""
      for index in 0..<count {
        if index > 0 { text += separators.randomElement(using: &generator)! }
        text += Self.pieces.randomElement(using: &generator)!
        if Int.random(in: 0..<5, using: &generator) == 0 { text += Self.pieces.randomElement(using: &generator)! }
      }
      for isProse in [true, false] {
        let fast = tokenized(text, isProse: isProse)
        let plain = PlainTokenizer.tokenize(Array(text.utf8), isProse: isProse)
        #expect(fast.words == plain.words, "round \(round): \(text.debugDescription)")
        #expect(fast.sentences == plain.sentences, "round \(round): \(text.debugDescription)")
      }
    }
  }

  @Test("The syllable counter matches the plain heuristic")
  func syllables() {
    var generator = SeededGenerator(seed: 7)
    let letters = Array("aeiouyAEIOUYbcdghlstxzBCDHLST-'0é’".unicodeScalars).map(String.init)
    for piece in Self.pieces
      + (0..<20_000).map({ _ in
        (0..<Int.random(in: 1...9, using: &generator)).map { _ in letters.randomElement(using: &generator)! }.joined()
      })
    {
      #expect(TextMetrics.syllables(piece) == PlainTokenizer.syllables(Array(piece.utf8)), "\(piece)")
    }
  }

  @Test("Passive-voice word tests match their String versions")
  func passiveWords() {
    let words =
      Self.pieces + [
        "Carefully", "ONLY", "Also", "firstly", "Bly", "oily", "Ready", "fed", "Shed", "Exceeded", "succeeded",
        "Withdrawn", "FORGOTTEN", "overseen", "Tired", "naked", "seed", "sEEd", "Beed", "café", "résumé", "usèd",
        "ly", "LY", "edly", "bed", "Bed", "undertaken", "Understood", "withheld", "hundreds", "Hundred", "rEd",
      ]
    let prose = prose(words.joined(separator: " ") + "\n")
    #expect(prose.words.count > 100)
    for index in prose.words.indices {
      let text = prose.lowercased(word: index)
      #expect(PassiveVoiceRule.isParticiple(index, prose: prose) == PassiveVoiceRule.isParticiple(text), "\(text)")
      #expect(PassiveVoiceRule.isAdverb(index, prose: prose) == PassiveVoiceRule.isAdverb(text), "\(text)")
    }
  }

  @Test("Forms of \"be\" are recognised in any case, and nothing else is")
  func formsOfBe() {
    let forms = ["am", "is", "are", "was", "were", "be", "been", "being"]
    let others = ["a", "an", "as", "at", "bee", "beings", "wear", "i", "it", "arm", "wasp", "bean", "being.", "bé"]
    for word in forms + forms.map({ $0.uppercased() }) + forms.map({ $0.capitalized }) {
      #expect(Array(word.utf8).withUnsafeBufferPointer(Prose.isFormOfBe), "\(word)")
    }
    for word in others { #expect(!Array(word.utf8).withUnsafeBufferPointer(Prose.isFormOfBe), "\(word)") }
  }

  @Test("The prose syllable total is the total over sentences")
  func proseSyllables() {
    let prose = prose(
      "# Get ready\n\n1. Open the valve, e.g. slowly.\n2. Close it!\n\n| a b | c |\n| - | - |\n| dd | e |\n")
    let overSentences = prose.sentences.reduce(0) { total, sentence in
      total + sentence.words.reduce(0) { $0 + prose.words[$1].syllables }
    }
    #expect(prose.proseSyllableCount == overSentences)
    #expect(prose.proseWordCount == prose.sentences.reduce(0) { $0 + $1.words.count })
  }

  /// Tokenizes one unit of `text` with the real tokenizer.
  private func tokenized(_ text: String, isProse: Bool) -> (words: [[Int]], sentences: [Range<Int>]) {
    var prose = Prose()
    prose.bytes = Array(text.utf8)
    prose.units = [
      Prose.Unit(
        node: 1, kind: isProse ? .paragraph : .tableCell(isHeader: false), start: SourcePosition(line: 1, column: 1),
        bytes: 0..<prose.bytes.count, segments: 0..<0, words: 0..<0, sentences: 0..<0, step: nil, section: -1)
    ]
    prose.tokenizeLastUnit()
    return (prose.words.map { [$0.start, $0.end, $0.syllables] }, prose.sentences.map(\.words))
  }
}

/// A deterministic random number generator (SplitMix64), so failures can be replayed.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}

/// The tokenizer as first written: one general check per token, one function per question.
enum PlainTokenizer {
  static func tokenize(_ bytes: [UInt8], isProse: Bool) -> (words: [[Int]], sentences: [Range<Int>]) {
    var words: [[Int]] = []
    var sentences: [Range<Int>] = []
    var sentenceStart = 0
    // "etc." followed by a word that starts with a capital ends its sentence.
    var afterEtcetera = -1
    var index = 0
    let end = bytes.count
    while index < end {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        index += 1
        continue
      }
      if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0xA0 {
        index += 2
        continue
      }
      let tokenStart = index
      while index < end {
        let current = bytes[index]
        if current == 0x20 || current == 0x09 || current == 0x0A || current == 0x0D { break }
        if current == 0xC2, index + 1 < end, bytes[index + 1] == 0xA0 { break }
        index += 1
      }
      let token = Array(bytes[tokenStart..<index])
      if let core = wordCore(token), !isAddress(token) {
        let start = tokenStart + core.lowerBound
        let stop = tokenStart + core.upperBound
        if isProse, afterEtcetera == words.count, (0x41...0x5A).contains(bytes[start]), words.count > sentenceStart {
          sentences.append(sentenceStart..<words.count)
          sentenceStart = words.count
        }
        words.append([start, stop, syllables(Array(bytes[start..<stop]))])
      }
      if isProse, endsSentence(token), words.count > sentenceStart {
        sentences.append(sentenceStart..<words.count)
        sentenceStart = words.count
      } else if isProse, abbreviation(token) == "etc." {
        afterEtcetera = words.count
      }
    }
    if isProse, words.count > sentenceStart { sentences.append(sentenceStart..<words.count) }
    return (words, sentences)
  }

  static func wordCore(_ token: [UInt8]) -> Range<Int>? {
    var first: Int?
    var last = 0
    var index = 0
    while index < token.count {
      let byte = token[index]
      var length = 1
      var isLetter = false
      if byte < 0x80 {
        isLetter = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
      } else if byte >= 0xC0 {
        length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        let next = index + 1 < token.count ? token[index + 1] : 0
        isLetter = !((byte == 0xC2) || (byte == 0xE2 && (next == 0x80 || next == 0x81)))
      }
      if isLetter {
        if first == nil { first = index }
        last = min(index + length, token.count)
      }
      index += length
    }
    guard let first else { return nil }
    return first..<last
  }

  static func isAddress(_ token: [UInt8]) -> Bool {
    guard token.count > 4 else { return false }
    for index in token.indices {
      if token[index] == UInt8(ascii: ":"), index + 2 < token.count, token[index + 1] == UInt8(ascii: "/"),
        token[index + 2] == UInt8(ascii: "/")
      {
        return true
      }
      if token[index] == UInt8(ascii: "@"), index > 0, index + 1 < token.count { return true }
    }
    let www = Array("www.".utf8)
    for offset in 0..<4 where token[offset] | 0x20 != www[offset] { return false }
    return true
  }

  /// Where the token ends once closing brackets, quotes and emphasis are taken off.
  static func closedEnd(_ token: [UInt8]) -> Int {
    var end = token.count
    while end > 0 {
      let byte = token[end - 1]
      if Array(")]}\"'*_~".utf8).contains(byte) {
        end -= 1
      } else if byte == 0x9D || byte == 0x99, end >= 3, token[end - 3] == 0xE2, token[end - 2] == 0x80 {
        end -= 3
      } else if byte == 0xBB, end >= 2, token[end - 2] == 0xC2 {
        end -= 2
      } else {
        break
      }
    }
    return end
  }

  /// The token lowercased without the brackets, quotes and emphasis around it, when it ends in a full stop and
  /// is short enough to be an abbreviation.
  static func abbreviation(_ token: [UInt8]) -> String? {
    let end = closedEnd(token)
    guard end > 0, end <= 8, token[end - 1] == UInt8(ascii: ".") else { return nil }
    var start = 0
    while start < end, Array("([\"'*_".utf8).contains(token[start]) { start += 1 }
    return String(decoding: token[start..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  static func endsSentence(_ token: [UInt8]) -> Bool {
    let end = closedEnd(token)
    guard end > 0 else { return false }
    let last = token[end - 1]
    if last == UInt8(ascii: "!") || last == UInt8(ascii: "?") { return true }
    if last == 0xA6, end >= 3, token[end - 3] == 0xE2, token[end - 2] == 0x80 { return true }
    guard last == UInt8(ascii: ".") else { return false }
    guard let core = abbreviation(token) else { return true }
    return !Prose.abbreviations.contains(core)
  }

  static func syllables(_ word: [UInt8]) -> Int {
    func isVowel(_ lower: UInt8) -> Bool { Array("aeiou".utf8).contains(lower) }
    func isConsonant(_ lower: UInt8) -> Bool { lower >= 0x61 && lower <= 0x7A && !isVowel(lower) && lower != 0x79 }
    var total = 0
    var run: [UInt8] = []
    var groups = 0
    var previousWasVowel = false
    func finishRun() {
      guard !run.isEmpty else { return }
      var count = groups
      let letter = { (offset: Int) -> UInt8 in run.count >= offset ? run[run.count - offset] : 0 }
      let (last, second, third, fourth) = (letter(1), letter(2), letter(3), letter(4))
      if count > 1, run.count > 2 {
        if last == 0x65, isConsonant(second), !(second == 0x6C && isConsonant(third)) {
          count -= 1
        } else if run.count > 3, last == 0x64, second == 0x65, isConsonant(third), third != 0x74, third != 0x64 {
          count -= 1
        } else if run.count > 3, last == 0x73, second == 0x65, isConsonant(third),
          !Array("sxzcg".utf8).contains(third), !(third == 0x68 && (fourth == 0x63 || fourth == 0x73))
        {
          count -= 1
        }
      }
      total += max(count, 1)
      run = []
      groups = 0
      previousWasVowel = false
    }
    for byte in word {
      let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
      if lower >= 0x61 && lower <= 0x7A {
        let vowel = isVowel(lower) || (lower == 0x79 && !run.isEmpty)
        if vowel && !previousWasVowel { groups += 1 }
        previousWasVowel = vowel
        run.append(lower)
      } else if byte >= 0xC0 {
        if !previousWasVowel { groups += 1 }
        previousWasVowel = true
        run.append(0x80)
      } else if byte < 0x80 {
        finishRun()
      }
    }
    finishRun()
    return total == 0 && !word.isEmpty ? 1 : total
  }
}
