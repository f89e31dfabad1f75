/// HTML character references as scrapes leave them in text: `&nbsp;`, `&#8217;`,
/// `&#x2014;` and the named ones that occur in transcripts.
enum HTMLEntities {
  /// The named references decoded, by name.
  static let named: [String: Unicode.Scalar] = [
    "nbsp": "\u{A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
    "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›", "ldquo": "“", "rdquo": "”",
    "bdquo": "„", "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ndash": "–", "mdash": "—",
    "minus": "−", "hellip": "…", "shy": "\u{AD}", "copy": "©", "reg": "®", "trade": "™",
    "deg": "°", "middot": "·", "bull": "•", "euro": "€", "pound": "£", "sect": "§",
    "para": "¶", "times": "×", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}",
    "zwnj": "\u{200C}", "zwj": "\u{200D}", "lrm": "\u{200E}", "rlm": "\u{200F}",
    "numero": "№", "prime": "′", "Prime": "″", "aacute": "á", "eacute": "é", "iacute": "í",
    "oacute": "ó", "uacute": "ú", "atilde": "ã", "otilde": "õ", "ccedil": "ç",
    "acirc": "â", "ecirc": "ê", "ocirc": "ô", "agrave": "à", "uuml": "ü", "ntilde": "ñ",
  ]

  /// The longest reference looked at, `&` and `;` included.
  static let maximumLength = 12

  /// The character of the reference starting at `index` (an `&`) and the number of
  /// scalars it spans; `nil` when there is none. A reference whose result is `&` followed
  /// by another reference's name (`&amp;nbsp;`) is decoded through, so decoding twice
  /// never finds more.
  static func decode(_ scalars: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
    guard let (first, length) = decodeOne(scalars, at: index, ampersand: index) else {
      return nil
    }
    var result = first
    var total = length
    // "&amp;" yields "&": if a reference name follows, the pair is one double-escaped
    // reference.
    while result == "&", let (next, nextLength) = decodeOne(scalars, at: index + total - 1, ampersand: nil) {
      result = next
      total += nextLength - 1
    }
    return (result, total)
  }

  /// Decodes one reference whose `&` is at `index` (or, when `ampersand` is nil, is the
  /// virtual `&` that the previous reference produced at `index`).
  private static func decodeOne(_ scalars: [Unicode.Scalar], at index: Int, ampersand: Int?)
    -> (Unicode.Scalar, Int)?
  {
    if ampersand != nil, scalars[index] != "&" { return nil }
    var name = ""
    var end = index + 1
    while end < scalars.count, end - index < maximumLength {
      let scalar = scalars[end]
      if scalar == ";" { break }
      guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#"
      else { return nil }
      name.unicodeScalars.append(scalar)
      end += 1
    }
    guard end < scalars.count, scalars[end] == ";", !name.isEmpty else { return nil }
    let length = end - index + 1
    if name.hasPrefix("#") {
      let digits = name.dropFirst()
      let value: UInt32? =
        digits.first == "x" || digits.first == "X"
        ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
      guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
      return (scalar, length)
    }
    guard let scalar = named[name] else { return nil }
    return (scalar, length)
  }
}
