import Foundation
import Yams

/// The shape a YAML node must have; used to reject unknown keys before decoding, with their line.
indirect enum YAMLShape: Sendable {
  /// A mapping with these known keys (and their shapes).
  case mapping([String: YAMLShape])
  /// A mapping whose keys are free (type names, rule ids), each value of one shape.
  case dictionary(of: YAMLShape)
  /// A sequence of values of one shape.
  case sequence(of: YAMLShape)
  /// A single scalar.
  case scalar
  /// A scalar or a sequence of scalars.
  case scalarOrSequence
  /// A scalar, or a mapping of free keys to scalars (rule settings, checked by their owner).
  case scalarOrDictionary
  /// A scalar, or a value of the given shape (a key line, or a key with its revocation).
  case scalarOr(YAMLShape)
  /// A sequence of scalars, or a value of the given shape (`training: {site: [WI-001]}` or `{types: […]}`).
  case scalarsOr(YAMLShape)
}

/// Decodes YAML into typed Codable values, turning every failure into a `DocumentModelError` with a line.
struct TypedYAML {
  /// The file being decoded, for messages.
  let path: String
  /// Added to YAML line numbers (front matter starts after the opening `---`).
  let lineOffset: Int
  /// How many nodes the check may visit: stops alias bombs, which expand as they are walked.
  var nodeBudget = 20_000

  /// Parses, checks the shape, then decodes `T`.
  func decode<T: Decodable>(_ type: T.Type, from yaml: String, shape: YAMLShape, hints: [String: String] = [:])
    throws(DocumentModelError) -> T
  {
    let root: Node
    do {
      guard let composed = try Yams.compose(yaml: yaml) else {
        throw DocumentModelError.missingKey(path: path, line: 1 + lineOffset, key: firstRequiredKey(shape))
      }
      root = composed
    } catch let error as DocumentModelError {
      throw error
    } catch let error as YamlError {
      throw yamlError(error)
    } catch {
      throw .malformedYAML(path: path, line: 1 + lineOffset, column: 1, problem: "\(error)")
    }
    var budget = nodeBudget
    try check(root, against: shape, keyPath: [], budget: &budget, hints: hints)
    do {
      return try YAMLDecoder().decode(T.self, from: root)
    } catch let error as DocumentModelError {
      throw error
    } catch let error as DecodingError {
      throw decodingError(error, root: root)
    } catch {
      throw .malformedYAML(path: path, line: 1 + lineOffset, column: 1, problem: "\(error)")
    }
  }

  private func firstRequiredKey(_ shape: YAMLShape) -> String {
    if case .mapping(let keys) = shape { return keys.keys.sorted().first ?? "?" }
    return "?"
  }

  private func line(_ node: Node) -> Int { (node.mark?.line ?? 1) + lineOffset }

  private func check(
    _ node: Node, against shape: YAMLShape, keyPath: [String], budget: inout Int, hints: [String: String]
  ) throws(DocumentModelError) {
    budget -= 1
    let name = keyPath.isEmpty ? "(top level)" : keyPath.joined(separator: ".")
    guard budget > 0 else {
      throw .malformedYAML(
        path: path, line: line(node), column: node.mark?.column ?? 1,
        problem: "too many YAML nodes (over \(nodeBudget)); aliases that expand exponentially are refused")
    }
    switch (shape, node) {
    case (.mapping(let known), .mapping(let mapping)):
      for (key, value) in mapping {
        let keyText = key.string ?? "\(key)"
        guard let valueShape = known[keyText] else {
          let hint = hints[keyText] ?? suggestion(for: keyText, among: Array(known.keys))
          throw .unknownKey(
            path: path, line: line(key), key: (keyPath + [keyText]).joined(separator: "."), hint: hint)
        }
        try check(value, against: valueShape, keyPath: keyPath + [keyText], budget: &budget, hints: hints)
      }
    case (.dictionary(let valueShape), .mapping(let mapping)):
      for (key, value) in mapping {
        try check(
          value, against: valueShape, keyPath: keyPath + [key.string ?? "?"], budget: &budget, hints: hints)
      }
    case (.sequence(let itemShape), .sequence(let sequence)):
      for (index, item) in sequence.enumerated() {
        try check(item, against: itemShape, keyPath: keyPath + ["\(index)"], budget: &budget, hints: hints)
      }
    case (.scalarOrSequence, .sequence(let sequence)):
      for (index, item) in sequence.enumerated() {
        try check(item, against: .scalar, keyPath: keyPath + ["\(index)"], budget: &budget, hints: hints)
      }
    case (.scalarsOr, .sequence(let sequence)):
      for (index, item) in sequence.enumerated() {
        try check(item, against: .scalar, keyPath: keyPath + ["\(index)"], budget: &budget, hints: hints)
      }
    case (.scalarsOr(let other), _):
      try check(node, against: other, keyPath: keyPath, budget: &budget, hints: hints)
    case (.scalarOrDictionary, .mapping(let mapping)):
      for (key, value) in mapping {
        try check(
          value, against: .scalar, keyPath: keyPath + [key.string ?? "?"], budget: &budget, hints: hints)
      }
    case (.scalar, .scalar), (.scalarOrSequence, .scalar), (.scalarOrDictionary, .scalar), (.scalarOr, .scalar):
      return
    case (.scalarOr(let other), _):
      try check(node, against: other, keyPath: keyPath, budget: &budget, hints: hints)
    case (_, .alias):
      throw .invalidValue(path: path, line: line(node), key: name, problem: "YAML aliases are not allowed")
    case (.mapping, _), (.dictionary, _):
      throw .invalidValue(path: path, line: line(node), key: name, problem: "expected a mapping of keys")
    case (.sequence, _):
      throw .invalidValue(path: path, line: line(node), key: name, problem: "expected a list, e.g. [a, b]")
    case (.scalar, _), (.scalarOrSequence, _), (.scalarOrDictionary, _):
      throw .invalidValue(path: path, line: line(node), key: name, problem: "expected a single value")
    }
  }

