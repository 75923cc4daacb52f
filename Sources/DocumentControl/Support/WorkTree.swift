import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The files of a work tree on disk, listed and read with plain system calls.
///
/// Lint reads every document of the repository on every run, so this is on its critical path: the
/// directory entry's own type says what it is (no `stat` per file), and a file is read in one `read`
/// into the buffer that lint then uses.
enum WorkTree {
  /// What a directory entry is.
  enum EntryKind {
    case file, directory, symbolicLink
  }

  /// One directory entry.
  struct Entry {
    /// Its path relative to the root.
    var path: String
    /// Its last path component.
    var name: String
    /// File, folder or link.
    var kind: EntryKind
  }

  /// Every entry under `root` that is not a directory, relative to it, in no particular order.
  ///
  /// `include` decides for each entry; a directory it refuses is not entered. Symbolic links are
  /// listed, never followed, like git stores them.
  static func files(under root: String, include: (Entry) -> Bool) -> [String] {
    var result: [String] = []
    var pending = [""]
    while let relativeFolder = pending.popLast() {
      let folder = relativeFolder.isEmpty ? root : root + "/" + relativeFolder
      guard let stream = opendir(folder) else { continue }
      defer { closedir(stream) }
      while let entry = readdir(stream) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
        }
        if name == "." || name == ".." { continue }
        let relative = relativeFolder.isEmpty ? name : relativeFolder + "/" + name
        guard let kind = kind(of: entry.pointee.d_type, path: folder + "/" + name),
          include(Entry(path: relative, name: name, kind: kind))
        else { continue }
        if kind == .directory {
          pending.append(relative)
        } else {
          result.append(relative)
        }
      }
    }
    return result
  }

  /// The entry's type from `readdir`, or from `lstat` on file systems that do not report it; nil for
  /// sockets, devices and pipes.
  private static func kind(of type: UInt8, path: String) -> EntryKind? {
    switch Int32(type) {
    case Int32(DT_REG): return .file
    case Int32(DT_DIR): return .directory
    case Int32(DT_LNK): return .symbolicLink
    case Int32(DT_UNKNOWN):
      var status = stat()
      guard lstat(path, &status) == 0 else { return nil }
      switch status.st_mode & S_IFMT {
      case S_IFREG: return .file
      case S_IFDIR: return .directory
      case S_IFLNK: return .symbolicLink
      default: return nil
      }
    default: return nil
    }
  }

  /// The bytes of the file at `path`; a symbolic link gives its target text (as git stores it), never
  /// the file it points at. Unreadable files give no bytes.
  static func read(_ path: String) -> Data {
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else {
      return errno == ELOOP ? linkTarget(path) : Data()
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return Data() }
    // Read straight into the buffer the Data will own: no zero-filling, no copy.
    let capacity = Int(status.st_size) + 1
    guard let buffer = malloc(capacity) else { return Data() }
    var filled = 0
    while filled < capacity {
      let count = Glibc.read(descriptor, buffer + filled, capacity - filled)
      if count < 0, errno == EINTR { continue }
      guard count >= 0 else {
        free(buffer)
        return Data()
      }
      if count == 0 { break }
      filled += count
    }
    var data = Data(bytesNoCopy: buffer, count: filled, deallocator: .free)
    // The one spare byte filled up: the file grew since `fstat`, so read on to its end.
    if filled == capacity { data.append(readRest(descriptor)) }
    return data
  }

  /// Whatever follows the size `fstat` reported (a file written to while it is read).
  private static func readRest(_ descriptor: Int32) -> Data {
    var rest = Data()
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return rest }
      rest.append(contentsOf: chunk[0..<count])
    }
  }

  private static func linkTarget(_ path: String) -> Data {
    var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = buffer.withUnsafeMutableBufferPointer { pointer in
      pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pointer.count) {
        readlink(path, $0, pointer.count)
      }
    }
    return count > 0 ? Data(buffer[0..<count]) : Data()
  }
}
