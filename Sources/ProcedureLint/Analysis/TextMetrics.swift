import DocumentModel

/// Small text measures shared by the rules: syllables, number formatting, edit distance.
enum TextMetrics {
  /// Words per page, for the page count in `doc-length` messages.
  static let wordsPerPage = 500.0
  /// Adult silent reading speed for non-fiction (Brysbaert, 2019).
  static let wordsPerMinute = 238.0

  /// Estimated syllables of one word given as UTF-8 bytes.
  ///
  /// The heuristic, per run of letters (a hyphen or apostrophe starts a new run):
  /// 1. count groups of vowels (`a e i o u y`; `y` is a consonant as the first letter; a non-ASCII
  ///    letter counts as a vowel);
  /// 2. a final `e` after a consonant is silent (`make`), except in a consonant + `le` ending (`table`);
  /// 3. a final `ed` is silent unless it follows `t` or `d` (`checked` 1, `started` 2);
  /// 4. a final `es` is silent unless it follows `s x z c g ch sh` (`makes` 1, `boxes` 2);
  /// 5. every run has at least one syllable; a word with no letters (a number) has one.
  static func syllables(_ word: UnsafeBufferPointer<UInt8>) -> Int {
    var counter = SyllableCounter()
    for byte in word { counter.add(byte) }
    return counter.total
  }

  /// Counts syllables byte by byte, so the tokenizer can count while it looks for a word's end.
  struct SyllableCounter {
    private var finished = 0
    private var letters = 0
    private var groups = 0
    /// 1 when the last letter was a vowel, else 0.
    private var previousVowel = 0
    /// The last four ASCII letters of the current run, lowercased, newest in the low byte.
    private var tail: UInt32 = 0
    private var isEmpty = true

    /// Takes the next byte of the word.
    @inline(__always) mutating func add(_ byte: UInt8) {
      isEmpty = false
      let lower = byte | 0x20
      // Arithmetic rather than branches: whether a letter is a vowel is data the CPU cannot predict.
      let letter = lower &- 0x61  // 0–25 exactly for an ASCII letter of either case
      if letter < 26 {
        let isVowel = Int((TextMetrics.vowelMask >> letter) & 1)
        let isVowelY = lower == TextMetrics.y && letters > 0 ? 1 : 0
        let vowel = isVowel | isVowelY
        groups &+= vowel & (previousVowel ^ 1)
        previousVowel = vowel
        letters &+= 1
        tail = (tail << 8) | UInt32(lower)
      } else if byte >= 0xC0 {
        // The lead byte of a non-ASCII letter: count it as a vowel.
        groups &+= previousVowel ^ 1
        previousVowel = 1
        letters &+= 1
        tail = (tail << 8) | 0x80
      } else if byte < 0x80, letters > 0 {
        // Any other ASCII byte (a digit, hyphen or apostrophe) ends the run; continuation bytes do not.
        finished &+= TextMetrics.syllables(inRunOf: letters, groups: groups, tail: tail)
        letters = 0
        groups = 0
        previousVowel = 0
        tail = 0
      }
    }

    /// The syllables of the bytes added so far; a word with none (a number) has one.
    var total: Int {
      let count = finished + (letters > 0 ? TextMetrics.syllables(inRunOf: letters, groups: groups, tail: tail) : 0)
      return count == 0 && !isEmpty ? 1 : count
    }
  }

  /// The syllables of one run of letters (`tail`: its last four, lowercased): its vowel groups less a silent `e`, `ed` or `es`, at least one.
  @inline(__always) static func syllables(inRunOf letters: Int, groups: Int, tail: UInt32) -> Int {
    var count = groups
    if count > 1, letters > 2 {
      let last = UInt8(tail & 0xFF)
      let second = UInt8((tail >> 8) & 0xFF)
      let third = UInt8((tail >> 16) & 0xFF)
      let fourth = UInt8((tail >> 24) & 0xFF)
      if last == e, isConsonant(second), !(second == l && isConsonant(third)) {
        count -= 1
      } else if letters > 3, last == d, second == e, isConsonant(third), third != t, third != d {
        count -= 1
      } else if letters > 3, last == s, second == e, isConsonant(third),
        !(third == s || third == x || third == z || third == c || third == g),
        !(third == h && (fourth == c || fourth == s))
      {
        count -= 1
      }
    }
    return max(count, 1)
  }

