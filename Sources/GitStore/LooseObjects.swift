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
  /// The file inflates completely and its header matches its content. `body` is the whole content when it is
  /// at most `LooseObjects.keptSize` bytes (what libgit2 is then handed, see `Repository.hold`), else nil.
  case sound(type: String, body: [UInt8]?)
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

  /// The largest content `check` keeps (`LooseObjectCheck.sound`): every document and folder tree, and what a
  /// commit or tag can reasonably be; a larger object is checked in pieces and libgit2 reads it itself.
  static let keptSize = 16 << 20

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
    // Read in one piece of the file's size (plus one byte, to see the end), then in pieces if it has grown.
    var status = stat()
    let expected = fstat(descriptor, &status) == 0 && status.st_size > 0 ? min(Int(status.st_size), 1 << 26) : 0
    var compressed = [UInt8](repeating: 0, count: expected + 1)
    var filled = 0
    while true {
      if filled == compressed.count { compressed.append(contentsOf: repeatElement(0, count: 65_536)) }
      let count = compressed.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
      if count < 0 {
        if errno == EINTR { continue }
        return .damaged(.corrupt, reason: "cannot be read: \(String(cString: strerror(errno)))")
      }
      if count == 0 { break }
      filled += count
    }
    compressed.removeLast(compressed.count - filled)
    return inflateObject(compressed)
  }

  /// Inflates a loose object's bytes and checks the `type size\0` header against the content: in one pass into
  /// a buffer of the declared size for a sound object of at most `keptSize` bytes (every object a document
  /// history holds), which is then kept; anything else, damaged objects included, by `inflateInPieces`, which
  /// names what is wrong.
  static func inflateObject(_ compressed: [UInt8]) -> LooseObjectCheck {
    if let sound = inflateWhole(compressed) { return sound }
    return inflateInPieces(compressed)
  }

  /// The sound object of at most `keptSize` bytes that `compressed` holds, with its content, or nil for
  /// anything else (damaged, larger, or an unknown type), which `inflateInPieces` then judges.
  private static func inflateWhole(_ compressed: [UInt8]) -> LooseObjectCheck? {
    if compressed.isEmpty || compressed.count > Int(UInt32.max) { return nil }
    var stream = z_stream()
    guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
    defer { inflateEnd(&stream) }
    return compressed.withUnsafeBufferPointer { input -> LooseObjectCheck? in
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.avail_in = UInt32(input.count)
      // The header is at most 63 bytes and a NUL; what follows it in these 64 bytes is content.
      var head = [UInt8](repeating: 0, count: 64)
      var result: Int32 = Z_OK
      var produced = 0
      var nul: Int?
      head.withUnsafeMutableBufferPointer { out in
        while nul == nil, produced < out.count {
          stream.next_out = out.baseAddress! + produced
          stream.avail_out = UInt32(out.count - produced)
          let inputBefore = stream.avail_in
          result = inflate(&stream, Z_NO_FLUSH)
          let end = out.count - Int(stream.avail_out)
          nul = out[produced..<end].firstIndex(of: 0)
          let progressed = end > produced || stream.avail_in != inputBefore
          produced = end
          if result != Z_OK || !progressed { break }
        }
      }
      guard let nul, result == Z_OK || result == Z_STREAM_END else { return nil }
      let (type, declaredSize) = parseHeader(Array(head[...nul]))
      guard let declared = declaredSize, declared <= keptSize, ["blob", "tree", "commit", "tag"].contains(type) else {
        return nil
      }
      let early = produced - nul - 1
      guard early <= declared else { return nil }
      if result == Z_STREAM_END {
        return early == declared ? .sound(type: type, body: Array(head[(nul + 1)..<produced])) : nil
      }
      // One byte more than declared, so that content beyond the declared size is seen.
      var body = [UInt8](repeating: 0, count: declared + 1)
      var filled = early
      body.withUnsafeMutableBufferPointer { out in
        for index in 0..<early { out[index] = head[nul + 1 + index] }
        while filled < out.count {
          stream.next_out = out.baseAddress! + filled
          stream.avail_out = UInt32(out.count - filled)
          let inputBefore = stream.avail_in
          result = inflate(&stream, Z_NO_FLUSH)
          let end = out.count - Int(stream.avail_out)
          let progressed = end > filled || stream.avail_in != inputBefore
          filled = end
          if result != Z_OK || !progressed { break }
        }
      }
      guard result == Z_STREAM_END, filled == declared else { return nil }
      body.removeLast()
      return .sound(type: type, body: body)
    }
  }

  /// Inflates a loose object's bytes in pieces of 64 KB and checks the `type size\0` header against the content,
  /// keeping none of it: a loop that cannot hang on a damaged stream, and the words that name the damage.
  static func inflateInPieces(_ compressed: [UInt8]) -> LooseObjectCheck {
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
    return .sound(type: type, body: nil)
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
