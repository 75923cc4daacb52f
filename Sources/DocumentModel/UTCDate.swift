import Foundation

/// Fixed-format UTC dates, computed arithmetically so output never depends on locale, time zone or
/// Foundation's formatter caches (and so it is cheap and thread-safe for thousands of pages).
public struct UTCDate: Sendable, Equatable {
  /// The year field.
  public let year: Int
  /// The month field.
  public let month: Int
  /// The day field.
  public let day: Int
  /// The hour field.
  public let hour: Int
  /// The minute field.
  public let minute: Int
  /// The second field.
  public let second: Int

  private static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]
  private static let fullMonthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]

  /// Splits a date into its UTC calendar fields.
  ///
  /// Times come from git objects anyone can write (`git fsck` accepts 2^63-1 seconds), so a date
  /// beyond the range of `Int` seconds is clamped to it rather than trapping.
  public init(_ date: Date) {
    let interval = date.timeIntervalSince1970.rounded(.down)
    // 2^63 is the first Double above Int.max; NaN reads as the epoch.
    let limit = 9_223_372_036_854_775_808.0
    self.init(seconds: interval >= limit ? .max : interval < -limit ? .min : interval.isNaN ? 0 : Int(interval))
  }

  /// Splits a Unix time in seconds into its UTC calendar fields; exact for every `Int`.
  public init(seconds: Int) {
    // Floor division written so that no step overflows, even at Int.min.
    let remainder = seconds % 86_400
    let days = seconds / 86_400 - (remainder < 0 ? 1 : 0)
    let secondOfDay = remainder < 0 ? remainder + 86_400 : remainder
    hour = secondOfDay / 3_600
    minute = secondOfDay % 3_600 / 60
    second = secondOfDay % 60
    // Howard Hinnant's civil_from_days: proleptic Gregorian calendar, exact for any Int day count.
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// `2025-03-14`.
  public var dayText: String {
    "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
  }

  /// `2025-03-14 09:30:05 UTC`.
  public var dateTimeText: String {
    fixedWidthText(separator: UInt8(ascii: " "), zone: " UTC")
      ?? "\(dayText) \(Self.pad(hour, 2)):\(Self.pad(minute, 2)):\(Self.pad(second, 2)) UTC"
  }

  /// `2025-03-14T09:30:05Z`, for machine-readable attributes and the manifest.
  public var isoText: String {
    fixedWidthText(separator: UInt8(ascii: "T"), zone: "Z")
      ?? "\(dayText)T\(Self.pad(hour, 2)):\(Self.pad(minute, 2)):\(Self.pad(second, 2))Z"
  }

  /// The date and time of a year from 0 to 9999, every field at its width and none signed, written digit by
  /// digit (nil for any other year): the interpolated text was a fifth of building the entries of a cold
  /// status of 5,000 documents, whose 13,000 approval times are each written so.
  private func fixedWidthText(separator: UInt8, zone: StaticString) -> String? {
    guard (0...9_999).contains(year) else { return nil }
    let count = 19 + zone.utf8CodeUnitCount
    return String(unsafeUninitializedCapacity: count) { buffer in
      var index = 0
      func put(_ value: Int, width: Int) {
        var rest = value
        for offset in (0..<width).reversed() {
          buffer[index + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
          rest /= 10
        }
        index += width
      }
      func put(_ byte: UInt8) {
        buffer[index] = byte
        index += 1
      }
      put(year, width: 4)
      put(UInt8(ascii: "-"))
      put(month, width: 2)
      put(UInt8(ascii: "-"))
      put(day, width: 2)
      put(separator)
      put(hour, width: 2)
      put(UInt8(ascii: ":"))
      put(minute, width: 2)
      put(UInt8(ascii: ":"))
      put(second, width: 2)
      zone.withUTF8Buffer { zone in
        for byte in zone { put(byte) }
      }
      return count
    }
  }

  /// A month counted from a year and a month number, as a short label like `Mar 2025`.
  public static func monthLabel(year: Int, month: Int) -> String {
    "\(monthNames[month - 1]) \(year)"
  }

  /// A month as a long label like `March 2025`, for text alternatives.
  public static func longMonthLabel(year: Int, month: Int) -> String {
    "\(fullMonthNames[month - 1]) \(year)"
  }

  /// Whole calendar months from `self` to `other` (0 when both fall in the same month).
  public func months(until other: UTCDate) -> Int {
    (other.year - year) * 12 + (other.month - month)
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(abs(value))
    let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    return value < 0 ? "-" + padded : padded
  }
}
