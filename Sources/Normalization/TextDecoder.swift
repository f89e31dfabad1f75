import ICU
import TextModel

/// Decodes the bytes of a transcript: UTF-8 (with or without a BOM), UTF-16 with a BOM, and
/// legacy 8-bit charsets (windows-1251, KOI8-R, IBM866, windows-1252, ISO-8859-1), detected
/// or named by the caller.
///
/// ```swift
/// let decoded = try TextDecoder().decode(bytes)
/// decoded.text; decoded.encoding; decoded.replacementCount
/// ```
///
/// Bytes that are mostly valid UTF-8 are read as UTF-8, each invalid sequence becoming one
/// U+FFFD (the maximal-subpart rule Python's `errors="replace"` also follows). Bytes with
/// many invalid sequences are legacy text (see `LegacyCharsetGuess`). Binary input is refused.
public struct TextDecoder: Sendable {
  /// The charset to read every input as, or `nil` to detect it.
  public var forcedEncoding: String?

  /// A decoder that detects the charset, or reads every input as `forcedEncoding`.
  public init(forcedEncoding: String? = nil) {
    self.forcedEncoding = forcedEncoding
  }

  /// Decodes `bytes`.
  /// - Throws: ``DecodingError`` for binary input or an unknown forced encoding;
  ///   ``ICUError`` when ICU fails.
  public func decode(_ bytes: [UInt8]) throws -> DecodedText {
    if let forcedEncoding {
      guard let converter = try? ICU.Converter(charset: forcedEncoding) else {
        throw DecodingError(kind: .unknownEncoding(forcedEncoding))
      }
      let decoded = try converter.decode(bytes)
      let (text, removedBOM) = Self.droppingByteOrderMark(decoded.text)
      return DecodedText(
        text: text, encoding: forcedEncoding, replacementCount: decoded.replacementCount,
        removedByteOrderMark: removedBOM)
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return Self.decodeUTF8(bytes.dropFirst(3), removedBOM: true)
    }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return Self.decodeUTF16(bytes)
    }
    if Self.looksBinary(bytes) { throw DecodingError(kind: .binary) }
    let utf8 = Self.decodeUTF8(bytes[...], removedBOM: false)
    if !Self.looksLegacy(utf8) { return utf8 }
    return try decodeLegacy(bytes)
  }

  /// Reads bytes that are not UTF-8 with the legacy charset they most likely are in.
  private func decodeLegacy(_ bytes: [UInt8]) throws -> DecodedText {
    let (name, decoded) = try LegacyCharsetGuess.decode(bytes)
    return DecodedText(
      text: decoded.text, encoding: name, replacementCount: decoded.replacementCount,
      removedByteOrderMark: false)
  }

  static func decodeUTF8(_ bytes: ArraySlice<UInt8>, removedBOM: Bool) -> DecodedText {
    if let text = String(validating: bytes, as: UTF8.self) {
      return DecodedText(
        text: text, encoding: "UTF-8", replacementCount: 0, removedByteOrderMark: removedBOM)
    }
    var scalars = String.UnicodeScalarView()
    var replacements = 0
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): scalars.append(scalar)
      case .error:
        scalars.append("\u{FFFD}")
        replacements += 1
      case .emptyInput: break loop
      }
    }
    return DecodedText(
      text: String(scalars), encoding: "UTF-8", replacementCount: replacements,
      removedByteOrderMark: removedBOM)
  }

  static func decodeUTF16(_ bytes: [UInt8]) -> DecodedText {
    let bigEndian = bytes[0] == 0xFE
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = 2
    while index + 1 < bytes.count {
      let high = UInt16(bytes[bigEndian ? index : index + 1])
      let low = UInt16(bytes[bigEndian ? index + 1 : index])
      units.append(high << 8 | low)
      index += 2
    }
    var scalars = String.UnicodeScalarView()
    var replacements = bytes.count % 2  // a trailing odd byte
    var iterator = units.makeIterator()
    var decoder = UTF16()
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): scalars.append(scalar)
      case .error:
        scalars.append("\u{FFFD}")
        replacements += 1
      case .emptyInput: break loop
      }
    }
    if bytes.count % 2 == 1 { scalars.append("\u{FFFD}") }
    return DecodedText(
      text: String(scalars), encoding: bigEndian ? "UTF-16BE" : "UTF-16LE",
      replacementCount: replacements, removedByteOrderMark: true)
  }

  /// Binary input: in its first 64 KiB, NUL bytes, or more than one in ten bytes being C0
  /// controls other than tab, line feed, form feed, carriage return and escape.
  static func looksBinary(_ bytes: [UInt8]) -> Bool {
    let sampleCount = min(bytes.count, 65_536)
    var controls = 0
    let found = bytes.withUnsafeBufferPointer { bytes in
      var index = 0
      while index < sampleCount {
        // Eight bytes at a time past those with no C0 control: most of a text.
        if index + 8 <= sampleCount {
          let chunk = UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + index).loadUnaligned(as: UInt64.self)
          if !ByteLanes.hasByte(chunk, below: 0x20) {
            index += 8
            continue
          }
        }
        let byte = bytes[index]
        if byte < 0x20 {
          if byte == 0 { return true }
          if ![0x09, 0x0A, 0x0C, 0x0D, 0x1B].contains(byte) { controls += 1 }
        }
        index += 1
      }
      return false
    }
    return found || controls * 10 > sampleCount
  }

  /// Whether text read as UTF-8 is legacy 8-bit text rather than UTF-8 with a few broken
  /// bytes: at least four invalid sequences, and more than four times as many as valid
  /// multi-byte characters (which legacy text almost never forms by chance).
  static func looksLegacy(_ utf8: DecodedText) -> Bool {
    guard utf8.replacementCount >= 4 else { return false }
    let nonASCII = utf8.text.unicodeScalars.lazy.filter { !$0.isASCII }.count
    let validMultiByte = nonASCII - utf8.replacementCount
    return utf8.replacementCount > 4 * validMultiByte
  }

  static func droppingByteOrderMark(_ text: String) -> (String, Bool) {
    text.unicodeScalars.first == "\u{FEFF}"
      ? (String(text.unicodeScalars.dropFirst()), true) : (text, false)
  }
}
