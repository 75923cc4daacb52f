import DocumentModel
import Foundation

extension Policy {
  /// The policy in a blob's bytes, or nil when they do not decode.
  ///
  /// Callers read the bytes with `try` first, so a blob that cannot be read stays an error and only a
  /// policy that does not decode counts as "no policy here" (`try?` around both would hide the damage).
  static func decodedIfValid(_ bytes: [UInt8]) -> Policy? {
    try? Policy.decode(data: Data(bytes))
  }
}
