import Foundation

/// `<!-- sop-lint-… -->` comments in a document and the findings they silence.
///
/// - `sop-lint-disable RULE…` silences the rules from its line until a matching `sop-lint-enable`;
/// - `sop-lint-disable-next-line RULE…` silences them on the next non-blank line;
/// - `sop-lint-disable-file RULE…` silences them in the whole file.
/// With no rule names a comment applies to every rule. Unknown rule names are ignored.
struct ControlComments: Sendable {
  /// What a comment asks for.
  enum Action: String, Sendable {
    case disable = "sop-lint-disable"
    case enable = "sop-lint-enable"
    case disableNextLine = "sop-lint-disable-next-line"
    case disableFile = "sop-lint-disable-file"
  }

  /// One control comment.
  struct Directive: Sendable {
    /// What it asks.
    var action: Action
    /// Rule ids; empty means every rule.
    var rules: [String]
    /// The file line where the comment starts.
    var line: Int
    /// The file line where it ends.
    var endLine: Int
  }

  /// Which rules are silenced from a line on.
  private struct State: Sendable {
    var isAllDisabled = false
    var disabled: Set<String> = []
    var exceptions: Set<String> = []

    func silences(_ rule: String) -> Bool {
      disabled.contains(rule) || (isAllDisabled && !exceptions.contains(rule))
    }
  }

  private var fileRules: Set<String> = []
  private var isFileDisabled = false
  /// States in line order: each applies from its line until the next one.
  private var states: [(line: Int, state: State)] = []
  /// Lines silenced by `disable-next-line`, with their rules (empty = all).
  private var lineRules: [Int: [String]] = [:]

  /// No control comments.
  static let none = ControlComments(directives: [], body: "", bodyLineOffset: 0)

  /// Whether the document has no control comments at all.
  var isEmpty: Bool { !isFileDisabled && fileRules.isEmpty && states.isEmpty && lineRules.isEmpty }

  init(directives: [Directive], body: String, bodyLineOffset: Int) {
    guard !directives.isEmpty else { return }
    var blankLines: Set<Int> = []
    if directives.contains(where: { $0.action == .disableNextLine }) {
      var line = bodyLineOffset + 1
      var isBlank = true
      for byte in body.utf8 {
        if byte == 0x0A {
          if isBlank { blankLines.insert(line) }
          line += 1
          isBlank = true
        } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
          isBlank = false
        }
      }
      if isBlank { blankLines.insert(line) }
    }
    var state = State()
    for directive in directives.sorted(by: { $0.line < $1.line }) {
      switch directive.action {
      case .disableFile:
        if directive.rules.isEmpty { isFileDisabled = true } else { fileRules.formUnion(directive.rules) }
      case .disableNextLine:
        var target = directive.endLine + 1
        while blankLines.contains(target) { target += 1 }
        lineRules[target, default: []].append(contentsOf: directive.rules.isEmpty ? ["*"] : directive.rules)
      case .disable:
        if directive.rules.isEmpty {
          state = State(isAllDisabled: true)
        } else {
          state.disabled.formUnion(directive.rules)
          state.exceptions.subtract(directive.rules)
        }
        states.append((directive.line, state))
      case .enable:
        if directive.rules.isEmpty {
          state = State()
        } else {
          state.disabled.subtract(directive.rules)
          if state.isAllDisabled { state.exceptions.formUnion(directive.rules) }
        }
        states.append((directive.line, state))
      }
    }
  }

  /// Whether a finding of `rule` on `line` is silenced.
  func silences(rule: String, line: Int) -> Bool {
    if isFileDisabled || fileRules.contains(rule) { return true }
    if let rules = lineRules[line], rules.contains("*") || rules.contains(rule) { return true }
    var low = 0
    var high = states.count - 1
    var found = -1
    while low <= high {
      let middle = (low + high) / 2
      if states[middle].line <= line {
        found = middle
        low = middle + 1
      } else {
        high = middle - 1
      }
    }
    return found >= 0 && states[found].state.silences(rule)
  }

  /// The control comments in an HTML node's literal that starts on file line `startLine`.
  static func parse(_ literal: String, startLine: Int) -> [Directive] {
    var directives: [Directive] = []
    var line = startLine
    var rest = Substring(literal)
    while let open = rest.range(of: "<!--") {
      line += rest[..<open.lowerBound].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
      guard let close = rest[open.upperBound...].range(of: "-->") else { break }
      let body = rest[open.upperBound..<close.lowerBound]
      let newlines = body.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
      let words = body.split { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "," || $0 == "\r" }.map(String.init)
      if let first = words.first, let action = Action(rawValue: first) {
        directives.append(
          Directive(action: action, rules: Array(words.dropFirst()), line: line, endLine: line + newlines))
      }
      line += newlines
      rest = rest[close.upperBound...]
    }
    return directives
  }
}
