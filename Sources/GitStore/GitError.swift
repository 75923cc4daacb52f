import CLibgit2

/// A failed libgit2 call: what sop was doing, libgit2's code and its message.
public struct GitError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What sop was doing, e.g. "open repository".
  public let operation: String
  /// libgit2's return code (negative).
  public let code: Int32
  /// libgit2's own message, or a sentence of ours.
  public let message: String

  /// The object that is missing or damaged, when that is what went wrong.
  public let damagedObject: DamagedObject?

  /// Creates an error.
  public init(operation: String, code: Int32, message: String) {
    self.operation = operation
    self.code = code
    self.message = message
    self.damagedObject = nil
  }

  /// An object sop needed is missing or damaged: names it, its loose file, and what to do.
  public init(operation: String, damaged object: DamagedObject) {
    self.operation = operation
    self.code = GIT_ERROR.rawValue
    self.damagedObject = object
    self.message = object.description
  }

  /// Whether an object sop needed is missing or damaged (never a normal "not found").
  public var isDamagedObject: Bool { damagedObject != nil }

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

/// An object that is missing or whose loose file is damaged.
public struct DamagedObject: Sendable, Equatable, CustomStringConvertible {
  /// The full object id.
  public let id: String
  /// What sop expected it to be (`commit`, `tree`, `blob`, `tag`, or `object`).
  public let kind: String
  /// Missing, truncated or corrupt.
  public let damage: ObjectDamage
  /// The loose file that holds (or would hold) it.
  public let file: String
  /// What exactly is wrong with the file, or what libgit2 said.
  public let reason: String

  /// Creates a description of a damaged object.
  public init(id: String, kind: String, damage: ObjectDamage, file: String, reason: String) {
    self.id = id
    self.kind = kind
    self.damage = damage
    self.file = file
    self.reason = reason
  }

  /// A sentence naming the object, the file and what to do.
  public var description: String {
    let what: String
    switch damage {
    case .missing:
      what = "\(kind) \(id) is missing from the repository (neither \(file) nor a pack holds it)"
    case .truncated, .corrupt:
      what = "\(kind) \(id) is \(damage.rawValue): its file \(file) \(reason)"
    }
    return what + "; sop cannot read history completely, so it gives no answer. Run 'git fsck --full' to "
      + "list the damage, then fetch the object from another clone ('git fetch' from it, or copy its file) "
      + "or restore .git from a backup"
  }
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
