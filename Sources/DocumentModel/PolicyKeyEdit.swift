import Foundation

/// Adds a public key to one person of `sop.yml`, editing the text so that comments, order and layout stay as
/// the quality manager wrote them (a YAML round trip would drop every comment).
///
/// The edit is checked by decoding the result: the caller gets nil, never a half-edited file, when the
/// layout is one this does not handle (flow-style lists, anchors, a person written on one line).
public enum PolicyKeyEdit {
  /// `yaml` with `keyLine` added to the keys of the person whose email is `email`; a person not listed is
  /// added at the end of `people:` with `name` and no roles. Nil when the result would not decode to a policy
  /// in which that person has that key.
  public static func addingKey(_ keyLine: String, email: String, name: String, to yaml: String) -> String? {
    guard !keyLine.contains("\""), !keyLine.contains("\n") else { return nil }
    var lines = yaml.components(separatedBy: "\n")
    guard let peopleLine = lines.firstIndex(where: { $0.hasPrefix("people:") }) else { return nil }
    let blockEnd =
      lines.indices.dropFirst(peopleLine + 1).first { index in
        let line = lines[index]
        return !line.isEmpty && !line.hasPrefix(" ") && !line.hasPrefix("#") && !line.hasPrefix("-")
      } ?? lines.count
    let entries = entryStarts(lines, in: (peopleLine + 1)..<blockEnd)
    let quotedKey = "\"\(keyLine)\""
    if let start = entries.first(where: { entryEmail(lines, from: $0.line, to: blockEnd) == email.lowercased() }) {
      let end = entries.first(where: { $0.line > start.line })?.line ?? blockEnd
      let body = start.column + 2
      let pad = String(repeating: " ", count: body)
      if let keys = (start.line..<end).first(where: { lines[$0].dropFirst(body).hasPrefix("keys:") }) {
        let rest = lines[keys].dropFirst(body + "keys:".count).trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("["), rest.hasSuffix("]") {
          // A flow list stays one: `keys: ["a"]` becomes `keys: ["a", "b"]`.
          let inner = rest.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
          lines[keys] = pad + "keys: [" + (inner.isEmpty ? quotedKey : inner + ", " + quotedKey) + "]"
        } else {
          guard rest.isEmpty || rest.hasPrefix("#") else { return nil }
          var last = keys
          while last + 1 < end, lines[last + 1].hasPrefix(pad + " ") || lines[last + 1].hasPrefix(pad + "-") {
            last += 1
          }
          let itemPad = last > keys ? String(lines[last].prefix { $0 == " " }) : pad + "  "
          lines.insert(itemPad + "- " + quotedKey, at: last + 1)
        }
      } else {
        let last = lastLine(of: lines, from: start.line, before: end, indent: body)
        lines.insert(contentsOf: [pad + "keys:", pad + "  - " + quotedKey], at: last + 1)
      }
    } else {
      let dash = String(repeating: " ", count: entries.first?.column ?? 2)
      let last = lastLine(of: lines, from: peopleLine, before: blockEnd, indent: dash.count + 1)
      lines.insert(
        contentsOf: [
          dash + "- email: " + quoted(email), dash + "  name: " + quoted(name), dash + "  roles: []", dash + "  keys:",
          dash + "    - " + quotedKey,
        ], at: last + 1)
    }
    let result = lines.joined(separator: "\n")
    guard let policy = try? Policy.decode(yaml: result), let person = policy.person(email: email),
      person.keys.contains(where: { keyLineWithoutComment($0) == keyLineWithoutComment(keyLine) })
    else { return nil }
    return result
  }

  /// The last line of an entry or block that starts at `start` and ends before `end`: blank lines and comments
  /// less indented than `indent` at its end belong to what follows (the next section's heading comment).
  private static func lastLine(of lines: [String], from start: Int, before end: Int, indent: Int) -> Int {
    var last = end - 1
    while last > start {
      let line = lines[last]
      let trimmed = line.drop { $0 == " " }
      let isBlank = trimmed.trimmingCharacters(in: .whitespaces).isEmpty
      let isOuterComment = trimmed.hasPrefix("#") && line.count - trimmed.count < indent
      guard isBlank || isOuterComment else { break }
      last -= 1
    }
    return last
  }

  /// The `- ` lines that start an entry of the people list, with the column of the dash.
  private static func entryStarts(_ lines: [String], in range: Range<Int>) -> [(line: Int, column: Int)] {
    let columns = range.compactMap { index -> (Int, Int)? in
      let line = lines[index]
      let indent = line.prefix { $0 == " " }.count
      return line.dropFirst(indent).hasPrefix("- ") ? (index, indent) : nil
    }
    guard let outer = columns.map(\.1).min() else { return [] }
    return columns.filter { $0.1 == outer }.map { (line: $0.0, column: $0.1) }
  }

  /// The email an entry names on its own `email:` line, lower-cased, unquoted.
  private static func entryEmail(_ lines: [String], from start: Int, to end: Int) -> String? {
    for index in start..<end {
      var text = Substring(lines[index]).drop { $0 == " " }
      if index == start { text = text.dropFirst(2).drop { $0 == " " } }
      guard text.hasPrefix("email:") else { continue }
      let value = text.dropFirst("email:".count).trimmingCharacters(in: .whitespaces)
      return value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
    }
    return nil
  }

  /// A YAML double-quoted scalar.
  private static func quoted(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      default: escaped.append(character.isNewline ? " " : character)
      }
    }
    return "\"\(escaped)\""
  }

  private static func keyLineWithoutComment(_ line: String) -> String {
    line.split(separator: " ").prefix(2).joined(separator: " ")
  }
}
