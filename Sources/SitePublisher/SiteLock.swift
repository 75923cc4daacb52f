import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive lock on one output folder, held from creation until it is released or the process ends.
///
/// It is an `flock` on the folder's parent folder (the one that holds the site and its hidden temporary
/// folders), so two sop runs writing there take turns, and the kernel releases it when a holder dies: a
/// crash never leaves a lock that blocks the next run, and no lock file is left beside the site.
public final class SiteLock {
  private let descriptor: Int32
  /// The locked folder.
  public let path: String

  /// Waits for and takes the lock of `directory`, creating its parent folder if needed.
  public init(for directory: URL) throws(SiteWriteError) {
    let target = directory.standardizedFileURL
    let parent = target.deletingLastPathComponent()
    path = parent.path
    do {
      try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: parent.path, reason: SiteWriter.reason(error))
    }
    descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    while flock(descriptor, LOCK_EX) != 0 {
      if errno == EINTR { continue }
      let reason = String(cString: strerror(errno))
      close(descriptor)
      throw .cannotWrite(path: path, reason: reason)
    }
  }

  deinit { close(descriptor) }
}
