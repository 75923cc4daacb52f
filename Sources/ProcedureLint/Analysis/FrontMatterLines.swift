import DocumentModel
import Foundation
import MarkdownSyntax

/// The front matter's raw lines, to point findings at a key's line even when the YAML does not decode.
struct FrontMatterLines: Sendable {
  private let lines: [Substring]
  /// The file line of the YAML's first line.
  private let firstLine: Int

  init(text: DocumentText) {
    lines = Self.lines(of: text.frontMatterYAML)
    firstLine = text.frontMatterLineOffset + 1
  }

  /// The lines of `yaml`, as `split(separator: "\n", omittingEmptySubsequences: false)` makes them, found
  /// by bytes: that split compares `Character`s, which cost more than the rest of a document's front
  /// matter work. A line feed after a carriage return is part of the `Character` "\r\n", not a "\n", so
  /// it does not end a line here either.
  static func lines(of yaml: String) -> [Substring] {
    let bytes = yaml.utf8
    var lines: [Substring] = []
    var lineStart = bytes.startIndex
    var previous: UInt8 = 0
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte == 0x0A, previous != 0x0D {
        lines.append(Substring(yaml.utf8[lineStart..<index]))
        lineStart = bytes.index(after: index)
      }
      previous = byte
      index = bytes.index(after: index)
    }
    lines.append(Substring(yaml.utf8[lineStart..<bytes.endIndex]))
    return lines
  }

  /// The index of the line holding top-level `key:`.
  private func lineIndex(ofKey key: String) -> Int? {
    lines.firstIndex { line in
      line.hasPrefix(key) && line.dropFirst(key.count).first == ":"
    }
  }

  /// Where the value of top-level `key` starts (or the key, when it has no value); nil when absent.
  func position(ofKey key: String) -> SourcePosition? {
    guard let index = lineIndex(ofKey: key) else { return nil }
    let line = lines[index]
    var column = key.utf8.count + 2
    for byte in line.utf8.dropFirst(key.utf8.count + 1) {
      guard byte == 0x20 || byte == 0x09 else { break }
      column += 1
    }
    if column > line.utf8.count { column = 1 }
    return SourcePosition(line: firstLine + index, column: column)
  }

  /// Where `needle` first appears at or after the line of top-level `key` (e.g. an id in `related:`).
  func position(of needle: String, afterKey key: String) -> SourcePosition? {
    guard let start = lineIndex(ofKey: key) else { return nil }
    for index in start..<lines.count {
      if index > start, let first = lines[index].first, first != " ", first != "\t", first != "-" { break }
      if let range = lines[index].range(of: needle) {
        let column = lines[index].utf8.distance(from: lines[index].startIndex, to: range.lowerBound) + 1
        return SourcePosition(line: firstLine + index, column: column)
      }
    }
    return position(ofKey: key)
  }

  /// The scalar value of top-level `key`, unquoted and without a trailing comment; nil when absent or empty.
  func value(ofKey key: String) -> String? {
    guard let index = lineIndex(ofKey: key) else { return nil }
    var value = lines[index].dropFirst(key.count + 1)
    if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
    var text = value.trimmingCharacters(in: .whitespaces)
    if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
      text = String(text.dropFirst().dropLast())
    }
    return text.isEmpty ? nil : text
  }
}
