import Foundation

/// Why a site could not be written; each case reads as a sentence naming the path.
public enum SiteWriteError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
  /// The target folder holds files and has no `.sop-site` marker, so it is not ours to replace.
  case notAnSopSite(path: String)
  /// The target folder holds files and has no `marker` file (e.g. `.sop-pdf`), so it is not ours to replace.
  case notSopOutput(path: String, marker: String)
  /// The target exists but is a file or a symbolic link, not a folder.
  case notAFolder(path: String)
  /// A file's path would land outside the site folder (absolute, `..`, empty component).
  case unsafeFilePath(path: String)
  /// Two files have the same path.
  case duplicateFilePath(path: String)
  /// Writing into the new site folder failed.
  case cannotWrite(path: String, reason: String)
  /// Moving the new site into place failed; the earlier site, if any, was put back.
  case cannotReplace(path: String, reason: String)
  /// A file of the previous site that the site-file record vouched for changed before it could be linked; the
  /// caller renders again without the record.
  case previousFileChanged(path: String)

  /// The message for the person running sop.
  public var description: String {
    switch self {
    case .notAnSopSite(let path):
      return "The folder \(path) already holds files and was not written by sop (it has no .sop-site file), "
        + "so sop will not replace it. Choose an empty or new folder. Nothing was changed."
    case .notSopOutput(let path, let marker):
      return "The folder \(path) already holds files and was not written by this sop command (it has no \(marker) "
        + "file), so sop will not replace it. Choose an empty or new folder. Nothing was changed."
    case .notAFolder(let path):
      return "\(path) exists and is not a folder (it is a file or a symbolic link), so sop will not replace it. "
        + "Nothing was changed."
    case .unsafeFilePath(let path):
      return "The site file path \"\(path)\" would be written outside the site folder, so nothing was written."
    case .duplicateFilePath(let path):
      return "The site has two files at \(path), so nothing was written."
    case .cannotWrite(let path, let reason):
      return "Could not write \(path): \(reason). The earlier site, if any, is unchanged."
    case .cannotReplace(let path, let reason):
      return "Could not move the new site into \(path): \(reason). The earlier site, if any, is unchanged."
    case .previousFileChanged(let path):
      return "The earlier site's file \(path) changed while the new site was written, so nothing was written."
    }
  }

  /// The same message, for `localizedDescription`.
  public var errorDescription: String? { description }
}