  /// Suggests the closest known key for a typo (edit distance ≤ 2).
  private func suggestion(for key: String, among known: [String]) -> String? {
    let best = known.map { ($0, editDistance(key, $0)) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
    guard let best, best.1 <= 2 else {
      return "known keys here: \(known.sorted().joined(separator: ", "))"
    }
    return "did you mean '\(best.0)'?"
  }

  private func yamlError(_ error: YamlError) -> DocumentModelError {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
      return .malformedYAML(
        path: path, line: mark.line + lineOffset, column: mark.column, problem: Self.plainWords(for: text))
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .malformedYAML(
        path: path, line: context.mark.line + lineOffset, column: context.mark.column,
        problem: "duplicate key \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", "))")
    default:
      return .malformedYAML(path: path, line: 1 + lineOffset, column: 1, problem: "\(error)")
    }
  }

  /// libyaml's phrases for the mistakes people make, in plain words with the fix; others are passed on.
  static func plainWords(for problem: String) -> String {
    let phrases: [(String, String)] = [
      (
        "mapping values are not allowed",
        "a value contains ': ' (a colon and a space); put the whole value in quotes, e.g. "
          + "title: \"Lifting: heavy loads\""
      ),
      (
        "found character that cannot start any token",
        "this character cannot start a value here (a tab for indenting, or a value starting with @ or `); "
          + "indent with spaces and quote values that start with a symbol"
      ),
      (
        "did not find expected key",
        "the indentation does not line up with the keys above, or a quote or bracket is not closed"
      ),
      (
        "did not find expected ',' or ']'",
        "a list in [ ] is not closed: add the ] (and quote items that contain a comma or colon)"
      ),
      (
        "did not find expected ',' or '}'",
        "a mapping in { } is not closed: add the } (and quote values that contain a comma or colon)"
      ),
      ("found unexpected end of stream", "a quote or bracket opened here is never closed"),
      ("could not find expected ':'", "a line here is not 'key: value'; add the colon, or quote the text"),
      (
        "block sequence entries are not allowed",
        "a '- item' list starts on the same line as its key; put the items on the lines below, indented"
      ),
    ]
    for (phrase, words) in phrases where problem.contains(phrase) { return words }
    return problem
  }

  private func node(at codingPath: [CodingKey], in root: Node) -> Node {
    var current = root
    for key in codingPath {
      if let index = key.intValue, let item = current.sequence?[index] {
        current = item
      } else if let value = current.mapping?[key.stringValue] {
        current = value
      } else {
        break
      }
    }
    return current
  }

  private func keyName(_ codingPath: [CodingKey]) -> String {
    codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
  }

  private func decodingError(_ error: DecodingError, root: Node) -> DocumentModelError {
    switch error {
    case .keyNotFound(let key, let context):
      let parent = node(at: context.codingPath, in: root)
      return .missingKey(
        path: path, line: line(parent), key: keyName(context.codingPath + [key]))
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      let target = node(at: context.codingPath, in: root)
      var problem = context.debugDescription
      if case .typeMismatch(let type, _) = error {
        problem = "expected \(type == String.self ? "text" : "\(type)".lowercased())"
      }
      return .invalidValue(path: path, line: line(target), key: keyName(context.codingPath), problem: problem)
    @unknown default:
      return .malformedYAML(path: path, line: 1 + lineOffset, column: 1, problem: "\(error)")
    }
  }
}

/// Levenshtein distance over UTF-8 bytes, for "did you mean" hints on typo'd keys and names.
public func editDistance(_ left: String, _ right: String) -> Int {
  let a = Array(left.utf8)
  let b = Array(right.utf8)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = previous
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}

extension KeyedDecodingContainer {
  /// A whole number written in decimal digits (an optional sign first), or nil when the key is absent.
  ///
  /// Decoded through its text: Yams reads YAML 1.1's base-60 integers (`1:2:3`) with arithmetic that
  /// traps on overflow, and `sop.yml` comes from commits anyone can make.
  func decodeWholeNumberIfPresent(forKey key: Key) throws -> Int? {
    guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
    let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
    guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: codingPath + [key], debugDescription: "'\(text)' is not a whole number"))
    }
    return value
  }

  /// A required whole number written in decimal digits; see `decodeWholeNumberIfPresent`.
  func decodeWholeNumber(forKey key: Key) throws -> Int {
    guard let value = try decodeWholeNumberIfPresent(forKey: key) else {
      throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
    }
    return value
  }
}
