import DocumentModel
import Foundation

/// What lint needs of the split document (`DocumentText`, whose byte-level fast path makes splitting cheap).
extension DocumentText {
  /// Splits `data`, throwing the model's error for a file that is not a readable document.
  static func split(path: String, data: Data) throws(DocumentModelError) -> DocumentText {
    try DocumentText(path: path, data: data)
  }

  /// Decodes the front matter (plain front matter takes the model's fast path).
  func frontMatter(path: String) throws(DocumentModelError) -> FrontMatter {
    try FrontMatter.decode(yaml: frontMatterYAML, path: path, lineOffset: frontMatterLineOffset)
  }
}
