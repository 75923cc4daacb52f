#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file's stat identity, as git's index keeps it: device, inode, size, and modification and change times in
/// nanoseconds. A republish takes an unchanged page of the previous site by this identity instead of reading it,
/// when the site-file record (`.git/sop/site-files`) says the file with this identity held the page's bytes
/// (docs/architecture.md, "Site-file records").
///
/// Any write to a file sets its modification and change times to the current time, and the change time cannot be
/// set back by any user, so a file edited after its identity was taken no longer has it. The one gap is git's
/// "racy" case: an edit in the same clock tick as the identity's change time. `settled` leaves out every file
/// modified within two seconds of its last change, so a plain edit of a recorded file always moves its
/// modification time away from the recorded one; only an edit that also sets the modification time back
/// (`utimensat`) within the same clock tick as sop's last link of the file goes unseen, and whoever can do that as
/// sop's user can also write `.git/sop`.
public struct FileIdentity: Hashable, Sendable {
  /// `st_dev`.
  public var device: UInt64
  /// `st_ino`.
  public var inode: UInt64
  /// `st_size`.
  public var size: Int64
  /// `st_mtim`, seconds and nanoseconds.
  public var modifiedSeconds: Int64
  public var modifiedNanoseconds: Int64
  /// `st_ctim`, seconds and nanoseconds.
  public var changedSeconds: Int64
  public var changedNanoseconds: Int64

  /// Creates an identity from its fields.
  public init(
    device: UInt64, inode: UInt64, size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64,
    changedSeconds: Int64, changedNanoseconds: Int64
  ) {
    self.device = device
    self.inode = inode
    self.size = size
    self.modifiedSeconds = modifiedSeconds
    self.modifiedNanoseconds = modifiedNanoseconds
    self.changedSeconds = changedSeconds
    self.changedNanoseconds = changedNanoseconds
  }

  init(_ status: stat) {
    #if canImport(Glibc)
      self.init(
        device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
        modifiedSeconds: Int64(status.st_mtim.tv_sec), modifiedNanoseconds: Int64(status.st_mtim.tv_nsec),
        changedSeconds: Int64(status.st_ctim.tv_sec), changedNanoseconds: Int64(status.st_ctim.tv_nsec))
    #else
      self.init(
        device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
        modifiedSeconds: Int64(status.st_mtimespec.tv_sec), modifiedNanoseconds: Int64(status.st_mtimespec.tv_nsec),
        changedSeconds: Int64(status.st_ctimespec.tv_sec), changedNanoseconds: Int64(status.st_ctimespec.tv_nsec))
    #endif
  }

  /// The identity of the file at `path` (not followed if a symbolic link) when it is a regular file of this user
  /// that no group or other user can write, with no other name: the files `SiteWriter` may link from a previous
  /// site. Nil otherwise.
  public static func ofUnshared(_ path: String) -> FileIdentity? {
    var status = stat()
    guard lstat(path, &status) == 0, isUnshared(status) else { return nil }
    return FileIdentity(status)
  }

  static func isUnshared(_ status: stat) -> Bool {
    (status.st_mode & S_IFMT) == S_IFREG && status.st_uid == geteuid() && status.st_mode & 0o022 == 0
      && status.st_nlink == 1
  }

  /// Whether the file was last changed (linked, renamed, its mode or times set) at least two seconds after it was
  /// last modified: only then can an identity be recorded, so that any later write, which sets both times to the
  /// same moment, gives another identity (git's "racy" entries, here never recorded at all).
  public var isSettled: Bool {
    let modified = Double(modifiedSeconds) + Double(modifiedNanoseconds) / 1e9
    let changed = Double(changedSeconds) + Double(changedNanoseconds) / 1e9
    return changed - modified >= 2
  }

  /// Whether `other` is the same file with the same content as far as the identity can tell, its change time
  /// aside: after a link the change time is the link's.
  func isSameFileUnmodified(as other: FileIdentity) -> Bool {
    device == other.device && inode == other.inode && size == other.size && modifiedSeconds == other.modifiedSeconds
      && modifiedNanoseconds == other.modifiedNanoseconds
  }
}

/// A file's device and inode: which file `SiteWriter.write` put at a path.
public struct FileInode: Hashable, Sendable {
  /// `st_dev`.
  public var device: UInt64
  /// `st_ino`.
  public var inode: UInt64

  /// Creates one.
  public init(device: UInt64, inode: UInt64) {
    self.device = device
    self.inode = inode
  }
}
