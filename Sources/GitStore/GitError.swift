import CLibgit2

/// A failed libgit2 call: what sop was doing, libgit2's code and its message.
public struct GitError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What sop was doing, e.g. "open repository".
  public let operation: String
  /// libgit2's return code (negative).
  public let code: Int32
  /// libgit2's own message, or a sentence of ours.
  public let message: String

  /// Creates an error.
  public init(operation: String, code: Int32, message: String) {
    self.operation = operation
    self.code = code
    self.message = message
  }

  /// Someone else moved the reference first (compare-and-swap lost).
  public var isModified: Bool { code == GIT_EMODIFIED.rawValue }
  /// A lock file was held by another process.
  public var isLocked: Bool { code == GIT_ELOCKED.rawValue }
  /// The object, path or reference does not exist.
  public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
  /// The object or reference exists already.
  public var isExisting: Bool { code == GIT_EEXISTS.rawValue }

  /// "operation: message".
  public var description: String { "\(operation): \(message)" }
}

/// Calls libgit2 and turns a negative result into a `GitError` carrying `git_error_last()`.
///
/// The message is read straight after the call: it is thread-local and the next call may clear it.
@inline(__always)
func git(_ operation: String, _ call: () -> Int32) throws(GitError) {
  let code = call()
  guard code < 0 else { return }
  throw lastError(operation, code: code)
}

/// The error libgit2 recorded for a call that returned `code`.
func lastError(_ operation: String, code: Int32) -> GitError {
  var message = "libgit2 error \(code)"
  if let last = git_error_last(), let text = last.pointee.message {
    message = String(cString: text).trimmingCharacters(in: "\n ")
  }
  return GitError(operation: operation, code: code, message: message)
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var result = Substring(self)
    while let first = result.first, set.contains(first) { result.removeFirst() }
    while let last = result.last, set.contains(last) { result.removeLast() }
    return String(result)
  }
}
