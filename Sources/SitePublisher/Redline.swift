import MarkdownSyntax

/// A block of a document's plain text, as the redline compares it: headings, paragraphs, list items, quotes,
/// code blocks and table rows.
public struct TextBlock: Sendable, Equatable {
  /// What kind of block of the document it is.
  public enum Kind: Sendable, Equatable, Hashable {
    case heading(level: Int)
    case paragraph
    case listItem
    case quote
    case code
    case tableRow
    /// A line of front matter (`sop diff` compares it too; the published redline shows the body only).
    case metadata
  }

  /// What kind of block it is.
  public var kind: Kind
  /// A list marker such as `3.` or `•`; shown but not compared, so renumbering is not a change.
  public var marker: String
  /// The block's plain text.
  public var text: String

  /// Creates a block.
  public init(kind: Kind, marker: String, text: String) {
    self.kind = kind
    self.marker = marker
    self.text = text
  }
}

/// A word or a punctuation mark of the redline; punctuation is its own token so "twice." against "twice"
/// marks only the full stop.
public struct RedlineToken: Sendable, Equatable {
  /// The word or mark.
  public var text: String
  /// Whether whitespace preceded the token in the source, so the redline can put the text back together.
  public var isSpaced: Bool

  /// Whether the token counts as a word in the summary (peeled punctuation does not).
  public var isWord: Bool = true
}

/// One piece of a redline block: tokens that are unchanged, deleted or inserted.
public struct RedlinePiece: Sendable, Equatable {
  /// Unchanged, deleted or inserted.
  public var operation: DiffOperation
  /// The tokens.
  public var words: [RedlineToken]
}

/// A piece of a block as text: its words joined, and whether a space separates it from what precedes it.
public struct RedlineSegment: Sendable, Equatable {
  /// Unchanged, deleted or inserted.
  public var operation: DiffOperation
  /// The words, joined as they stood in the source.
  public var text: String
  /// Whether a space goes before it.
  public var isSpaced: Bool
}

/// A block of the redline with its marked pieces.
public struct RedlineBlock: Sendable, Equatable {
  /// The kind of block (of the new side where it exists).
  public var kind: TextBlock.Kind
  /// The list marker, if any.
  public var marker: String
  /// The marked pieces, in reading order.
  public var pieces: [RedlinePiece]

  /// Whether nothing in the block changed.
  public var isUnchanged: Bool { pieces.allSatisfy { $0.operation == .equal } }

  /// The pieces as text, spaced as the source was: what the HTML redline and `sop diff` both print.
  public var segments: [RedlineSegment] {
    var result: [RedlineSegment] = []
    var isFirst = true
    for piece in pieces {
      var inner = ""
      var leading = false
      for (index, token) in piece.words.enumerated() {
        let spaced = !isFirst && token.isSpaced
        isFirst = false
        if index == 0 {
          leading = spaced
        } else if spaced {
          inner += " "
        }
        inner += token.text
      }
      result.append(RedlineSegment(operation: piece.operation, text: inner, isSpaced: leading))
    }
    return result
  }
}

/// The comparison of two revisions: blocks in reading order, with how much changed.
public struct Redline: Sendable, Equatable {
  /// The blocks in reading order.
  public var blocks: [RedlineBlock]
  /// Words inserted.
  public var insertedWords: Int
  /// Words deleted.
  public var deletedWords: Int
  /// False when some changed passage was too large for a word-level comparison and is shown whole.
  public var isWordLevel: Bool

  /// Whether anything changed.
  public var hasChanges: Bool { insertedWords > 0 || deletedWords > 0 || blocks.contains { !$0.isUnchanged } }

  /// Most paragraph-level edits considered before the whole text is shown as replaced.
  static let maxBlockEdits = 1_000
  /// Most word-level edits considered within one changed passage before it is shown whole.
  static let maxWordEdits = 1_000
  /// Changed passages with more words than this are compared paragraph by paragraph only.
  static let maxPassageWords = 20_000

