/// A fast reader for the plain front matter nearly every document has: `key: value` lines, comments,
/// and `related: [A, B]`.
///
/// Parsing 5,000 documents through a full YAML parser costs seconds; this costs milliseconds. It returns
/// nil for anything outside that plain subset (quotes, block lists, anchors, unknown or missing keys,
/// odd values), and the caller then uses the full YAML decoder, which also produces the precise errors.
/// For input it accepts, it gives exactly what the YAML decoder gives.
enum PlainFrontMatter {
  static func decode(_ yaml: String) -> FrontMatter? {
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
}