  /// Bit `n` is set when the `n`th letter of the alphabet is `a`, `e`, `i`, `o` or `u`.
  fileprivate static let vowelMask: UInt32 = 1 << 0 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20

  /// Syllables of a `String`, for tests and examples.
  static func syllables(_ word: String) -> Int {
    var bytes = Array(word.utf8)
    return bytes.withUnsafeMutableBufferPointer { syllables(UnsafeBufferPointer($0)) }
  }

  private static let e = UInt8(ascii: "e")
  private static let l = UInt8(ascii: "l")
  private static let d = UInt8(ascii: "d")
  private static let t = UInt8(ascii: "t")
  private static let s = UInt8(ascii: "s")
  private static let x = UInt8(ascii: "x")
  private static let z = UInt8(ascii: "z")
  private static let c = UInt8(ascii: "c")
  private static let g = UInt8(ascii: "g")
  private static let h = UInt8(ascii: "h")
  private static let y = UInt8(ascii: "y")

  @inline(__always) private static func isVowel(_ lower: UInt8) -> Bool {
    lower == 0x61 || lower == 0x65 || lower == 0x69 || lower == 0x6F || lower == 0x75
  }

  @inline(__always) private static func isConsonant(_ lower: UInt8) -> Bool {
    lower >= 0x61 && lower <= 0x7A && !isVowel(lower) && lower != y
  }

  /// Flesch–Kincaid grade level: 0.39 × words/sentence + 11.8 × syllables/word − 15.59.
  static func fleschKincaidGrade(words: Int, sentences: Int, syllables: Int) -> Double {
    guard words > 0, sentences > 0 else { return 0 }
    return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
  }

  /// `value` rounded to one decimal place.
  static func oneDecimal(_ value: Double) -> Double { (value * 10).rounded() / 10 }

  /// Text for a message: at most 60 characters, cut with "…".
  static func shortened(_ text: String) -> String {
    text.count > 60 ? String(text.prefix(57)) + "…" : text
  }

  /// A count with thousands separators: `12,345`.
  static func grouped(_ value: Int) -> String {
    let digits = String(abs(value))
    var result = ""
    for (offset, character) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return value < 0 ? "-" + result : result
  }

  /// A number with at most one decimal and no trailing `.0`: `11.2`, `8`.
  static func decimal(_ value: Double) -> String {
    let rounded = oneDecimal(value)
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return grouped(Int(rounded)) }
    let tenths = Int((abs(rounded) * 10).rounded())
    return (rounded < 0 ? "-" : "") + grouped(tenths / 10) + "." + String(tenths % 10)
  }

  /// A ratio with up to two decimals, the way `decimal` writes numbers (no trailing zeros): `1.72`, `2`.
  static func hundredths(_ value: Double) -> String {
    let hundredths = Int((abs(value) * 100).rounded())
    guard hundredths % 10 != 0 else { return decimal(Double(hundredths) / 100 * (value < 0 ? -1 : 1)) }
    let whole = grouped(hundredths / 100)
    let fraction = hundredths % 100
    return (value < 0 ? "-" : "") + whole + "." + (fraction < 10 ? "0" : "") + String(fraction)
  }

  /// A plural phrase: `1 word`, `3 words`.
  static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(grouped(value)) " + (value == 1 ? singular : plural ?? singular + "s")
  }

  /// Levenshtein distance, for "did you mean" hints (the model's, so sop.yml and lint suggest alike).
  static func editDistance(_ left: String, _ right: String) -> Int {
    DocumentModel.editDistance(left, right)
  }
}
