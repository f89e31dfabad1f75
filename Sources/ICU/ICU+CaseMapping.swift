internal import CICU

extension ICU {
  /// Full Unicode case folding, for caseless comparison: "Straße" folds to "strasse",
  /// "ΣΊΣΥΦΟΣ" to "σίσυφοσ".
  public static func foldedCase(_ text: some StringProtocol) throws(ICUError) -> String {
    try mapCase(text, operation: "cannot fold case") { source, length, destination, capacity, status in
      vb_fold_case(source, length, destination, capacity, &status)
    }
  }

  /// Full lowercase mapping under a locale's rules: "" (root) maps "I" to "i", "tr" maps it
  /// to "ı"; final sigma is handled.
  public static func lowercased(_ text: some StringProtocol, locale: String = "") throws(ICUError)
    -> String
  {
    try mapCase(text, operation: "cannot lowercase for locale \"\(locale)\"") {
      source, length, destination, capacity, status in
      vb_to_lower(source, length, locale, destination, capacity, &status)
    }
  }

  /// Full uppercase mapping under a locale's rules: "ß" becomes "SS"; "tr" maps "i" to "İ".
  public static func uppercased(_ text: some StringProtocol, locale: String = "") throws(ICUError)
    -> String
  {
    try mapCase(text, operation: "cannot uppercase for locale \"\(locale)\"") {
      source, length, destination, capacity, status in
      vb_to_upper(source, length, locale, destination, capacity, &status)
    }
  }

  private static func mapCase(
    _ text: some StringProtocol, operation: @autoclosure () -> String,
    _ map: (UnsafePointer<UInt16>, Int32, UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
  ) throws(ICUError) -> String {
    try withUTF16(text) { (source, length) throws(ICUError) -> String in
      if length == 0 { return "" }
      let units = try withResizingUTF16Buffer(
        capacity: Int(length) + 16, operation: operation()
      ) { destination, capacity, status in
        map(source, length, destination, capacity, &status)
      }
      return String(icuUTF16: units)
    }
  }
}