  /// Compares the plain text of two Markdown bodies, paragraph by paragraph and then word by word within
  /// each changed passage. The cost is bounded by `maxBlockEdits`, `maxWordEdits` and `maxPassageWords`.
  public static func compare(old: String, new: String) -> Redline {
    compare(oldBlocks: textBlocks(of: old), newBlocks: textBlocks(of: new))
  }

  /// Compares two lists of blocks (for instance front-matter lines followed by a body's `textBlocks(of:)`).
  public static func compare(oldBlocks: [TextBlock], newBlocks: [TextBlock]) -> Redline {
    // Blocks compare by kind and text; the marker is left out so renumbering a list is not a change.
    let oldKeys = oldBlocks.map { BlockKey(kind: $0.kind, text: $0.text) }
    let newKeys = newBlocks.map { BlockKey(kind: $0.kind, text: $0.text) }
    let runs =
      SequenceDiff.runs(old: oldKeys, new: newKeys, maxEdits: maxBlockEdits)
      ?? [DiffRun(operation: .delete, count: oldBlocks.count), DiffRun(operation: .insert, count: newBlocks.count)]

    var result = Redline(blocks: [], insertedWords: 0, deletedWords: 0, isWordLevel: true)
    var oldIndex = 0
    var newIndex = 0
    var runIndex = 0
    while runIndex < runs.count {
      let run = runs[runIndex]
      if run.operation == .equal {
        for offset in 0..<run.count {
          let block = newBlocks[newIndex + offset]
          result.blocks.append(
            RedlineBlock(
              kind: block.kind, marker: block.marker,
              pieces: [
                RedlinePiece(operation: .equal, words: [RedlineToken(text: block.text, isSpaced: false)])
              ]))
        }
        oldIndex += run.count
        newIndex += run.count
        runIndex += 1
        continue
      }
      // A passage of changes: the deletions and insertions between two unchanged blocks.
      var deleted = 0
      var inserted = 0
      while runIndex < runs.count, runs[runIndex].operation != .equal {
        if runs[runIndex].operation == .delete {
          deleted += runs[runIndex].count
        } else {
          inserted += runs[runIndex].count
        }
        runIndex += 1
      }
      result.appendPassage(
        old: Array(oldBlocks[oldIndex..<(oldIndex + deleted)]),
        new: Array(newBlocks[newIndex..<(newIndex + inserted)]))
      oldIndex += deleted
      newIndex += inserted
    }
    return result
  }

  private struct BlockKey: Equatable {
    var kind: TextBlock.Kind
    var text: String
  }

  /// Stands for a paragraph break in a passage; tokens never hold whitespace, so no word can equal it.
  private static let breakToken = "\n"

