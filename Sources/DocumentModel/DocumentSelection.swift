/// Decides which repository paths are controlled documents.
///
/// Every `*.md` is a document except `README.md`, `CHANGELOG.md` and anything under `templates/`;
/// when `sop.yml` lists `documents` globs, a path must also match one of them.
public struct DocumentSelection: Sendable {
  /// The globs from `sop.yml`, or nil for every Markdown file.
  public let patterns: [String]?

  /// Creates a selection from the policy's `documents` globs.
  public init(patterns: [String]?) {
    self.patterns = patterns
  }

  /// Whether `path` (relative, `/`-separated) is a controlled document.
  public func includes(_ path: String) -> Bool {
    guard path.hasSuffix(".md") else { return false }
    // The name after the last "/" (by Characters, as splitting the path took it; a path ending in ".md" has
    // one), found from the end: splitting made an array of every segment of every path asked about, and
    // status asks about every file at the tip twice and every changed path in history.
    let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
    if name == "README.md" || name == "CHANGELOG.md" || path.hasPrefix("templates/") { return false }
    guard let patterns, !patterns.isEmpty else { return true }
    return patterns.contains { Glob.matches(pattern: $0, path: path) }
  }
}

/// Minimal glob matching: `*` within a path segment, `**` across segments, `?` one character.
public enum Glob {
  /// Whether `path` matches `pattern`.
  public static func matches(pattern: String, path: String) -> Bool {
    let patternParts = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    let pathParts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    // Dynamic programming over segments avoids exponential backtracking on many `**`.
    var reachable = Array(repeating: false, count: pathParts.count + 1)
    reachable[0] = true
    for part in patternParts {
      var next = Array(repeating: false, count: pathParts.count + 1)
      if part == "**" {
        var seen = false
        for index in 0...pathParts.count {
          seen = seen || reachable[index]
          next[index] = seen
        }
      } else {
        for index in 0..<pathParts.count where reachable[index] && segmentMatches(part, pathParts[index]) {
          next[index + 1] = true
        }
      }
      reachable = next
    }
    return reachable[pathParts.count]
  }

  private static func segmentMatches(_ pattern: String, _ text: String) -> Bool {
    let p = Array(pattern)
    let t = Array(text)
    var pi = 0
    var ti = 0
    var star: Int?
    var mark = 0
    while ti < t.count {
      if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
        pi += 1
        ti += 1
      } else if pi < p.count, p[pi] == "*" {
        star = pi
        mark = ti
        pi += 1
      } else if let star {
        pi = star + 1
        mark += 1
        ti = mark
      } else {
        return false
      }
    }
    while pi < p.count, p[pi] == "*" { pi += 1 }
    return pi == p.count
  }
}
