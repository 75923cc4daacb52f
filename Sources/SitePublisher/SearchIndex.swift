/// The full-text search index of the site, `assets/search-index.js`: a static script that defines one
/// global, so the search works from `file://` and under `script-src 'self'` (a JSON file fetched by the page
/// would not load from `file://`). Per document it holds the id, page, title, type, owner and the body's words,
/// lowercased and each once, in order of first appearance.
enum SearchIndex {
  /// One document's entry.
  struct Entry: Sendable {
    var id: String
    var page: String
    var title: String
    var type: String
    var owner: String
    var words: String
  }

  /// The body's words, lowercased, each once, separated by spaces. A word is a run of letters and digits; a
  /// hyphenated run (`F-001`, `sign-off`) is kept whole as well as in its parts. Words of one character are
  /// left out. Works on bytes with an exact hash set of byte ranges: this runs on every document of a publish.
  static func words(of text: String) -> String {
    var bytes = Array(text.utf8)
    for index in bytes.indices where bytes[index] &- 0x41 < 26 { bytes[index] += 32 }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count / 3)
    var seenBeyondASCII = Set<String>()
    bytes.withUnsafeBufferPointer { bytes in
      var table = WordSet(bytes: bytes)
      func emit(_ start: Int, _ end: Int) {
        let length = end - start
        guard length > 1, length <= 64 else { return }
        let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard !word.contains(where: { $0 >= 0x80 }) else {
          // Beyond ASCII, only letters and digits make words: curly quotes, dashes and symbols split them.
          let pieces = String(decoding: word, as: UTF8.self).lowercased().unicodeScalars.split { scalar in
            !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-")
          }
          for piece in pieces where piece.count > 1 {
            let string = String(String.UnicodeScalarView(piece))
            guard seenBeyondASCII.insert(string).inserted else { continue }
            if !output.isEmpty { output.append(0x20) }
            output.append(contentsOf: string.utf8)
          }
          return
        }
        guard table.insert(start, length) else { return }
        if !output.isEmpty { output.append(0x20) }
        output.append(contentsOf: word)
      }
      func isWordByte(_ byte: UInt8) -> Bool {
        byte &- 0x61 < 26 || byte &- 0x30 < 10 || byte >= 0x80
      }
      var index = 0
      let count = bytes.count
      while index < count {
        guard isWordByte(bytes[index]) else {
          index += 1
          continue
        }
        let runStart = index
        var partStart = index
        var parts = 0
        while index < count {
          if isWordByte(bytes[index]) {
            index += 1
          } else if bytes[index] == 0x2D, index + 1 < count, isWordByte(bytes[index + 1]) {
            emit(partStart, index)
            parts += 1
            index += 1
            partStart = index
          } else {
            break
          }
        }
        emit(partStart, index)
        if parts > 0 { emit(runStart, index) }
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// An exact set of byte ranges of one buffer: open addressing on FNV-1a hashes, bytes compared on a match,
  /// doubling when half full.
  private struct WordSet {
    struct Slot {
      var start: Int32 = -1
      var length: Int32 = 0
      var hash: UInt64 = 0
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var slots = [Slot](repeating: Slot(), count: 512)
    var count = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
    }

    /// Adds the range; false when an equal range is in the set already.
    mutating func insert(_ start: Int, _ length: Int) -> Bool {
      var hash: UInt64 = 14_695_981_039_346_656_037
      for offset in start..<(start + length) { hash = (hash ^ UInt64(bytes[offset])) &* 1_099_511_628_211 }
      let mask = slots.count - 1
      var index = Int(truncatingIfNeeded: hash) & mask
      while slots[index].start >= 0 {
        let slot = slots[index]
        if slot.hash == hash, Int(slot.length) == length {
          let other = Int(slot.start)
          var equal = true
          for offset in 0..<length where bytes[start + offset] != bytes[other + offset] {
            equal = false
            break
          }
          if equal { return false }
        }
        index = (index + 1) & mask
      }
      slots[index] = Slot(start: Int32(start), length: Int32(length), hash: hash)
      count += 1
      if count * 2 > slots.count { grow() }
      return true
    }

    private mutating func grow() {
      let old = slots
      slots = [Slot](repeating: Slot(), count: old.count * 2)
      let mask = slots.count - 1
      for slot in old where slot.start >= 0 {
        var index = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[index].start >= 0 { index = (index + 1) & mask }
        slots[index] = slot
      }
    }
  }

  /// The script: `window.sopSearchIndex = [[id, page, title, type, owner, words], …];`, one document a line.
  static func script(_ entries: [Entry]) -> String {
    var text = "// Generated by sop: the words of every effective document, for the search on index.html.\n"
    text += "window.sopSearchIndex = [\n"
    for (offset, entry) in entries.enumerated() {
      text += "["
      text += [entry.id, entry.page, entry.title, entry.type, entry.owner, entry.words].map(quoted).joined(
        separator: ",")
      text += offset == entries.count - 1 ? "]\n" : "],\n"
    }
    text += "];\n"
    return text
  }

  /// A JavaScript string literal: quotes, backslashes, `<`, `>`, `&`, control characters and the line and
  /// paragraph separators are escaped, so no text can end the string or read as markup.
  static func quoted(_ value: String) -> String {
    let plain = value.utf8.allSatisfy { byte in
      byte >= 0x20 && byte != 0x7F && byte != 0x22 && byte != 0x5C && byte != 0x3C && byte != 0x3E && byte != 0x26
        && byte != 0xE2
    }
    if plain { return "\"" + value + "\"" }
    var output = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "<": output += "\\u003c"
      case ">": output += "\\u003e"
      case "&": output += "\\u0026"
      case "\u{2028}": output += "\\u2028"
      case "\u{2029}": output += "\\u2029"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    return output + "\""
  }
}
