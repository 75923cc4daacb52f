import Foundation

/// Whether a document is in use or withdrawn.
public enum DocumentStatus: String, Sendable, Codable, Hashable {
  /// In use (the default).
  case active
  /// Withdrawn; once approved, the document leaves the effective set.
  case obsolete
}

/// The YAML front matter of a controlled document. Revisions, approvers and dates are never here:
/// they come from git history.
public struct FrontMatter: Sendable, Codable, Hashable {
  /// The document's unique id, e.g. `QP-004`.
  public var id: DocumentID
  /// The document's title.
  public var title: String
  /// The document type, a key of `types` in `sop.yml`.
  public var type: String
  /// The email of the person who owns the document.
  public var owner: String
  /// Ids of related documents.
  public var related: [DocumentID]
  /// Active (default) or obsolete.
  public var status: DocumentStatus

  /// Creates front matter.
  public init(
    id: DocumentID, title: String, type: String, owner: String, related: [DocumentID] = [],
    status: DocumentStatus = .active
  ) {
    self.id = id
    self.title = title
    self.type = type
    self.owner = owner
    self.related = related
    self.status = status
  }

  enum CodingKeys: String, CodingKey, CaseIterable, Sendable {
    case id, title, type, owner, related, status
  }

  /// Decodes front matter; `related` and `status` are optional, the rest required and non-empty.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(DocumentID.self, forKey: .id)
    title = try Self.nonEmpty(container, .title)
    type = try Self.nonEmpty(container, .type)
    owner = try Self.nonEmpty(container, .owner)
    related = try container.decodeIfPresent([DocumentID].self, forKey: .related) ?? []
    let statusText = try container.decodeIfPresent(String.self, forKey: .status)
    guard let status = statusText.map({ DocumentStatus(rawValue: $0) }) ?? .active else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: container.codingPath + [CodingKeys.status],
          debugDescription: "'\(statusText ?? "")' is not a status; use active (the default) or obsolete "
            + "(withdrawn)"))
    }
    self.status = status
  }

  private static func nonEmpty(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> String {
    let value = try container.decode(String.self, forKey: key).trimmingCharacters(in: .whitespaces)
    guard !value.isEmpty else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: container.codingPath + [key], debugDescription: "must not be empty"))
    }
    return value
  }

  /// Keys people often add by hand that sop derives from git instead.
  static let derivedKeyHints: [String: String] = {
    let hint = "revisions, approvers, states and dates come from git history; remove this key"
    let keys = [
      "revision", "rev", "version", "approved", "approved-by", "approver", "approvers", "approval-date",
      "date", "effective-date", "effective", "state", "issue", "review-date",
    ]
    return Dictionary(uniqueKeysWithValues: keys.map { ($0, hint) })
  }()

  static let shape = YAMLShape.mapping([
    "id": .scalar, "title": .scalar, "type": .scalar, "owner": .scalar, "related": .sequence(of: .scalar),
    "status": .scalar,
  ])

  /// Decodes front-matter YAML; `lineOffset` is the file line just before the YAML's first line.
  public static func decode(yaml: String, path: String, lineOffset: Int) throws(DocumentModelError) -> FrontMatter {
    if let plain = PlainFrontMatter.decode(yaml) { return plain }
    let decoder = TypedYAML(path: path, lineOffset: lineOffset)
    return try decoder.decode(FrontMatter.self, from: yaml, shape: shape, hints: derivedKeyHints)
  }
}

/// A document file split into its front-matter YAML and its Markdown body, with line numbers kept.
public struct DocumentText: Sendable {
  /// The largest file sop reads as a document.
  public static let sizeLimit = 10 * 1_048_576

  /// The file's path relative to the repository root.
  public let path: String
  /// The YAML between the `---` lines.
  public let frontMatterYAML: String
  /// The file line just before the YAML's first line (the opening `---`).
  public let frontMatterLineOffset: Int
  /// The Markdown after the closing `---`.
  public let body: String
  /// Lines before the body: add it to a body line number to get the file line.
  public let bodyLineOffset: Int

