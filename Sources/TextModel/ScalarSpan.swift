/// A span of raw text in Verbatim's one offset convention: Unicode scalar offsets,
/// end-exclusive.
///
/// The numbers are the same as Python `str` indices, so a span reported as
/// `{"start": 10, "end": 15}` is `text[10:15]` in Python. Every span that any Verbatim API or
/// command reports points into the raw (decoded, unaltered) text of a document.
public struct ScalarSpan: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  /// The offset of the first scalar of the span.
  public var start: Int
  /// The offset just past the last scalar of the span.
  public var end: Int

  /// Creates a span; `start` must not exceed `end`.
  public init(start: Int, end: Int) {
    precondition(start <= end, "a span's start \(start) is past its end \(end)")
    self.start = start
    self.end = end
  }

  /// The number of scalars in the span.
  public var count: Int { end - start }

  /// Whether the span holds no scalars.
  public var isEmpty: Bool { start == end }

  /// Whether `offset` lies inside the span.
  public func contains(_ offset: Int) -> Bool { start <= offset && offset < end }

  /// Whether the spans share at least one scalar.
  public func overlaps(_ other: ScalarSpan) -> Bool {
    start < other.end && other.start < end
  }

  /// The smallest span covering both spans.
  public func union(_ other: ScalarSpan) -> ScalarSpan {
    ScalarSpan(start: min(start, other.start), end: max(end, other.end))
  }

  public static func < (lhs: ScalarSpan, rhs: ScalarSpan) -> Bool {
    (lhs.start, lhs.end) < (rhs.start, rhs.end)
  }

  public var description: String { "\(start)..<\(end)" }
}

extension StringProtocol {
  /// The text of `span`, where the span counts Unicode scalars from the start of `self`.
  ///
  /// Returns `nil` when the span reaches past the end of the text.
  /// - Complexity: O(*n*) in `span.end`.
  public func slice(_ span: ScalarSpan) -> String? {
    let scalars = unicodeScalars
    guard
      let lower = scalars.index(
        scalars.startIndex, offsetBy: span.start, limitedBy: scalars.endIndex),
      let upper = scalars.index(lower, offsetBy: span.count, limitedBy: scalars.endIndex)
    else { return nil }
    var slice = String.UnicodeScalarView()
    slice.append(contentsOf: scalars[lower..<upper])
    return String(slice)
  }

  /// The number of Unicode scalars in the text: the length in Verbatim's offset convention.
  public var scalarCount: Int { unicodeScalars.count }
}
