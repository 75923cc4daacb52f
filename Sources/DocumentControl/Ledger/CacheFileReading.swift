import Foundation
import GitStore

extension LedgerCache {
  /// The bytes of the cache file at `url`, or nil when it is missing, not a regular file, larger than `limit`,
  /// unreadable or changing while read. Every file in `.git/sop` is read through here, because a cache is only a
  /// hint and the place it lives is not sop's alone: a named pipe there would block a plain open or read forever
  /// (a hang, where a cache fault must only cost speed), a symbolic link to `/dev/zero` would never end, and a
  /// huge file would be read whole before its checksum failed. The file is opened without waiting
  /// (`O_NONBLOCK`, so a pipe with no writer does not block), judged by `fstat` of what was opened (not of the
  /// name, which can change between the two), and read to exactly the size it had.
  static func readFile(at url: URL, limit: Int) -> [UInt8]? {
    let descriptor = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size >= 0,
      status.st_size <= limit
    else { return nil }
    let size = Int(status.st_size)
    var bytes = [UInt8](repeating: 0, count: size)
    var offset = 0
    while offset < size {
      let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, size - offset) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return nil }  // an error, or shorter than it said: changing under us
      offset += count
    }
    return bytes
  }

  /// The checkpoints in the bytes of a checkpoints file (`<branch> <commit>` lines), of `branch` or of every
  /// branch; none when the bytes are not UTF-8, and a line that is not a branch and a commit id is skipped.
  static func checkpoints(in bytes: [UInt8], of branch: String?) -> [ObjectID] {
    guard let text = String(validating: bytes, as: UTF8.self) else { return [] }
    return text.split(separator: "\n").compactMap { line in
      let parts = line.split(separator: " ")
      guard parts.count == 2, branch == nil || parts[0] == branch! else { return nil }
      return ObjectID(hex: String(parts[1]))
    }
  }
}
