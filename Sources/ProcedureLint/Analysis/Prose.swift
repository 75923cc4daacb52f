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
    /// Whether it stands in a block quote: quoted law or standards, not the author's words.
    var isQuoted = false
    /// Whether a word of it has a non-ASCII character (Chinese or Japanese text is looked at only then).
    var hasNonASCII = false
    /// Whether it is a copyright or licence notice ("licensed under CC BY 4.0").
    var isBoilerplate = false
    /// False for table cells: tables are left out of prose metrics.
    var isProse: Bool { if case .tableCell = kind { return false } else { return true } }
    /// Whether it is body text the author wrote for the reader: a paragraph, not quoted, not a notice.
    var isBody: Bool { kind == .paragraph && !isQuoted && !isBoilerplate }
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
  /// The syllables of every word of every sentence (prose units only), summed while tokenizing.
  var proseSyllableCount = 0
  /// Indexes in `words` of the forms of "be", in order: where the passive-voice rule starts looking.
  var beWords: [Int] = []
  /// Indexes in `words` of words that start with two ASCII capitals, in order: possible acronyms.
  var capitalWords: [Int] = []
  /// The Markdown body as written, to turn text offsets into the columns an editor shows.
  var source = ""
  /// The byte offset in `source` where each body line starts.
  var lineStarts: [Int] = []
  /// Whether each body line is ASCII without a backslash: there a byte column is the character column.
  var plainLines: [Bool] = []
  /// File lines before the body (the front matter).
  var lineOffset = 0

  /// The index of the unit whose text holds byte `offset` of `bytes`, or nil (units are in byte order).
  func unit(containingByte offset: Int) -> Int? {
    var low = 0
    var high = units.count
    while low < high {
      let middle = (low + high) / 2
      if units[middle].bytes.upperBound <= offset { low = middle + 1 } else { high = middle }
    }
    return low < units.count && units[low].bytes.contains(offset) ? low : nil
  }

  /// The index of the segment of `unit` that holds byte `offset`: the last one starting at or before it. The
  /// unit must have a segment.
  func segment(ofByte offset: Int, in unit: Unit) -> Int {
    var low = unit.segments.lowerBound
    var high = unit.segments.upperBound - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if segments[middle].offset <= offset { low = middle } else { high = middle - 1 }
    }
    return low
  }

  /// File line `line` of the body as written, without its line end; nil outside the body. `starts` is
  /// `LintDocument.allLineStarts(of: source)` (`lineStarts` is left empty for a plain body).
  func sourceLine(_ line: Int, starts: [Int]) -> Substring? {
    let index = line - lineOffset - 1
    guard index >= 0, index < starts.count else { return nil }
    let utf8 = source.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: starts[index])
    var end = index + 1 < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[index + 1]) : utf8.endIndex
    if end > start, utf8[utf8.index(before: end)] == 0x0A { end = utf8.index(before: end) }
    return Substring(utf8[start..<end])
  }

  /// The file position of byte `offset` of `unit`; the column counts characters of the source line.
  func position(ofByte offset: Int, in unit: Unit) -> SourcePosition {
    guard !unit.segments.isEmpty else { return unit.start }
    let segment = segments[segment(ofByte: offset, in: unit)]
    return SourcePosition(
      line: segment.line,
      column: characterColumn(line: segment.line, byteColumn: segment.column, after: max(0, offset - segment.offset)))
  }

  /// The character column of the text byte `textBytes` bytes after byte column `byteColumn` of a file line.
  ///
  /// cmark-gfm counts columns in UTF-8 bytes, and the text of a node has its escapes removed (`\[` is `[`),
  /// so the offset is walked along the source line and the characters before it are counted.
  func characterColumn(line: Int, byteColumn: Int, after textBytes: Int) -> Int {
    let index = line - lineOffset - 1
    guard index >= 0, index < lineStarts.count, !plainLines[index] else { return byteColumn + textBytes }
    let start = lineStarts[index]
    let end = index + 1 < lineStarts.count ? lineStarts[index + 1] : source.utf8.count
    let column = source.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
      var position = start + byteColumn - 1
      guard position <= end else { return nil }
      var remaining = textBytes
      while remaining > 0, position < end {
        let isEscape = bytes[position] == 0x5C && position + 1 < end && Self.isASCIIPunctuation(bytes[position + 1])
        position += isEscape ? 2 : 1
        remaining -= 1
      }
      var characters = 0
      for byte in bytes[start..<position] where byte & 0xC0 != 0x80 { characters += 1 }
      return characters + 1
    }
    return (column ?? nil) ?? byteColumn + textBytes
  }

  /// The byte column where text that opens a continuation line and starts with byte `first` stands on file line
  /// `line`, given the column cmark-gfm gives it; `lineStarts` holds where every body line starts.
  ///
  /// cmark-gfm gives such text its container's content column: on a line indented further ("a\n   b") the text
  /// starts after the extra blanks, and on a lazy line, indented less than its list item or without its `>`
  /// ("2. Check it.\n(see below)"), at the line's first non-blank byte, before or past that column.
  func lineOpeningColumn(line: Int, byteColumn: Int, first: UInt8, lineStarts: [Int]) -> Int {
    let index = line - lineOffset - 1
    guard index >= 0, index < lineStarts.count else { return byteColumn }
    let start = lineStarts[index]
    let end = index + 1 < lineStarts.count ? lineStarts[index + 1] : source.utf8.count
    let column = source.utf8.withContiguousStorageIfAvailable { bytes -> Int in
      // The text's first byte, or a backslash escaping it.
      func opensText(_ position: Int) -> Bool {
        position >= start && position < end
          && (bytes[position] == first || bytes[position] == 0x5C && position + 1 < end && bytes[position + 1] == first)
      }
      func skippingBlanks(from position: Int) -> Int {
        var position = position
        while position < end, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        return position
      }
      // The table extension leaves column 0 on the text of a paragraph it reads as a table's header.
      let given = start + max(byteColumn, 1) - 1
      if opensText(given) { return given - start + 1 }
      for candidate in [skippingBlanks(from: min(given, end)), skippingBlanks(from: start)] where opensText(candidate) {
        return candidate - start + 1
      }
      return byteColumn
    }
    return column ?? byteColumn
  }

  /// Whether a byte is ASCII punctuation, which a backslash escapes in Markdown.
  private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
    (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
      || (0x7B...0x7E).contains(byte)
  }

  /// The file position of a word.
  func position(ofWord index: Int, in unit: Unit) -> SourcePosition {
    position(ofByte: words[index].start, in: unit)
  }

  /// The text of a word.
  func text(ofWord index: Int) -> String {
    String(decoding: bytes[words[index].start..<words[index].end], as: UTF8.self)
  }

  /// `lowercased(word:)` without the punctuation and emphasis marks around the word ("**The" gives "the",
  /// "minutes," gives "minutes"); letters and digits inside it stay ("10–15", "5min"). For comparing a word
  /// with a list of words.
  func bareLowercased(word index: Int) -> String {
    let word = lowercased(word: index)
    let isKept: (Character) -> Bool = { $0.isLetter || $0.isNumber }
    guard let first = word.first, let last = word.last, !isKept(first) || !isKept(last) else { return word }
    var bare = Substring(word)
    while let end = bare.last, !isKept(end) { bare.removeLast() }
    while let start = bare.first, !isKept(start) { bare.removeFirst() }
    return String(bare)
  }

  /// The lowercased ASCII text of a word (other bytes kept), for comparisons.
  func lowercased(word index: Int) -> String {
    let range = words[index].start..<words[index].end
    // Written in place: a word of up to 15 bytes becomes a small string, with no heap allocation.
    return String(unsafeUninitializedCapacity: range.count) { text in
      for (offset, byte) in bytes[range].enumerated() { text[offset] = byte &- 0x41 < 26 ? byte | 0x20 : byte }
      return range.count
    }
  }

  /// The word's bytes, ASCII capitals lowercased, packed by `packed(_:)`; nil when longer than 8 bytes.
  func packedLowercase(word index: Int) -> UInt64? {
    bytes.withUnsafeBufferPointer {
      Self.packed(UnsafeBufferPointer(rebasing: $0[words[index].start..<words[index].end]))
    }
  }

  /// The bytes between word `index` and the next word (or the end of the text): its punctuation and spaces,
  /// which say whether a clause or a sentence ends there.
  func bytes(after index: Int) -> ArraySlice<UInt8> {
    let end = words[index].end
    let next = index + 1 < words.count ? words[index + 1].start : bytes.count
    return bytes[min(end, next)..<next]
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

  /// The number (up to three digits, then a space) that opens segment `index` of `unit` when the segment
  /// starts a line of the unit's text ("7 Repeat …" gives 7), with the offset of its first digit; else nil.
  func leadingNumber(ofSegment index: Int, in unit: Unit) -> (number: Int, offset: Int)? {
    guard index == unit.segments.lowerBound || segments[index].line > segments[index - 1].line else { return nil }
    let end = index + 1 < unit.segments.upperBound ? segments[index + 1].offset : unit.bytes.upperBound
    var offset = segments[index].offset
    while offset < end, bytes[offset] == 0x20 { offset += 1 }
    let first = offset
    var number = 0
    while offset < end, offset - first < 3, bytes[offset] &- 0x30 < 10 {
      number = number * 10 + Int(bytes[offset] &- 0x30)
      offset += 1
    }
    guard offset > first, offset < end, bytes[offset] == 0x20 else { return nil }
    return (number, first)
  }

  /// The number of prose words (not table cells).
  var proseWordCount: Int { units.reduce(0) { $0 + ($1.isProse ? $1.words.count : 0) } }
}

