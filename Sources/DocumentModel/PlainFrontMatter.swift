/// A fast reader for the plain front matter nearly every document has: `key: value` lines, comments,
/// and `related: [A, B]`.
///
/// Parsing 5,000 documents through a full YAML parser costs seconds; this costs milliseconds. It returns
/// nil for anything outside that plain subset (quotes, block lists, anchors, unknown or missing keys,
/// odd values), and the caller then uses the full YAML decoder, which also produces the precise errors.
/// For input it accepts, it gives exactly what the YAML decoder gives.
enum PlainFrontMatter {
  static func decode(_ yaml: String) -> FrontMatter? {
    // YAML refuses characters outside its printable set (control characters, DEL, U+FFFE…) and breaks
    // lines at NEL, U+2028 and U+2029, which this reader does not; such text is left to the decoder.
    // Found by fuzzing (docs/fuzzing.md).
    guard yaml.unicodeScalars.allSatisfy(isOrdinary) else { return nil }
    // ASCII text (nearly every front matter) is read byte by byte; anything else by characters, so
    // that combining marks and other graphemes are judged exactly as YAML and Swift see them.
    guard yaml.utf8.allSatisfy({ $0 < 0x80 }) else { return decodeCharacters(yaml) }
    var text = yaml
    return text.withUTF8 { decodeASCII($0) }
  }

