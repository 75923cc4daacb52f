import MarkdownSyntax

/// The text of a document as readers see it, split into units, words and sentences once, for every rule.
///
/// A unit is a paragraph, a heading or a table cell; each ends a sentence, and so does each list item
/// (its text sits in paragraphs). Code, raw HTML, images, link URLs and autolinked URLs are left out.
struct Prose: Sendable {
  /// What kind of block a unit is.
  enum UnitKind: Sendable, Equatable {
    case paragraph
    case heading(level: Int)
    case tableCell(isHeader: Bool)
  }

  /// Where a run of bytes starts in the file: a text node's first byte.
  struct Segment: Sendable {
    /// Offset of the segment in `bytes`.
    var offset: Int
    /// File line of its first byte.
    var line: Int
    /// File column of its first byte.
    var column: Int
  }

  /// One paragraph, heading or table cell.
  struct Unit: Sendable {
    /// Its node in the Markdown document.
    var node: Int
    /// Paragraph, heading or table cell.
    var kind: UnitKind
    /// Where the node starts.
    var start: SourcePosition
    /// Its text in `bytes`.
    var bytes: Range<Int>
    /// Its segments in `segments`.
    var segments: Range<Int>
    /// Its words in `words`.
    var words: Range<Int>
    /// Its sentences in `sentences` (empty for table cells).
    var sentences: Range<Int>
    /// The ordered-list item node the unit belongs to (it is a step), or nil.
    var step: Int?
    /// Index into `LintDocument.headings` of the section the unit is in; -1 before the first heading.
    var section: Int
    /// False for table cells: tables are left out of prose metrics.
    var isProse: Bool { if case .tableCell = kind { return false } else { return true } }
    /// Whether the unit is (part of) a step.
    var isStep: Bool { step != nil }
  }

  /// One word: a run of non-space bytes with a letter or digit, trimmed of punctuation.
  struct Word: Sendable {
    /// First byte in `bytes`.
    var start: Int
    /// One past the last byte.
    var end: Int
    /// Estimated syllables.
    var syllables: Int
  }

  /// One sentence: a range of words of one unit.
  struct Sentence: Sendable {
    /// Its words in `words`.
    var words: Range<Int>
    /// Its unit in `units`.
    var unit: Int
  }

  /// All prose text of the document, units back to back.
  var bytes: [UInt8] = []
  /// Start positions of text runs.
  var segments: [Segment] = []
  /// Paragraphs, headings and table cells in document order.
  var units: [Unit] = []
  /// Every word of every unit.
  var words: [Word] = []
  /// Sentences of prose units (not table cells).
  var sentences: [Sentence] = []

  /// The file position of byte `offset` of `unit`.
  func position(ofByte offset: Int, in unit: Unit) -> SourcePosition {
    guard !unit.segments.isEmpty else { return unit.start }
    var low = unit.segments.lowerBound
    var high = unit.segments.upperBound - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if segments[middle].offset <= offset { low = middle } else { high = middle - 1 }
    }
    let segment = segments[low]
    return SourcePosition(line: segment.line, column: segment.column + max(0, offset - segment.offset))
  }

  /// The file position of a word.
  func position(ofWord index: Int, in unit: Unit) -> SourcePosition {
    position(ofByte: words[index].start, in: unit)
  }

  /// The text of a word.
  func text(ofWord index: Int) -> String {
    String(decoding: bytes[words[index].start..<words[index].end], as: UTF8.self)
  }

  /// The lowercased ASCII text of a word (other bytes kept), for comparisons.
  func lowercased(word index: Int) -> String {
    String(
      decoding: bytes[words[index].start..<words[index].end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 },
      as: UTF8.self)
  }

  /// A run of words joined by single spaces, at most about `limit` characters: for fingerprints and tests.
  ///
  /// Built from the words alone, so URLs and punctuation between them (which cmark-gfm may or may not
  /// have turned into links) never change it.
  func excerpt(words range: Range<Int>, limit: Int = 80) -> String {
    var text = ""
    for index in range {
      if !text.isEmpty { text += " " }
      text += self.text(ofWord: index)
      if text.utf8.count >= limit {
        text += "…"
        break
      }
    }
    return text
  }

  /// The number of prose words (not table cells).
  var proseWordCount: Int { units.reduce(0) { $0 + ($1.isProse ? $1.words.count : 0) } }
}