extension Prose {
  /// Splits the bytes of the unit just added into words and sentences.
  ///
  /// This touches every byte of every document, so it makes one pass per token that also notes what
  /// the token holds; the general checks (non-ASCII letters, addresses, sentence ends) run only on the
  /// few tokens that need them.
  mutating func tokenizeLastUnit() {
    let unitIndex = units.count - 1
    let range = units[unitIndex].bytes
    let isProse = units[unitIndex].isProse
    let firstWord = words.count
    let firstSentence = sentences.count
    var sentenceStart = words.count
    // The count of words just after an "etc." that ends a token: if the next word starts with a capital, the
    // abbreviation ended its sentence ("… store files etc. More complex projects …"), which no other
    // abbreviation of the list does often enough to be worth the same test.
    var afterEtcetera = -1
    Self.byteClasses.withUnsafeBufferPointer { classes in
      bytes.withUnsafeBufferPointer { buffer in
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
          // Skip spaces (including the two-byte no-break space).
          let byte = buffer[index]
          if Self.isSpace(byte) {
            index += 1
            continue
          }
          if byte == 0xC2, index + 1 < end, buffer[index + 1] == 0xA0 {
            index += 2
            continue
          }
          let tokenStart = index
          var flags: UInt8 = 0
          // Syllables are counted in the same pass, for ASCII tokens only (the count of the whole token
          // is the count of its core: the punctuation around it only ends runs of letters).
          var syllables = 0
          var runStart = index
          var groups = 0
          var previousVowel = 0
          while index < end {
            let current = buffer[index]
            let byteClass = classes[Int(current)]
            if byteClass < ByteClass.other {
              let isVowel = Int(byteClass & ByteClass.vowel) | (byteClass == ByteClass.y && index > runStart ? 1 : 0)
              groups &+= isVowel & (previousVowel ^ 1)
              previousVowel = isVowel
            } else {
              if byteClass & ByteClass.space != 0 { break }
              if byteClass & ByteClass.nonASCII != 0, current == 0xC2, index + 1 < end, buffer[index + 1] == 0xA0 {
                break
              }
              flags |= byteClass
              if index > runStart {
                // Written out here (the compiler kept a helper out of line): most runs have one vowel group.
                syllables &+=
                  groups <= 1 || index - runStart <= 2
                  ? max(groups, 1) : Self.syllables(inRunOf: runStart..<index, groups: groups, in: buffer)
              }
              runStart = index + 1
              groups = 0
              previousVowel = 0
            }
            index += 1
          }
          let isASCII = flags & ByteClass.nonASCII == 0
          let token = UnsafeBufferPointer(rebasing: buffer[tokenStart..<index])
          // Only a token with `:` or `@`, or one starting with `w` (`www.`), can be an address.
          let mayBeAddress =
            token.count > 4 && (flags & ByteClass.addressMark != 0 || token[0] | 0x20 == UInt8(ascii: "w"))
          // Most tokens are a bare word: letters or digits first and last, so their core is all of them.
          let isBare = isASCII && Self.isAlphanumericASCII(token[0]) && Self.isAlphanumericASCII(token[token.count - 1])
          if let core = isBare ? 0..<token.count : isASCII ? Self.asciiWordCore(token) : Self.wordCore(token),
            !(mayBeAddress && Self.isAddress(token))
          {
            let start = tokenStart + core.lowerBound
            let stop = tokenStart + core.upperBound
            if afterEtcetera == words.count, isProse, buffer[start] &- 0x41 < 26, words.count > sentenceStart {
              sentences.append(Sentence(words: sentenceStart..<words.count, unit: unitIndex))
              sentenceStart = words.count
            }
            if isASCII {
              if index > runStart {
                // Written out here (the compiler kept a helper out of line): most runs have one vowel group.
                syllables &+=
                  groups <= 1 || index - runStart <= 2
                  ? max(groups, 1) : Self.syllables(inRunOf: runStart..<index, groups: groups, in: buffer)
              }
              syllables = max(syllables, 1)
            } else {
              syllables = TextMetrics.syllables(UnsafeBufferPointer(rebasing: buffer[start..<stop]))
            }
            words.append(Word(start: start, end: stop, syllables: syllables))
            if isProse { proseSyllableCount &+= syllables }
            // The first byte is tested here, in the loop: most words fail it, and the call cost more.
            if stop - start <= 5, Self.mayStartFormOfBe(buffer[start]),
              Self.isFormOfBe(UnsafeBufferPointer(rebasing: buffer[start..<stop]))
            {
              beWords.append(words.count - 1)
            }
          }
          // A token that ends in a letter or digit cannot end a sentence.
          if isProse, !Self.isAlphanumericASCII(token[token.count - 1]) {
            if Self.endsSentence(token) {
              if words.count > sentenceStart {
                sentences.append(Sentence(words: sentenceStart..<words.count, unit: unitIndex))
                sentenceStart = words.count
              }
            } else if Self.isEtcetera(token) {
              afterEtcetera = words.count
            }
          }
        }
      }
    }
    if isProse, words.count > sentenceStart {
      sentences.append(Sentence(words: sentenceStart..<words.count, unit: unitIndex))
    }
    units[unitIndex].words = firstWord..<words.count
    units[unitIndex].sentences = firstSentence..<sentences.count
    // Checked apart from the tokenizer loop (32 bytes at a time), which stays as small as it was.
    units[unitIndex].hasNonASCII = bytes.withUnsafeBytes {
      !ByteSearch.isASCII(UnsafeRawBufferPointer(rebasing: $0[range]))
    }
    // Words that start with two capitals: possible acronyms (QMO, SWMS) and "SOP" before a title. A pass of
    // its own over the unit's words, which are still in cache, keeps the tokenizer loop above small.
    // Read through buffer pointers: with the arrays' bounds checks, this pass cost a tenth of the tokenizer.
    words.withUnsafeBufferPointer { words in
      bytes.withUnsafeBufferPointer { bytes in
        for index in firstWord..<words.count {
          let start = words[index].start
          if bytes[start] &- 0x41 < 26, words[index].end - start >= 2, bytes[start + 1] &- 0x41 < 26 {
            capitalWords.append(index)
          }
        }
      }
    }
  }

  /// What the tokenizer needs to know about a byte, looked up in one table load.
  private enum ByteClass {
    /// `a e i o u`, either case. Letters are the classes below `other`.
    static let vowel: UInt8 = 1
    /// `y`, either case: a vowel unless it starts a run.
    static let y: UInt8 = 2
    /// Any other ASCII byte that is not a space: it ends a run of letters.
    static let other: UInt8 = 4
    /// `:` or `@`, which an address needs.
    static let addressMark: UInt8 = 8
    /// Space, tab, line feed or carriage return.
    static let space: UInt8 = 16
    /// A byte of a non-ASCII character.
    static let nonASCII: UInt8 = 32
  }

  /// `ByteClass` of every byte value (other consonants are 0).
  private static let byteClasses: [UInt8] = (0...255).map { value in
    let byte = UInt8(value)
    if isSpace(byte) { return ByteClass.space }
    if byte >= 0x80 { return ByteClass.other | ByteClass.nonASCII }
    if byte == UInt8(ascii: ":") || byte == UInt8(ascii: "@") { return ByteClass.other | ByteClass.addressMark }
    switch byte | 0x20 {
    case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"):
      return ByteClass.vowel
    case UInt8(ascii: "y"):
      return ByteClass.y
    default:
      return (byte | 0x20) &- 0x61 < 26 ? 0 : ByteClass.other
    }
  }

  /// The syllables of one run of ASCII letters, given its vowel groups (see `TextMetrics.syllables`).
  @inline(__always) private static func syllables(
    inRunOf run: Range<Int>, groups: Int, in buffer: UnsafeBufferPointer<UInt8>
  ) -> Int {
    guard groups > 1, run.count > 2 else { return max(groups, 1) }
    var tail: UInt32 = 0
    for index in max(run.lowerBound, run.upperBound - 4)..<run.upperBound {
      tail = tail << 8 | UInt32(buffer[index] | 0x20)
    }
    return TextMetrics.syllables(inRunOf: run.count, groups: groups, tail: tail)
  }

  /// Whether a word is a form of "be" (`am is are was were be been being`, any case).
  @inline(__always) static func isFormOfBe(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard word.count >= 2, word.count <= 5, mayStartFormOfBe(word[0]) else { return false }
    // The forms packed by `packed(_:)`, written out so the comparison compiles to constants.
    switch packed(word) {
    case 0x616D,  // am
      0x6973,  // is
      0x61_7265,  // are
      0x77_6173,  // was
      0x7765_7265,  // were
      0x6265,  // be
      0x6265_656E,  // been
      0x62_6569_6E67:  // being
      return true
    default:
      return false
    }
  }

  /// Whether a word starting with `byte` may be a form of "be": `a`, `i`, `w` or `b`, either case.
  @inline(__always) static func mayStartFormOfBe(_ byte: UInt8) -> Bool {
    switch byte | 0x20 {
    case UInt8(ascii: "a"), UInt8(ascii: "i"), UInt8(ascii: "w"), UInt8(ascii: "b"): true
    default: false
    }
  }

  /// Whether a byte separates tokens: space, tab, line feed or carriage return.
  @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// Whether a byte is an ASCII letter or digit.
  @inline(__always) static func isAlphanumericASCII(_ byte: UInt8) -> Bool {
    byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
  }

  /// `wordCore` for a token known to be ASCII: from the first to the last letter or digit.
  static func asciiWordCore(_ token: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    var first = 0
    while first < token.count, !isAlphanumericASCII(token[first]) { first += 1 }
    guard first < token.count else { return nil }
    var last = token.count
    while !isAlphanumericASCII(token[last - 1]) { last -= 1 }
    return first..<last
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
    return token[0] | 0x20 == UInt8(ascii: "w") && token[1] | 0x20 == UInt8(ascii: "w")
      && token[2] | 0x20 == UInt8(ascii: "w") && token[3] | 0x20 == UInt8(ascii: ".")
  }

  /// Abbreviations whose full stop does not end a sentence.
  static let abbreviations: Set<String> = [
    "e.g.", "i.e.", "etc.", "no.", "nos.", "mr.", "mrs.", "ms.", "dr.", "vs.", "cf.", "approx.", "fig.", "st.",
    "incl.", "dept.", "ref.", "jr.", "sr.", "inc.", "ltd.", "co.", "pp.", "ca.", "eg.", "ie.", "e.g", "i.e",
    // Citations of laws and standards: "MDR Art. 10 para. 9", "Sec. 4.2".
    "art.", "arts.", "para.", "paras.", "subpara.", "sec.", "sect.", "ch.", "p.",
  ]

  /// `abbreviations` packed with `packed(_:)`, so a token is looked up without building a `String`.
  private static let packedAbbreviations = Set(
    abbreviations.map { text in Array(text.utf8).withUnsafeBufferPointer { packed($0)! } })

  /// The words of up to 8 bytes of a list, packed as `packed(_:)` packs them, for comparing words without
  /// building strings.
  static func packedSet(_ words: some Sequence<String>) -> Set<UInt64> {
    Set(words.compactMap { word in Array(word.utf8).withUnsafeBufferPointer { packed($0) } })
  }

  /// Up to 8 bytes, ASCII capitals lowercased, big-endian in one integer; nil when longer or when a
  /// byte is zero (a leading zero byte would make two texts pack alike).
  @inline(__always) static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
    guard bytes.count <= 8 else { return nil }
    var value: UInt64 = 0
    for byte in bytes {
      guard byte != 0 else { return nil }
      value = value << 8 | UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)
    }
    return value
  }

  /// Whether a token ends a sentence: `.`, `!`, `?` or `…` last (closing quotes and brackets aside),
  /// unless it is an abbreviation.
  static func endsSentence(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
    switch tokenEnd(token) {
    case .sentence: true
    case .other: false
    case .fullStop(let core): !packedAbbreviations.contains(core)
    }
  }

  /// `etc.` packed as `packed(_:)` packs it.
  private static let packedEtcetera = Array("etc.".utf8).withUnsafeBufferPointer { packed($0)! }

  /// Whether a token is "etc." (brackets, quotes and emphasis around it aside).
  static func isEtcetera(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
    if case .fullStop(let core) = tokenEnd(token) { return core == packedEtcetera }
    return false
  }

  /// How a token ends, for `endsSentence`.
  private enum TokenEnd {
    /// `!`, `?`, `…`, or a full stop after a word too long to be an abbreviation.
    case sentence
    /// Anything else that is not a full stop.
    case other
    /// A short word and its full stop: its core (brackets and quotes off) packed as `packed(_:)` packs it,
    /// to be looked up among the abbreviations.
    case fullStop(UInt64)
  }

  private static func tokenEnd(_ token: UnsafeBufferPointer<UInt8>) -> TokenEnd {
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
    guard end > 0 else { return .other }
    let last = token[end - 1]
    if last == UInt8(ascii: "!") || last == UInt8(ascii: "?") { return .sentence }
    if last == 0xA6, end >= 3, token[end - 3] == 0xE2, token[end - 2] == 0x80 { return .sentence }  // …
    guard last == UInt8(ascii: ".") else { return .other }
    guard end <= 8 else { return .sentence }
    var start = 0
    while start < end {
      switch token[start] {
      case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "*"),
        UInt8(ascii: "_"):
        start += 1
        continue
      default: break
      }
      break
    }
    // A zero byte is never part of an abbreviation, so a token `packed` refuses ends a sentence.
    guard let core = packed(UnsafeBufferPointer(rebasing: token[start..<end])) else { return .sentence }
    return .fullStop(core)
  }
}