  private mutating func appendPassage(old: [TextBlock], new: [TextBlock]) {
    let oldWords = old.map { Self.tokens(of: $0.text) }
    let newWords = new.map { Self.tokens(of: $0.text) }
    let total = oldWords.reduce(0) { $0 + $1.count } + newWords.reduce(0) { $0 + $1.count }
    // Tokens compare as Strings: most are small and compare without hashing or allocation.
    func tokens(_ blocks: [[RedlineToken]]) -> [String] {
      var result: [String] = []
      for (index, words) in blocks.enumerated() {
        if index > 0 { result.append(Self.breakToken) }
        for word in words { result.append(word.text) }
      }
      return result
    }
    guard !old.isEmpty, !new.isEmpty, total <= Self.maxPassageWords,
      let runs = SequenceDiff.runs(old: tokens(oldWords), new: tokens(newWords), maxEdits: Self.maxWordEdits)
    else {
      if !old.isEmpty && !new.isEmpty { isWordLevel = false }
      appendWhole(old, words: oldWords, as: .delete)
      appendWhole(new, words: newWords, as: .insert)
      return
    }
    // Walk both sides in step; a paragraph break on either side starts a new block of the redline.
    var oldBlock = 0
    var newBlock = 0
    var oldWord = 0
    var newWord = 0
    var current = RedlineBlock(kind: new[0].kind, marker: new[0].marker, pieces: [])
    func add(_ operation: DiffOperation, _ word: RedlineToken) {
      if let last = current.pieces.last, last.operation == operation {
        current.pieces[current.pieces.count - 1].words.append(word)
      } else {
        current.pieces.append(RedlinePiece(operation: operation, words: [word]))
      }
      if operation == .insert && word.isWord { insertedWords += 1 }
      if operation == .delete && word.isWord { deletedWords += 1 }
    }
    for run in runs {
      for _ in 0..<run.count {
        let atOldBreak = oldWord == oldWords[min(oldBlock, oldWords.count - 1)].count
        let atNewBreak = newWord == newWords[min(newBlock, newWords.count - 1)].count
        switch run.operation {
        case .equal:
          if atOldBreak && atNewBreak {
            blocks.append(current)
            oldBlock += 1
            newBlock += 1
            oldWord = 0
            newWord = 0
            current = RedlineBlock(kind: new[newBlock].kind, marker: new[newBlock].marker, pieces: [])
          } else {
            add(.equal, newWords[newBlock][newWord])
            oldWord += 1
            newWord += 1
          }
        case .delete:
          if atOldBreak {
            blocks.append(current)
            oldBlock += 1
            oldWord = 0
            current = RedlineBlock(kind: old[oldBlock].kind, marker: old[oldBlock].marker, pieces: [])
          } else {
            add(.delete, oldWords[oldBlock][oldWord])
            oldWord += 1
          }
        case .insert:
          if atNewBreak {
            blocks.append(current)
            newBlock += 1
            newWord = 0
            current = RedlineBlock(kind: new[newBlock].kind, marker: new[newBlock].marker, pieces: [])
          } else {
            add(.insert, newWords[newBlock][newWord])
            newWord += 1
          }
        }
      }
    }
    blocks.append(current)
  }

  private mutating func appendWhole(
    _ textBlocks: [TextBlock], words: [[RedlineToken]], as operation: DiffOperation
  ) {
    for (block, blockWords) in zip(textBlocks, words) {
      blocks.append(
        RedlineBlock(
          kind: block.kind, marker: block.marker,
          pieces: [RedlinePiece(operation: operation, words: blockWords)]))
      let count = blockWords.filter(\.isWord).count
      if operation == .insert { insertedWords += count }
      if operation == .delete { deletedWords += count }
    }
  }

