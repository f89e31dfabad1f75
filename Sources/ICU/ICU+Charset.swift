internal import CICU
import Synchronization

extension ICU {
  /// Guesses the charset of undecoded bytes (ICU `ucsdet`): UTF-8, UTF-16 with a BOM, and
  /// legacy 8-bit charsets such as windows-1251, KOI8-R and ISO-8859-1.
  ///
  /// ```swift
  /// let detector = try ICU.CharsetDetector()
  /// try detector.detect(cp1251Bytes).first?.name   // "windows-1251"
  /// ```
  ///
  /// Detection is statistical: short inputs give low confidence. One detector may be shared
  /// between threads; calls take turns.
  public final class CharsetDetector: Sendable {
    /// One candidate charset.
    public struct Match: Hashable, Sendable {
      /// ICU's name of the charset, e.g. "UTF-8", "windows-1251", "KOI8-R", "ISO-8859-1".
      public var name: String
      /// ICU's confidence, 0–100.
      public var confidence: Int
    }

    private let handle: Mutex<Handle>

    /// Opens a detector.
    public init() throws(ICUError) {
      var status: Int32 = 0
      let pointer = vb_charset_detector_open(&status)
      try ICU.check(status, "cannot open the charset detector")
      guard let pointer else { throw ICUError(status: 1, operation: "cannot open the charset detector") }
      handle = Mutex(Handle(pointer: pointer))
    }

    deinit { handle.withLock { vb_charset_detector_close($0.pointer) } }

    /// The candidate charsets for `bytes`, most likely first.
    public func detect(_ bytes: some Collection<UInt8>) throws(ICUError) -> [Match] {
      let input = Array(bytes)
      let maxCount = 8
      var names = [CChar](repeating: 0, count: 64 * maxCount)
      var confidences = [Int32](repeating: 0, count: maxCount)
      var status: Int32 = 0
      let count = handle.withLock { handle in
        input.withUnsafeBufferPointer { buffer in
          buffer.withMemoryRebound(to: CChar.self) { chars in
            vb_charset_detect(
              handle.pointer, chars.baseAddress, Int32(chars.count), &names, &confidences,
              Int32(maxCount), &status)
          }
        }
      }
      try ICU.check(status, "cannot detect the charset")
      return (0..<Int(count)).map { index in
        let slot = names[(64 * index)..<(64 * index + 64)].prefix { $0 != 0 }
        return Match(
          name: String(decoding: slot.map { UInt8(bitPattern: $0) }, as: UTF8.self),
          confidence: Int(confidences[index]))
      }
    }
  }

  /// Converts between bytes in a charset and text (ICU `ucnv`): windows-1251, KOI8-R, IBM866,
  /// windows-1252, ISO-8859-1, UTF-16 (with BOM), UTF-8 and every other charset ICU knows.
  ///
  /// ```swift
  /// let cp1251 = try ICU.Converter(charset: "windows-1251")
  /// cp1251.decode([0xCC, 0xE8, 0xF0]).text   // "Мир"
  /// ```
  ///
  /// A converter keeps state between calls, so calls on one instance take turns.
  public final class Converter: Sendable {
    /// Text decoded from bytes.
    public struct Decoded: Hashable, Sendable {
      /// The text; bytes that are illegal or unmapped in the charset became U+FFFD.
      public var text: String
      /// How many U+FFFD replacements were made.
      public var replacementCount: Int
    }

    private let handle: Mutex<Handle>
    /// ICU's canonical name for the charset, e.g. "ibm-5347_P100-1998" for "windows-1251".
    public let canonicalName: String
    /// The charset name given when the converter was opened.
    public let charset: String

    /// Opens a converter for `charset` (any name or alias ICU knows).
    /// - Throws: ``ICUError`` naming the charset when ICU does not know it.
    public init(charset: String) throws(ICUError) {
      var status: Int32 = 0
      let pointer = vb_converter_open(charset, &status)
      try ICU.check(status, "unknown charset \"\(charset)\"")
      guard let pointer else { throw ICUError(status: 1, operation: "unknown charset \"\(charset)\"") }
      let name = vb_converter_name(pointer, &status).map { String(cString: $0) } ?? charset
      handle = Mutex(Handle(pointer: pointer))
      canonicalName = name
      self.charset = charset
    }

    deinit { handle.withLock { vb_converter_close($0.pointer) } }

    /// Decodes `bytes`, replacing each illegal or unmapped sequence with U+FFFD and
    /// counting the replacements. A UTF-16 converter reads and drops a leading BOM.
    public func decode(_ bytes: some Collection<UInt8>) throws(ICUError) -> Decoded {
      let input = Array(bytes)
      if input.isEmpty { return Decoded(text: "", replacementCount: 0) }
      var replacements: Int32 = 0
      let charset = charset
      let units = try handle.withLock { (handle) throws(ICUError) -> [UInt16] in
        try input.withUnsafeBufferPointer { (buffer) throws(ICUError) -> [UInt16] in
          try buffer.withMemoryRebound(to: CChar.self) { (chars) throws(ICUError) -> [UInt16] in
            try ICU.withResizingUTF16Buffer(
              capacity: chars.count + 16, operation: "cannot decode \(charset)"
            ) { destination, capacity, status in
              vb_converter_decode(
                handle.pointer, chars.baseAddress, Int32(chars.count), destination, capacity,
                &replacements, &status)
            }
          }
        }
      }
      return Decoded(text: String(icuUTF16: units), replacementCount: Int(replacements))
    }

    /// Encodes `text` in the charset.
    /// - Throws: ``ICUError`` (`U_INVALID_CHAR_FOUND`) when a character has no mapping in
    ///   the charset: encoding never substitutes silently.
    public func encode(_ text: some StringProtocol) throws(ICUError) -> [UInt8] {
      let units = Array(text.utf16)
      if units.isEmpty { return [] }
      let charset = charset
      var capacity = units.count * 4 + 16
      while true {
        var bytes = [CChar](repeating: 0, count: capacity)
        var status: Int32 = 0
        let length = handle.withLock { handle in
          vb_converter_encode(
            handle.pointer, units, Int32(units.count), &bytes, Int32(capacity), &status)
        }
        if status == ICU.bufferOverflow, Int(length) > capacity {
          capacity = Int(length) + 16
          continue
        }
        try ICU.check(status, "cannot encode text as \(charset)")
        return bytes.prefix(Int(length)).map { UInt8(bitPattern: $0) }
      }
    }
  }
}
