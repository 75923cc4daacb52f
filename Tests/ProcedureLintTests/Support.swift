import DocumentModel
import Foundation
import MarkdownSyntax

@testable import ProcedureLint

/// Lints one document text with the examples' repository, beside its companion procedure (as the rule
/// examples are linted); the findings of `path` only.
func lint(
  _ text: String, path: String = ExampleRepository.examplePath, linter: Linter = ExampleRepository.linter
) -> [Finding] {
  ExampleRepository.findings(of: text, path: path, linter: linter)
}

/// Findings of one rule.
func lint(_ text: String, rule: String, linter: Linter = ExampleRepository.linter) -> [Finding] {
  lint(text, linter: linter).filter { $0.rule == rule }
}

/// A text with `↓` markers: the text without them, and the file positions the markers stood at.
struct Marked {
  let text: String
  let positions: [SourcePosition]

  init(_ marked: String) {
    var text = ""
    var positions: [SourcePosition] = []
    var line = 1
    var column = 1
    for character in marked {
      if character == "↓" {
        positions.append(SourcePosition(line: line, column: column))
        continue
      }
      text.append(character)
      if character == "\n" {
        line += 1
        column = 1
      } else {
        column += character.unicodeScalars.count
      }
    }
    self.text = text
    self.positions = positions
  }
}

extension Finding {
  var position: SourcePosition { SourcePosition(line: line, column: column) }
}

/// A policy from YAML, for configuration tests.
func policy(_ yaml: String) throws -> Policy {
  try Policy.decode(yaml: yaml)
}
