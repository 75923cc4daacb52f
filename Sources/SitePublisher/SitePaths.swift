/// Where each page lives in the site, and the check that keeps every path inside the output folder.
enum SitePaths {
  static let index = "index.html"
  static let changes = "changes.html"
  static let training = "training.html"
  static let manifest = "manifest.json"
  static let stylesheet = "assets/site.css"
  static let script = "assets/search.js"
  static let searchIndex = "assets/search-index.js"

  /// The page path for a document id, or nil when the id is not a safe file name.
  ///
  /// Ids are validated upstream as `^[A-Z][A-Z0-9]*-[0-9]+$`; this re-check only admits `[A-Za-z0-9-]`, so
  /// `/`, `..`, backslashes and anything else that could leave the `documents` folder never reach a path.
  static func documentPage(for id: String) -> String? {
    guard isSafeFileStem(id) else { return nil }
    return "documents/\(id).html"
  }

  /// The site path of the `number`th attachment (from 1) of the document `id`: `files/<ID>/<number>-<name>`,
  /// the name being the file's last path component with anything but ASCII letters, digits, `.`, `_` and `-`
  /// replaced by `-`; nil when the id is not a safe file name.
  static func attachment(number: Int, of id: String, path: String) -> String? {
    guard isSafeFileStem(id) else { return nil }
    let last = path.split(separator: "/").last.map(String.init) ?? "file"
    var name = String(
      decoding: last.utf8.prefix(100).map { byte -> UInt8 in
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
          return byte
        default: return UInt8(ascii: "-")
        }
      }, as: UTF8.self)
    while name.hasPrefix(".") { name = "-" + name.dropFirst() }
    return "files/\(id)/\(number)-\(name)"
  }

  /// Whether `stem` is non-empty, short, starts with a letter or digit and only holds ASCII letters, digits
  /// and hyphens.
  static func isSafeFileStem(_ stem: String) -> Bool {
    let bytes = Array(stem.utf8)
    guard !bytes.isEmpty, bytes.count <= 100, bytes[0] != UInt8(ascii: "-") else { return false }
    return bytes.allSatisfy { byte in
      (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }
  }

  /// Whether a relative site path stays inside the site folder: no absolute path, no empty, `.` or `..`
  /// component, no backslash or NUL. All looked at as bytes, as the file system reads the path: a combining
  /// mark after a `/` makes one Character of the two, so a split or prefix test by Characters misses that
  /// separator (`../\u{301}x` is `..` and `\u{301}x` to the file system).
  static func isContained(_ path: String) -> Bool {
    let bytes = path.utf8
    guard let first = bytes.first, first != UInt8(ascii: "/"),
      !bytes.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0 })
    else {
      return false
    }
    let dot = UInt8(ascii: ".")
    return bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy { component in
      !component.isEmpty && !component.elementsEqual([dot]) && !component.elementsEqual([dot, dot])
    }
  }
}