  /// Splits text into words at whitespace, with opening and closing punctuation as separate tokens.
  ///
  /// Scans UTF-8 bytes and decodes a scalar only where a byte is not ASCII: this runs over every word of every
  /// changed passage of every document, and Character or String-index walking was ten times slower. Tokens
  /// are small Strings, which Swift stores inline for words of up to 15 bytes.
  static func tokens(of text: String) -> [RedlineToken] {
    let bytes = Array(text.utf8)
    let count = bytes.count
    func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
    func scalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
      let byte = bytes[index]
      if byte < 0x80 { return (Unicode.Scalar(byte), 1) }
      var length = 1
      while index + length < count, isContinuation(bytes[index + length]) { length += 1 }
      let decoded = String(decoding: bytes[index..<(index + length)], as: UTF8.self).unicodeScalars.first
      return (decoded ?? "\u{FFFD}", length)
    }
    func spaceLength(at index: Int) -> Int? {
      let byte = bytes[index]
      if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : nil }
      let (decoded, length) = scalar(at: index)
      return decoded.properties.isWhitespace ? length : nil
    }
    func nonSpaceLength(at index: Int) -> Int? {
      let byte = bytes[index]
      if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? nil : 1 }
      let (decoded, length) = scalar(at: index)
      return decoded.properties.isWhitespace ? nil : length
    }
    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    var result: [RedlineToken] = []
    var index = 0
    while index < count {
      while index < count, let length = spaceLength(at: index) { index += length }
      guard index < count else { break }
      var wordEnd = index
      while wordEnd < count, let length = nonSpaceLength(at: wordEnd) { wordEnd += length }
      // Peel opening marks while something is left for the word itself.
      var coreStart = index
      var isSpaced = true
      while true {
        let (mark, length) = scalar(at: coreStart)
        guard coreStart + length < wordEnd, isLeadingMark(mark) else { break }
        result.append(RedlineToken(text: string(coreStart..<(coreStart + length)), isSpaced: isSpaced, isWord: false))
        isSpaced = false
        coreStart += length
      }
      // Then closing marks, from the end.
      var coreEnd = wordEnd
      var closing: [Range<Int>] = []
      while true {
        var start = coreEnd - 1
        while start > coreStart, isContinuation(bytes[start]) { start -= 1 }
        guard start > coreStart, isTrailingMark(scalar(at: start).scalar) else { break }
        closing.append(start..<coreEnd)
        coreEnd = start
      }
      result.append(RedlineToken(text: string(coreStart..<coreEnd), isSpaced: isSpaced, isWord: true))
      for range in closing.reversed() {
        result.append(RedlineToken(text: string(range), isSpaced: false, isWord: false))
      }
      index = wordEnd
    }
    return result
  }

  private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return true
    case 0..<0x80: return false
    default: return scalar.properties.isWhitespace
    }
  }

  private static func isLeadingMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "(", "[", "{", "\"", "'", "\u{201C}", "\u{2018}": return true
    default: return false
    }
  }

  private static func isTrailingMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case ".", ",", ";", ":", "!", "?", ")", "]", "}", "\"", "'", "\u{201D}", "\u{2019}", "\u{2026}": return true
    default: return false
    }
  }

  /// The document's plain text as blocks, in reading order; raw HTML and thematic breaks are left out
  /// because the published page does not show them either.
  public static func textBlocks(of markdown: String) -> [TextBlock] {
    let nodes = CommonMarkParser.parse(markdown).nodes
    // Nodes come in pre-order, parents first, so one forward pass knows which ones sit in a quote.
    var inQuote = [Bool](repeating: false, count: nodes.count)
    for index in nodes.indices {
      guard let parent = nodes[index].parent else { continue }
      if case .blockQuote = nodes[parent].kind {
        inQuote[index] = true
      } else {
        inQuote[index] = inQuote[parent]
      }
    }
    var blocks: [TextBlock] = []
    for index in nodes.indices {
      let node = nodes[index]
      switch node.kind {
      case .heading(let level):
        blocks.append(TextBlock(kind: .heading(level: level), marker: "", text: plainText(of: index, in: nodes)))
      case .paragraph:
        var kind = TextBlock.Kind.paragraph
        var marker = ""
        if let parent = node.parent, case .item = nodes[parent].kind {
          kind = .listItem
          if nodes[parent].children.first == index {
            marker = listMarker(item: parent, in: nodes)
          }
        } else if inQuote[index] {
          kind = .quote
        }
        blocks.append(TextBlock(kind: kind, marker: marker, text: plainText(of: index, in: nodes)))
      case .codeBlock:
        blocks.append(TextBlock(kind: .code, marker: "", text: node.literal))
      case .tableRow:
        let cells = node.children.map { plainText(of: $0, in: nodes) }
        blocks.append(TextBlock(kind: .tableRow, marker: "", text: cells.joined(separator: " | ")))
      default:
        continue
      }
    }
    return blocks.filter { block in block.text.unicodeScalars.contains { !isSpace($0) } }
  }

  /// The text of a node's inline content. A subtree is the run of following nodes that are deeper.
  private static func plainText(of index: Int, in nodes: [MarkdownNode]) -> String {
    var text = ""
    let depth = nodes[index].depth
    var next = index + 1
    while next < nodes.count, nodes[next].depth > depth {
      switch nodes[next].kind {
      case .text, .code: text += nodes[next].literal
      case .softBreak, .lineBreak: text += " "
      default: break
      }
      next += 1
    }
    return text
  }

  private static func listMarker(item: Int, in nodes: [MarkdownNode]) -> String {
    if case .item(let taskState?) = nodes[item].kind {
      return taskState ? "[x]" : "[ ]"
    }
    guard let list = nodes[item].parent, case .list(let isOrdered, let start, _) = nodes[list].kind,
      isOrdered
    else { return "•" }
    let position = nodes[list].children.firstIndex(of: item) ?? 0
    return "\(start + position)."
  }
}
