import Foundation

/// The files a document's body links or embeds with a relative path: its attachments (docs/approvals.md,
/// "Attachments"). A byte scanner rather than the Markdown parser, because the history walk asks it of every
/// approved content and status of every document: it must cost next to nothing on text without links.
public enum AttachmentLinks {
  /// The largest attachment sop approves and publishes, as for documents: 10 MiB.
  public static let sizeLimit = 10 * 1_048_576

  /// A relative link target in the body, as written, with the line it is on.
  public struct Target: Sendable, Hashable {
    /// The target as written (after `<…>` brackets and `?query`/`#fragment` are removed, escapes decoded).
    public var path: String
    /// The 1-based line in the body.
    public var line: Int
  }

  /// Relative link and image targets in `body`, in order of appearance, outside code.
  public static func targets(in body: String) -> [Target] {
    let bytes = Array(body.utf8)
    // Most documents link nothing: leave before any per-line work.
    guard bytes.contains(UInt8(ascii: "]")) || bytes.contains(UInt8(ascii: "<")) else { return [] }
    var found: [Target] = []
    var line = 0
    var inFence = false
    for raw in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      line += 1
      let text = Array(raw)
      let trimmed = text.drop { $0 == UInt8(ascii: " ") }
      if trimmed.starts(with: Array("```".utf8)) || trimmed.starts(with: Array("~~~".utf8)) {
        inFence.toggle()
        continue
      }
      if inFence || text.starts(with: Array("    ".utf8)) || text.first == UInt8(ascii: "\t") { continue }
      for destination in destinations(in: text) {
        if let path = relativePath(destination) { found.append(Target(path: path, line: line)) }
      }
    }
    return found
  }

  /// Link destinations on one line: `](dest)`, `[label]: dest` and `<img src="dest">`, outside code spans.
  static func destinations(in line: [UInt8]) -> [[UInt8]] {
    var result: [[UInt8]] = []
    var index = 0
    var inCode = false
    // A reference definition: `[label]: dest` at the start of the line.
    if let first = line.firstIndex(where: { $0 != UInt8(ascii: " ") }), line[first] == UInt8(ascii: "["),
      let close = line[first...].firstIndex(of: UInt8(ascii: "]")), close + 1 < line.count,
      line[close + 1] == UInt8(ascii: ":")
    {
      let rest = line[(close + 2)...].drop { $0 == UInt8(ascii: " ") }
      result.append(destination(Array(rest)))
      return result
    }
    while index < line.count {
      let byte = line[index]
      if byte == UInt8(ascii: "`") {
        inCode.toggle()
      } else if !inCode, byte == UInt8(ascii: "]"), index + 1 < line.count, line[index + 1] == UInt8(ascii: "(") {
        result.append(destination(Array(line[(index + 2)...])))
      } else if !inCode, byte == UInt8(ascii: "<"), let source = imageSource(line, from: index) {
        result.append(source)
      }
      index += 1
    }
    return result
  }

  /// The destination at the start of `text`: `<…>`, or up to whitespace or an unbalanced `)`.
  private static func destination(_ text: [UInt8]) -> [UInt8] {
    if text.first == UInt8(ascii: "<") {
      return Array(text.dropFirst().prefix { $0 != UInt8(ascii: ">") })
    }
    var depth = 0
    var end = 0
    while end < text.count {
      let byte = text[end]
      if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { break }
      if byte == UInt8(ascii: "(") { depth += 1 }
      if byte == UInt8(ascii: ")") {
        if depth == 0 { break }
        depth -= 1
      }
      end += 1
    }
    return Array(text[..<end])
  }

  /// The `src` of an `<img …>` tag starting at `start`.
  private static func imageSource(_ line: [UInt8], from start: Int) -> [UInt8]? {
    let rest = line[start...]
    let lower = rest.prefix(400).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    guard lower.starts(with: Array("<img".utf8)), let end = lower.firstIndex(of: UInt8(ascii: ">")) else { return nil }
    let tag = Array(lower[..<end])
    let original = Array(rest.prefix(end))
    guard let at = find(Array("src=".utf8), in: tag) else { return nil }
    var index = at + 4
    guard index < original.count else { return nil }
    let quote = original[index]
    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
      index += 1
      return Array(original[index...].prefix { $0 != quote })
    }
    return Array(original[index...].prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: ">") })
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where haystack[start..<(start + needle.count)].elementsEqual(needle) {
      return start
    }
    return nil
  }

  /// The relative path a destination names, or nil for a URL with a scheme, an absolute path, a bare
  /// fragment or query, or an empty one.
  public static func relativePath(_ destination: [UInt8]) -> String? {
    var text = String(decoding: destination, as: UTF8.self)
    if let cut = text.firstIndex(where: { $0 == "#" || $0 == "?" }) { text = String(text[..<cut]) }
    guard !text.isEmpty, !text.hasPrefix("/"), !text.hasPrefix("\\") else { return nil }
    // A scheme: letters, digits, + . - before the first colon, and no slash before it (`C:` too).
    if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/") { return nil }
    return text.removingPercentEncoding ?? text
  }

  /// `target` resolved against the folder of `documentPath`, as a repository path; nil when it leaves the
  /// repository.
  public static func resolve(_ target: String, from documentPath: String) -> String? {
    var parts = documentPath.split(separator: "/").dropLast().map(String.init)
    for component in target.split(separator: "/", omittingEmptySubsequences: true) {
      switch component {
      case ".": continue
      case "..":
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      default: parts.append(String(component))
      }
    }
    return parts.isEmpty ? nil : parts.joined(separator: "/")
  }

  /// The repository paths of the non-Markdown files `body` (of the document at `documentPath`) refers to,
  /// sorted and without repeats; targets that leave the repository are left out (lint reports them).
  public static func candidatePaths(body: String, documentPath: String) -> [String] {
    let paths = targets(in: body).compactMap { resolve($0.path, from: documentPath) }
      .filter { !$0.lowercased().hasSuffix(".md") }
    return Array(Set(paths)).sorted()
  }
}
