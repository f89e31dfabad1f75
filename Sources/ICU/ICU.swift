internal import CICU

/// Safe Swift access to the system ICU (Debian's `libicu-dev`).
///
/// Every wrapper lives in an extension of this namespace: ``Normalizer``,
/// ``Transliterator``, ``BreakIterator``, ``SpoofChecker``, ``Script``,
/// ``CharsetDetector``, ``Converter`` and the case mappings. ICU status codes become thrown
/// ``ICUError``s; handles are opened once, closed on deinit, and locked where ICU says a
/// handle is not thread-safe. Text goes in and out as Swift strings; positions come back in
/// Verbatim's offset convention (Unicode scalar offsets), converted from ICU's UTF-16.
public enum ICU {
  /// The version of the ICU library linked at run time, e.g. "72.1".
  public static var version: String {
    var buffer = [CChar](repeating: 0, count: 32)
    vb_icu_version(&buffer, Int32(buffer.count))
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