extension Prose {
  /// Splits the bytes of the unit just added into words and sentences.
  mutating func tokenizeLastUnit() {
    let unitIndex = units.count - 1
    let range = units[unitIndex].bytes
    let isProse = units[unitIndex].isProse
    let firstWord = words.count
    let firstSentence = sentences.count
    var sentenceStart = words.count
    bytes.withUnsafeBufferPointer { buffer in
      var index = range.lowerBound
      let end = range.upperBound
      while index < end {
        // Skip spaces (including the two-byte no-break space).
        let byte = buffer[index]
        if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
          index += 1
          continue
        }
        if byte == 0xC2, index + 1 < end, buffer[index + 1] == 0xA0 {
          index += 2
          continue
        }
        let tokenStart = index
        while index < end {
          let current = buffer[index]
          if current == 0x20 || current == 0x09 || current == 0x0A || current == 0x0D { break }
          if current == 0xC2, index + 1 < end, buffer[index + 1] == 0xA0 { break }
          index += 1
        }
        let token = UnsafeBufferPointer(rebasing: buffer[tokenStart..<index])
        if let core = Self.wordCore(token), !Self.isAddress(token) {
          let start = tokenStart + core.lowerBound
          let stop = tokenStart + core.upperBound
          words.append(
            Word(
              start: start, end: stop,
              syllables: TextMetrics.syllables(UnsafeBufferPointer(rebasing: buffer[start..<stop]))))
        }
        if isProse, Self.endsSentence(token), words.count > sentenceStart {
          sentences.append(Sentence(words: sentenceStart..<words.count, unit: unitIndex))
          sentenceStart = words.count
        }
      }
    }
    if isProse, words.count > sentenceStart {
      sentences.append(Sentence(words: sentenceStart..<words.count, unit: unitIndex))
    }
    units[unitIndex].words = firstWord..<words.count
    units[unitIndex].sentences = firstSentence..<sentences.count
  }

  /// The part of a token from its first to its last letter or digit, or nil when it has none.
  static func wordCore(_ token: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
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
        // U+00A0–U+00BF (symbols, no-break space) and U+2000–U+206F (dashes, quotes, bullets) are punctuation.
        let next = index + 1 < token.count ? token[index + 1] : 0
        let isSymbol = (byte == 0xC2) || (byte == 0xE2 && (next == 0x80 || next == 0x81))
        isLetter = !isSymbol
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

  /// Whether a token is a URL or an email address (left out of words and reference scanning).
  static func isAddress(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
    guard token.count > 4 else { return false }
    var index = 0
    while index < token.count {
      let byte = token[index]
      if byte == UInt8(ascii: ":"), index + 2 < token.count, token[index + 1] == UInt8(ascii: "/"),
        token[index + 2] == UInt8(ascii: "/")
      {
        return true
      }
      if byte == UInt8(ascii: "@"), index > 0, index + 1 < token.count { return true }
      index += 1
    }
    let www: [UInt8] = Array("www.".utf8)
    for offset in 0..<4 where token[offset] | 0x20 != www[offset] { return false }
    return true
  }

  /// Abbreviations whose full stop does not end a sentence.
  static let abbreviations: Set<String> = [
    "e.g.", "i.e.", "etc.", "no.", "nos.", "mr.", "mrs.", "ms.", "dr.", "vs.", "cf.", "approx.", "fig.", "st.",
    "incl.", "dept.", "ref.", "jr.", "sr.", "inc.", "ltd.", "co.", "pp.", "ca.", "eg.", "ie.", "e.g", "i.e",
  ]

  /// Whether a token ends a sentence: `.`, `!`, `?` or `…` last (closing quotes and brackets aside),
  /// unless it is an abbreviation.
  static func endsSentence(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
    var end = token.count
    while end > 0 {
      let byte = token[end - 1]
      switch byte {
      case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "\""), UInt8(ascii: "'"),
        UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
        end -= 1
        continue
      case 0x9D, 0x99:  // ” ’ (E2 80 9D, E2 80 99)
        if end >= 3, token[end - 3] == 0xE2, token[end - 2] == 0x80 {
          end -= 3
          continue
        }
      case 0xBB:  // »
        if end >= 2, token[end - 2] == 0xC2 {
          end -= 2
          continue
        }
      default: break
      }
      break
    }
    guard end > 0 else { return false }
    let last = token[end - 1]
    if last == UInt8(ascii: "!") || last == UInt8(ascii: "?") { return true }
    if last == 0xA6, end >= 3, token[end - 3] == 0xE2, token[end - 2] == 0x80 { return true }  // …
    guard last == UInt8(ascii: ".") else { return false }
    guard end <= 8 else { return true }
    var start = 0
    while start < end,
      [
        UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "'"),
        UInt8(ascii: "*"), UInt8(ascii: "_"),
      ].contains(token[start])
    {
      start += 1
    }
    let core = String(decoding: token[start..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    return !abbreviations.contains(core)
  }
}
