import CLibgit2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a killed git or sop run leaves in `.git`: lock files and temporary object files.
extension Repository {
  /// Describes the lock that blocked an update of `reference`, or nil when the lock may belong to a live
  /// update and a retry is worth it.
  ///
  /// A lock is stale when no other git or sop process works in this repository (Linux: /proc, by working
  /// folder) or when it is at least `staleAfter` seconds old: git holds a reference lock for milliseconds. sop never removes git's
  /// lock files itself; the message names the file and says when removing it is safe.
  public func staleLock(for reference: String, staleAfter: Double = 2) -> GitError? {
    let candidates = [gitDirectory + "/" + reference + ".lock", gitDirectory + "/packed-refs.lock"]
    guard let (path, age) = Self.firstPresent(candidates, probe: Self.age(of:)) else { return nil }
    let others = runningGitProcesses()
    guard others?.isEmpty == true || age >= staleAfter else { return nil }
    return lockError(path: path, age: age, others: others)
  }

  /// The first path the probe finds something at, probing each once. Not `lazy.compactMap(…).first`: that
  /// runs the probe twice for the path it finds, and a lock its owner removed between the two runs made the
  /// standard library trap on nil (two publishes at once, in the fault-injection script).
  static func firstPresent<Value>(_ paths: [String], probe: (String) -> Value?) -> (String, Value)? {
    for path in paths {
      if let value = probe(path) { return (path, value) }
    }
    return nil
  }

  private func lockError(path: String, age: Double, others: [String]?) -> GitError {
    let holders: String
    switch others {
    case .some(let list) where list.isEmpty:
      holders = "no git or sop process is working in this repository, so a run that was killed or crashed left it"
    case .some(let list):
      holders =
        "git or sop processes are working in this repository (\(list.prefix(5).joined(separator: ", "))) and "
        + "may hold it; if they are stuck or it stays, a run that was killed or crashed left it"
    case .none:
      holders = "sop cannot list running processes here; a lock this old is normally left by a killed run"
    }
    return GitError(
      operation: "lock", code: GIT_ELOCKED.rawValue,
      message: "git's lock file \(path) exists (\(Int(age)) s old): \(holders). Once no git command is "
        + "working in this repository, remove it ('rm \(path)') and run sop again; sop never removes git's "
        + "locks itself")
  }

  /// Seconds since `path` was last modified, or nil when it does not exist.
  private static func age(of path: String) -> Double? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    #if canImport(Darwin)
      let modified = Double(status.st_mtimespec.tv_sec)
    #else
      let modified = Double(status.st_mtim.tv_sec)
    #endif
    return max(0, Double(time(nil)) - modified)
  }

  /// "pid name" of every other running process named git* or sop whose working folder is inside this
  /// repository, or nil without /proc. Processes whose working folder cannot be read (other users') are
  /// left out: they could not have written this repository's lock unless they share it.
  func runningGitProcesses() -> [String]? {
    let root = (workingDirectory ?? gitDirectory)
    guard let names = Self.entryNames(in: "/proc") else { return nil }
    let me = getpid()
    var result: [String] = []
    for name in names {
      guard let pid = Int32(name), pid != me else { continue }
      guard let file = fopen("/proc/\(name)/comm", "r") else { continue }
      var buffer = [CChar](repeating: 0, count: 64)
      let line = fgets(&buffer, 64, file).map { _ in String(cString: buffer) } ?? ""
      fclose(file)
      let command = line.trimmingSuffix("\n")
      guard command == "sop" || command.hasPrefix("git") else { continue }
      var link = [CChar](repeating: 0, count: 4_097)
      let count = readlink("/proc/\(name)/cwd", &link, 4_096)
      guard count > 0 else { continue }
      let folder = String(decoding: link[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if folder == root || folder.hasPrefix(root + "/") { result.append("\(pid) \(command)") }
    }
    return result
  }

  /// Removes `<name>.lock` files in a reference folder (such as `refs/tags/published`) whose reference
  /// exists with exactly the lock's content, when the lock is stale.
  ///
  /// libgit2 creates a new reference by writing the lock, linking it to the reference's name and then
  /// unlinking the lock; a kill between the last two leaves a lock beside a finished reference, which would
  /// block git (and a later delete or pack of that tag) for ever. Such a lock holds nothing unfinished.
  /// Returns the paths removed.
  @discardableResult
  public func removeFinishedReferenceLocks(in folder: String) -> [String] {
    let directory = gitDirectory + "/" + folder
    var removed: [String] = []
    for name in Self.entryNames(in: directory) ?? [] where name.hasSuffix(".lock") {
      let lock = directory + "/" + name
      let reference = String(lock.dropLast(".lock".count))
      guard let locked = smallFileContents(lock), !locked.isEmpty, locked == smallFileContents(reference) else {
        continue
      }
      let referenceName = folder + "/" + String(name.dropLast(".lock".count))
      if staleLock(for: referenceName) != nil, unlink(lock) == 0 { removed.append(lock) }
    }
    return removed
  }

  /// The names in a folder (without `.` and `..`), or nil when it cannot be read.
  private static func entryNames(in path: String) -> [String]? {
    guard let directory = opendir(path) else { return nil }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// Removes `tmp_object_git2_*` files under `.git/objects` older than `minimumAge` seconds: libgit2 writes
  /// each new object to one and renames it, so an old one is what a killed write left. Younger ones may
  /// belong to a live writer and are kept. Returns how many were removed.
  @discardableResult
  public func removeStaleTemporaryObjects(minimumAge: Double = 300) -> Int {
    let objects = gitDirectory + "/objects"
    let folders =
      [objects] + (Self.entryNames(in: objects) ?? []).filter { $0.utf8.count == 2 }.map { objects + "/" + $0 }
    var removed = 0
    for folder in folders {
      for name in Self.entryNames(in: folder) ?? [] where name.hasPrefix("tmp_object_git2_") {
        let path = folder + "/" + name
        if let age = Self.age(of: path), age >= minimumAge, unlink(path) == 0 { removed += 1 }
      }
    }
    return removed
  }
}

/// The first 4 KiB of a file (a reference or its lock), or nil when it cannot be read.
private func smallFileContents(_ path: String) -> [UInt8]? {
  let descriptor = open(path, O_RDONLY | O_CLOEXEC)
  guard descriptor >= 0 else { return nil }
  defer { close(descriptor) }
  var buffer = [UInt8](repeating: 0, count: 4_096)
  let count = read(descriptor, &buffer, buffer.count)
  return count >= 0 ? Array(buffer[0..<count]) : nil
}

extension String {
  fileprivate func trimmingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
  }
}