  /// The reader for any text, one `Character` at a time.
  static func decodeCharacters(_ yaml: String) -> FrontMatter? {
    var values: [String: String] = [:]
    var related: [DocumentID] = []
    for rawLine in yaml.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      var line = Substring(rawLine)
      if line.last == "\r" { line = line.dropLast() }
      if line.allSatisfy({ $0 == " " }) || line.first == "#" { continue }
      guard let first = line.first, first.isLetter, !line.contains("\t") else { return nil }
      guard let colon = line.firstIndex(of: ":") else { return nil }
      let key = String(line[..<colon])
      guard FrontMatter.CodingKeys(rawValue: key) != nil, values[key] == nil else { return nil }
      let value = line[line.index(after: colon)...]
      guard value.first == " " else { return nil }
      let trimmed = trim(value)
      if key == "related" {
        guard let ids = flowSequence(trimmed) else { return nil }
        related = ids
        values[key] = ""
        continue
      }
      guard isPlain(trimmed) else { return nil }
      values[key] = String(trimmed)
    }
    return frontMatter(values: values, related: related)
  }

  /// The same reader for ASCII text, on bytes: in ASCII every character is one byte, except `\r\n`,
  /// which is handled where a line ends.
  static func decodeASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> FrontMatter? {
    var values: [String: String] = [:]
    var related: [DocumentID] = []
    var lineStart = 0
    while true {
      var lineEnd = lineStart
      while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
      defer { lineStart = lineEnd + 1 }
      var end = lineEnd
      // `\r\n` ends a line as one character; then, as for the character reader, one more `\r` goes.
      if lineEnd < bytes.count, end > lineStart, bytes[end - 1] == carriageReturn { end -= 1 }
      if end > lineStart, bytes[end - 1] == carriageReturn { end -= 1 }
      let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
      if line.allSatisfy({ $0 == space }) || line.first == UInt8(ascii: "#") {
        if lineEnd == bytes.count { break }
        continue
      }
      guard let first = line.first, (first | 0x20) &- UInt8(ascii: "a") < 26, !line.contains(tab),
        let colon = line.firstIndex(of: UInt8(ascii: ":"))
      else { return nil }
      let key = String(decoding: UnsafeBufferPointer(rebasing: line[..<colon]), as: UTF8.self)
      guard FrontMatter.CodingKeys(rawValue: key) != nil, values[key] == nil else { return nil }
      let value = UnsafeBufferPointer(rebasing: line[(colon + 1)...])
      guard value.first == space else { return nil }
      let trimmed = trim(value)
      if key == "related" {
        guard let ids = flowSequence(trimmed) else { return nil }
        related = ids
        values[key] = ""
      } else {
        guard isPlain(trimmed) else { return nil }
        values[key] = String(decoding: trimmed, as: UTF8.self)
      }
      if lineEnd == bytes.count { break }
    }
    return frontMatter(values: values, related: related)
  }

  /// YAML 1.1's printable characters (tab, LF, CR, and everything from space up except DEL, the C1
  /// controls and U+FFFE/U+FFFF), less the line breaks only YAML knows (NEL, U+2028, U+2029) and the BOM.
  private static func isOrdinary(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2028, 0x2029, 0xFEFF: return false
    case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }

  private static let newline = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")
  private static let space = UInt8(ascii: " ")
  private static let tab = UInt8(ascii: "\t")

  private static func frontMatter(values: [String: String], related: [DocumentID]) -> FrontMatter? {
    guard let idText = values["id"], let id = DocumentID(idText), let title = values["title"],
      let type = values["type"], let owner = values["owner"]
    else { return nil }
    var status = DocumentStatus.active
    if let text = values["status"] {
      guard let parsed = DocumentStatus(rawValue: text) else { return nil }
      status = parsed
    }
    return FrontMatter(id: id, title: title, type: type, owner: owner, related: related, status: status)
  }

  private static func trim(_ text: Substring) -> Substring {
    var result = text
    while result.first == " " { result = result.dropFirst() }
    while result.last == " " { result = result.dropLast() }
    return result
  }

  /// A scalar YAML reads as exactly its text: no indicators, comments, nulls or mapping separators.
  private static func isPlain(_ value: Substring) -> Bool {
    guard let first = value.first else { return false }
    if "[]{}&*!|>'\"%@`#,?-:~".contains(first) { return false }
    if value.contains(": ") || value.contains(" #") || value.last == ":" { return false }
    if value == "null" || value == "Null" || value == "NULL" { return false }
    return true
  }

  /// `[A, B]` of plain ids, or nil.
  private static func flowSequence(_ value: Substring) -> [DocumentID]? {
    guard value.first == "[", value.last == "]" else { return nil }
    let inner = trim(value.dropFirst().dropLast())
    if inner.isEmpty { return [] }
    var ids: [DocumentID] = []
    for part in inner.split(separator: ",", omittingEmptySubsequences: false) {
      guard let id = DocumentID(String(trim(part))) else { return nil }
      ids.append(id)
    }
    return ids
  }

  private static func trim(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = text.count
    while start < end, text[start] == space { start += 1 }
    while end > start, text[end - 1] == space { end -= 1 }
    return UnsafeBufferPointer(rebasing: text[start..<end])
  }

  /// `isPlain(_:)` for ASCII bytes.
  private static func isPlain(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = value.first else { return false }
    if indicators.contains(first) { return false }
    for index in value.indices.dropLast() {
      let pair = (value[index], value[index + 1])
      if pair == (UInt8(ascii: ":"), space) || pair == (space, UInt8(ascii: "#")) { return false }
    }
    if value.last == UInt8(ascii: ":") { return false }
    return !nulls.contains { $0.elementsEqual(value) }
  }

  private static let indicators = Set("[]{}&*!|>'\"%@`#,?-:~".utf8)
  private static let nulls = ["null", "Null", "NULL"].map { Array($0.utf8) }

  /// `flowSequence(_:)` for ASCII bytes.
  private static func flowSequence(_ value: UnsafeBufferPointer<UInt8>) -> [DocumentID]? {
    guard value.first == UInt8(ascii: "["), value.last == UInt8(ascii: "]"), value.count >= 2 else { return nil }
    let inner = trim(UnsafeBufferPointer(rebasing: value[1..<(value.count - 1)]))
    if inner.isEmpty { return [] }
    var ids: [DocumentID] = []
    for part in inner.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
      let text = String(decoding: trim(UnsafeBufferPointer(rebasing: part)), as: UTF8.self)
      guard let id = DocumentID(text) else { return nil }
      ids.append(id)
    }
    return ids
  }
}