  /// Splits raw file bytes, refusing binary, non-UTF-8, empty, oversized and unclosed files.
  public init(path: String, data: Data) throws(DocumentModelError) {
    guard data.count <= Self.sizeLimit else {
      throw .tooLarge(path: path, bytes: data.count, limit: Self.sizeLimit)
    }
    guard !data.isEmpty else { throw .empty(path: path) }
    // memchr: Data's generic iterator costs more than the rest of the split on a large corpus.
    let hasNUL = data.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false }
    if hasNUL { throw .binary(path: path) }
    guard var text = String(data: data, encoding: .utf8) else {
      throw .notUTF8(path: path, line: Self.firstInvalidLine(data))
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    if let fast = Self.fastSplit(text) {
      self.init(path: path, yaml: fast.yaml, body: fast.body, bodyLineOffset: fast.bodyLineOffset)
      return
    }
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .empty(path: path) }
    try self.init(path: path, text: text)
  }

  private init(path: String, yaml: String, body: String, bodyLineOffset: Int) {
    self.path = path
    frontMatterYAML = yaml
    frontMatterLineOffset = 1
    self.body = body
    self.bodyLineOffset = bodyLineOffset
  }

  /// The split of an ordinary file (LF line ends, ASCII fence lines) over UTF-8 bytes, or nil.
  ///
  /// Splitting by `Character` costs about 0.5 ms for a 900-word file, more than parsing its Markdown;
  /// this byte scan gives the same split for ordinary files, and everything else takes the slow path.
  static func fastSplit(_ text: String) -> (yaml: String, body: String, bodyLineOffset: Int)? {
    var text = text
    return text.withUTF8 { bytes -> (yaml: String, body: String, bodyLineOffset: Int)? in
      guard !bytes.isEmpty, !bytes.contains(0x0D) else { return nil }
      func lineEnd(from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        return index
      }
      // true: a `---` line; false: another line; nil: non-ASCII spacing the slow path must judge.
      func isFence(_ start: Int, _ end: Int) -> Bool? {
        var low = start
        var high = end
        while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
        while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 { high -= 1 }
        if high - low == 3, bytes[low] == 0x2D, bytes[low + 1] == 0x2D, bytes[low + 2] == 0x2D { return true }
        for index in start..<end where bytes[index] >= 0x80 { return nil }
        return false
      }
      let firstEnd = lineEnd(from: 0)
      guard isFence(0, firstEnd) == true, firstEnd < bytes.count else { return nil }
      var lineStart = firstEnd + 1
      var lineNumber = 2
      while lineStart < bytes.count {
        let end = lineEnd(from: lineStart)
        let isDots =
          end - lineStart == 3 && bytes[lineStart] == 0x2E && bytes[lineStart + 1] == 0x2E
          && bytes[lineStart + 2] == 0x2E
        guard let fence = isFence(lineStart, end) else { return nil }
        if fence || isDots {
          let yamlEnd = max(firstEnd + 1, lineStart - 1)
          let yaml = String(decoding: bytes[(firstEnd + 1)..<yamlEnd], as: UTF8.self)
          var body = ""
          if end + 1 < bytes.count {
            body = String(decoding: bytes[(end + 1)...], as: UTF8.self)
            if bytes[bytes.count - 1] != 0x0A { body += "\n" }
          }
          return (yaml, body, lineNumber)
        }
        lineStart = end + 1
        lineNumber += 1
      }
      return nil
    }
  }

  /// Splits already-decoded text.
  public init(path: String, text: String) throws(DocumentModelError) {
    self.path = path
    // "\r\n" is one Character in Swift, so split on both to read Windows line endings.
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    if lines.last == "" { lines.removeLast() }
    func isFence(_ line: Substring) -> Bool {
      let trimmed = line.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
      return trimmed == "---"
    }
    guard let first = lines.first, isFence(first) else { throw .missingFrontMatter(path: path) }
    guard let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || lines[$0] == "..." })
    else { throw .unclosedFrontMatter(path: path, line: 1) }
    frontMatterYAML = lines[1..<closing].joined(separator: "\n")
    frontMatterLineOffset = 1
    body = lines[(closing + 1)...].joined(separator: "\n") + (closing + 1 < lines.count ? "\n" : "")
    bodyLineOffset = closing + 1
  }

  /// Decodes the front matter.
  public func frontMatter() throws(DocumentModelError) -> FrontMatter {
    try FrontMatter.decode(yaml: frontMatterYAML, path: path, lineOffset: frontMatterLineOffset)
  }

  private static func firstInvalidLine(_ data: Data) -> Int {
    var line = 1
    var start = data.startIndex
    for index in data.indices where data[index] == UInt8(ascii: "\n") {
      if String(data: data[start..<index], encoding: .utf8) == nil { return line }
      line += 1
      start = index + 1
    }
    return line
  }
}

/// A document read from a file: its path, front matter and Markdown body.
public struct ParsedDocument: Sendable {
  /// The path relative to the repository root.
  public let path: String
  /// The decoded front matter.
  public let frontMatter: FrontMatter
  /// The split text.
  public let text: DocumentText

  /// Parses a document from its bytes.
  public init(path: String, data: Data) throws(DocumentModelError) {
    self.path = path
    text = try DocumentText(path: path, data: data)
    frontMatter = try text.frontMatter()
  }
}
