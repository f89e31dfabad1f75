/// Metadata printed on lines of its own: a clock time ("13:56"), a site's id-date slug
/// ("2016-30-09-2022", "676-12-04-2024"), or a "date" prefix ("date 2024-06-21").
enum MetadataLine {
  /// A clock time `H:MM` or `HH:MM` with a valid hour and minute.
  static func time(_ text: String) -> String? {
    guard (4...5).contains(text.utf8.count) else { return nil }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
      let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour),
      (0..<60).contains(minute), parts.allSatisfy({ $0.allSatisfy(\.isASCII) })
    else { return nil }
    return (hour < 10 ? "0" : "") + "\(hour):" + parts[1]
  }

  /// A site slug `<id>-DD-MM-YYYY` and its ISO day.
  static func slug(_ text: String) -> (docID: String, date: String)? {
    // At least "1-DD-MM-YYYY", all ASCII; ids are short.
    guard (12...40).contains(text.utf8.count), text.utf8.first.map({ (0x30...0x39).contains($0) }) == true
    else { return nil }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      parts[1].count == 2, parts[2].count == 2, parts[3].count == 4,
      let day = Int(parts[1]), let month = Int(parts[2]), let year = Int(parts[3]),
      isValidDay(year: year, month: month, day: day)
    else { return nil }
    return (text, "\(parts[3])-\(parts[2])-\(parts[1])")
  }

  /// A leading "date YYYY-MM-DD" (as blog reposts print it): the ISO day and the scalar
  /// length of the prefix, spaces after it included.
  static func datePrefix(_ text: String) -> (date: String, length: Int)? {
    guard text.utf8.count >= 15, let first = text.utf8.first, first | 0x20 == UInt8(ascii: "d") else {
      return nil
    }
    let scalars = Array(text.unicodeScalars)
    let word = "date "
    guard scalars.count >= word.unicodeScalars.count + 10,
      String(String.UnicodeScalarView(scalars[0..<5])).lowercased() == word
    else { return nil }
    let iso = String(String.UnicodeScalarView(scalars[5..<15]))
    let parts = iso.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      isValidDay(year: year, month: month, day: day)
    else { return nil }
    var length = 15
    while length < scalars.count, scalars[length].properties.isWhitespace { length += 1 }
    return (iso, length)
  }

  static func isValidDay(year: Int, month: Int, day: Int) -> Bool {
    guard (1...12).contains(month), day >= 1 else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= lengths[month - 1]
  }
}
