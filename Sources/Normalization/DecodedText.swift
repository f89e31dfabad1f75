
/// Raw bytes decoded to text, with what decoding had to do.
///
/// The decoded text is the *raw text* of Verbatim's offset convention: every offset any
/// command reports counts Unicode scalars in it. A byte-order mark is not part of it (read
/// UTF-8 files in Python with `encoding="utf-8-sig"` to get the same indices).
public struct DecodedText: Hashable, Sendable {
  /// The text.
  public var text: String
  /// The charset the bytes were read as, e.g. "UTF-8", "UTF-16LE", "windows-1251".
  public var encoding: String
  /// How many invalid or unmappable byte sequences became U+FFFD (one per sequence).
  public var replacementCount: Int
  /// Whether a byte-order mark was removed from the start.
  public var removedByteOrderMark: Bool
}

/// Why bytes could not be decoded as text.
public struct DecodingError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kinds of decoding failure.
  public enum Kind: Hashable, Sendable {
    /// The bytes look like a binary file (many NUL or control bytes), not text.
    case binary
    /// The charset asked for is not one ICU knows.
    case unknownEncoding(String)
  }

  /// What went wrong.
  public var kind: Kind

  public var description: String {
    switch kind {
    case .binary: "the input looks binary (NUL or control bytes), not text"
    case .unknownEncoding(let name): "unknown encoding \"\(name)\""
    }
  }
}
