/// Why a document, a template or `sop.yml` could not be read, written for the person who must fix it.
public enum DocumentModelError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file is not valid UTF-8 text.
  case notUTF8(path: String, line: Int)
  /// The file contains NUL bytes: it is binary, whatever its name.
  case binary(path: String)
  /// The file is empty.
  case empty(path: String)
  /// The file is larger than sop reads.
  case tooLarge(path: String, bytes: Int, limit: Int)
  /// The file does not start with a `---` front-matter block.
  case missingFrontMatter(path: String)
  /// The front-matter block opened at `line` never closes with `---`.
  case unclosedFrontMatter(path: String, line: Int)
  /// The YAML could not be parsed.
  case malformedYAML(path: String, line: Int, column: Int, problem: String)
  /// A required key is absent.
  case missingKey(path: String, line: Int, key: String)
  /// A key sop does not know (often a typo).
  case unknownKey(path: String, line: Int, key: String, hint: String?)
  /// A key has a value of the wrong kind or outside its rules.
  case invalidValue(path: String, line: Int, key: String, problem: String)

  /// The file the error is about.
  public var path: String {
    switch self {
    case .notUTF8(let path, _), .binary(let path), .empty(let path), .tooLarge(let path, _, _),
      .missingFrontMatter(let path), .unclosedFrontMatter(let path, _),
      .malformedYAML(let path, _, _, _), .missingKey(let path, _, _), .unknownKey(let path, _, _, _),
      .invalidValue(let path, _, _, _):
      return path
    }
  }

  /// The 1-based line the error points at (1 when it concerns the whole file).
  public var line: Int {
    switch self {
    case .binary, .empty, .tooLarge, .missingFrontMatter: return 1
    case .notUTF8(_, let line), .unclosedFrontMatter(_, let line), .malformedYAML(_, let line, _, _),
      .missingKey(_, let line, _), .unknownKey(_, let line, _, _), .invalidValue(_, let line, _, _):
      return line
    }
  }

  /// The column the error points at, where known.
  public var column: Int {
    if case .malformedYAML(_, _, let column, _) = self { return column }
    return 1
  }

  /// The key the error is about, where there is one.
  public var key: String? {
    switch self {
    case .missingKey(_, _, let key), .unknownKey(_, _, let key, _), .invalidValue(_, _, let key, _):
      return key
    default: return nil
    }
  }

  /// The message without the `path:line:` prefix.
  public var message: String {
    switch self {
    case .notUTF8: return "the file is not UTF-8 text"
    case .binary: return "the file is binary (it contains NUL bytes), not Markdown"
    case .empty: return "the file is empty; a document starts with a --- front-matter block"
    case .tooLarge(let path, let bytes, let limit):
      let kind = path.hasSuffix("sop.yml") ? "sop.yml" : "documents"
      let size = bytes >= 2 * 1_048_576 ? "\(bytes / 1_048_576) MiB" : "\(bytes) bytes"
      return "the file is \(size); sop reads \(kind) up to \(limit / 1_048_576) MiB (\(limit) bytes)"
    case .missingFrontMatter:
      return "no front matter: a document starts with a line '---', its YAML keys, and a closing '---'; "
        + "if this file is not a controlled document, leave it out with documents: in sop.yml"
    case .unclosedFrontMatter:
      return "the front matter opened here never closes: add a line '---' after the last key"
    case .malformedYAML(_, _, _, let problem): return "malformed YAML: \(problem)"
    case .missingKey(_, _, let key): return "missing required key '\(key)'"
    case .unknownKey(_, _, let key, let hint):
      return "unknown key '\(key)'" + (hint.map { "; \($0)" } ?? "")
    case .invalidValue(_, _, let key, let problem): return "invalid value for '\(key)': \(problem)"
    }
  }

  /// `path:line:column: message`, the form editors and CI logs understand.
  public var description: String { "\(path):\(line):\(column): \(message)" }
}
