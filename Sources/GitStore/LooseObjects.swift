import CLibgit2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What is wrong with an object sop needed.
public enum ObjectDamage: String, Sendable, Equatable {
  /// The object is in neither a loose file nor a pack.
  case missing
  /// The loose file ends before its compressed data does.
  case truncated
  /// The loose file does not inflate, or its header or size is wrong.
  case corrupt
}

/// The result of checking one loose object file.
enum LooseObjectCheck: Equatable {
  /// No loose file: the object is packed or missing, and libgit2 decides.
  case notLoose
  /// The file inflates completely and its header matches its content. `body` is the content for commits
  /// and tags (small, parsed for parents and targets), empty for trees and blobs.
  case sound(type: String, body: [UInt8])
  /// The file is damaged.
  case damaged(ObjectDamage, reason: String)
}

/// Checks loose object files with zlib before libgit2 reads them.
///
/// libgit2 1.5.1 (Debian 12) loops forever in `git_zstream_get_output` when a loose object's compressed
/// stream ends early (libgit2 issue 7342): inflate returns `Z_BUF_ERROR` without progress and the loop
/// asks again. A watchdog could only notice the spin, not stop the thread, and checking only after a read
/// fails never gets the chance. So every loose object is inflated here first, by a loop that stops as soon
/// as a call makes no progress, and that therefore cannot hang. Packed objects are read through libgit2's
/// pack code, which has no such loop, and cost one failed `open` here. The check reads the file once more
/// than libgit2 does (from the page cache), once per object per `Repository` and the handles reopened from it
/// for other threads (ids are remembered, `Repository.checkedSoFar`); see docs/reliability.md for what it costs.
enum LooseObjects {
  /// The path of the loose file for `hex` under a `.git` directory.
  static func path(of hex: String, in gitDirectory: String) -> String {
    // Bytes, not Characters: an object id is ASCII, and this runs for every object read.
    let bytes = Array(hex.utf8)
    return gitDirectory + "/objects/" + String(decoding: bytes[0..<2], as: UTF8.self) + "/"
      + String(decoding: bytes[2...], as: UTF8.self)
  }

  /// The two-hex-digit folders under `objects`, or nil when the folder cannot be listed (then every
  /// object is looked for).
  static func folders(in gitDirectory: String) -> Set<String>? {
    guard let directory = opendir(gitDirectory + "/objects") else { return nil }
    defer { closedir(directory) }
    var names = Set<String>()
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      if name.utf8.count == 2 { names.insert(name) }
    }
    return names
  }

  /// Reads and inflates the loose file for an object, if there is one.
  static func check(_ hex: String, in gitDirectory: String) -> LooseObjectCheck {
    let file = path(of: hex, in: gitDirectory)
    let descriptor = open(file, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { return .notLoose }
      return .damaged(.corrupt, reason: "cannot be opened: \(String(cString: strerror(code)))")
    }
    defer { close(descriptor) }
    var compressed: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .damaged(.corrupt, reason: "cannot be read: \(String(cString: strerror(errno)))")
      }
      if count == 0 { break }
      compressed.append(contentsOf: chunk[0..<count])
    }
    return inflateObject(compressed)
  }

  /// Inflates a loose object's bytes and checks the `type size\0` header against the content.
  static func inflateObject(_ compressed: [UInt8]) -> LooseObjectCheck {
    if compressed.isEmpty { return .damaged(.truncated, reason: "is empty") }
    // zlib counts input in 32 bits; such an object is far beyond any document, so libgit2 reads it alone.
    if compressed.count > Int(UInt32.max) { return .notLoose }
    var stream = z_stream()
    guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      return .damaged(.corrupt, reason: "could not be inflated (zlib would not start)")
    }
    defer { inflateEnd(&stream) }
    var header: [UInt8] = []
    var declared: Int?
    var isHeaderBad = false
    var type = ""
    var body: [UInt8] = []
    var bodyCount = 0
    var output = [UInt8](repeating: 0, count: 65_536)
    var result: Int32 = Z_OK
    compressed.withUnsafeBufferPointer { input in
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.avail_in = UInt32(input.count)
      output.withUnsafeMutableBufferPointer { out in
        // Every pass must consume input or produce output; a pass that does neither ends the loop, which is
        // what makes this loop finite where libgit2's is not.
        while true {
          stream.next_out = out.baseAddress
          stream.avail_out = UInt32(out.count)
          let inputBefore = stream.avail_in
          result = inflate(&stream, Z_NO_FLUSH)
          let produced = out.count - Int(stream.avail_out)
          var first = 0
          while declared == nil, !isHeaderBad, first < produced {
            header.append(out[first])
            first += 1
            if header.last == 0 {
              (type, declared) = parseHeader(header)
              isHeaderBad = declared == nil
            } else if header.count >= 64 {
              isHeaderBad = true
            }
          }
          let bytes = declared == nil ? out[0..<0] : out[first..<produced]
          bodyCount += bytes.count
          if type == "commit" || type == "tag", body.count < 1 << 20 { body.append(contentsOf: bytes) }
          if result != Z_OK || isHeaderBad { break }
          if let declared, bodyCount > declared { break }
          if produced == 0 && stream.avail_in == inputBefore { break }
        }
      }
    }
    if isHeaderBad { return .damaged(.corrupt, reason: "has no valid 'type size' header") }
    switch result {
    case Z_STREAM_END: break
    case Z_OK, Z_BUF_ERROR:
      if let declared, bodyCount > declared {
        return .damaged(.corrupt, reason: "holds more than the \(declared) bytes its header declares")
      }
      return .damaged(.truncated, reason: "ends before its compressed data does (\(compressed.count) bytes)")
    default:
      let text = stream.msg.map { String(cString: $0) } ?? "zlib error \(result)"
      return .damaged(.corrupt, reason: "does not inflate (zlib: \(text))")
    }
    guard let declared, ["blob", "tree", "commit", "tag"].contains(type) else {
      return .damaged(.corrupt, reason: "has no valid 'type size' header")
    }
    guard bodyCount == declared else {
      return .damaged(.corrupt, reason: "holds \(bodyCount) bytes but its header declares \(declared)")
    }
    return .sound(type: type, body: body)
  }

  /// The type and size of a `type size\0` header, or an empty type and nil when it is malformed.
  private static func parseHeader(_ header: [UInt8]) -> (String, Int?) {
    guard header.last == 0, let space = header.firstIndex(of: 32) else { return ("", nil) }
    let type = String(decoding: header[..<space], as: UTF8.self)
    let digits = header[(space + 1)..<(header.count - 1)]
    guard !digits.isEmpty, digits.count < 19, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return ("", nil) }
    return (type, Int(String(decoding: digits, as: UTF8.self)))
  }
}
