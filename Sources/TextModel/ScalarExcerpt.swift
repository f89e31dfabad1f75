/// The Unicode scalars of the whole lines of a text around a span, addressed by the text's
/// own scalar offsets: what code that looks at a passage and the lines it sits on needs,
/// without decoding the rest of the text.
///
/// ```swift
/// let excerpt = ScalarExcerpt(linesOf: "one\ntwo three\nfour", around: ScalarSpan(start: 8, end: 13))
/// excerpt.start            // 4: "two three" starts at scalar 4 of the text
/// excerpt.end              // 13
/// excerpt[8..<13]          // "three"
/// ```
public struct ScalarExcerpt: Sendable {
  /// The text's scalar offset of the first scalar: 0, or just after a line feed.
  public let start: Int
  /// The scalars from ``start`` up to ``end``.
  public let scalars: [Unicode.Scalar]

  /// The text's scalar offset just past the last scalar: the text's end, or that of a line
  /// feed, which is not included.
  public var end: Int { start + scalars.count }

  /// The lines of `text` that `span` touches: from the line feed before `span.start` (or the
  /// text's start) to the line feed at or after `span.end` (or the text's end).
  /// - Precondition: `span` lies within the text.
  public init(linesOf text: String, around span: ScalarSpan) {
    var text = text
    (start, scalars) = text.withUTF8 { utf8 in
      // The byte where scalar `span.start` begins: count lead bytes, eight at a time.
      var byte = 0
      var scalar = 0
      while byte + 8 <= utf8.count {
        let word = UnsafeRawPointer(utf8.baseAddress.unsafelyUnwrapped).loadUnaligned(fromByteOffset: byte, as: UInt64.self)
        let leads = 8 - ByteLanes.continuationBytes(word).nonzeroBitCount
        guard scalar + leads <= span.start else { break }
        scalar += leads
        byte += 8
      }
      while scalar < span.start || (byte < utf8.count && utf8[byte] & 0xC0 == 0x80) {
        if utf8[byte] & 0xC0 != 0x80 { scalar += 1 }
        byte += 1
      }
      // Back to the line's start; scalars counted as they are passed.
      var lineStart = (byte: byte, scalar: scalar)
      while lineStart.byte > 0, utf8[lineStart.byte - 1] != 0x0A {
        lineStart.byte -= 1
        if utf8[lineStart.byte] & 0xC0 != 0x80 { lineStart.scalar -= 1 }
      }
      // Forward to the end of the line where the span ends.
      var lineEnd = lineStart.byte
      var lineEndScalar = lineStart.scalar
      while lineEnd < utf8.count, lineEndScalar < span.end || utf8[lineEnd] != 0x0A {
        if utf8[lineEnd] & 0xC0 != 0x80 { lineEndScalar += 1 }
        lineEnd += 1
      }
      let lines = UnsafeBufferPointer(rebasing: utf8[lineStart.byte..<lineEnd])
      return (lineStart.scalar, [Unicode.Scalar](validUTF8: lines))
    }
  }

  /// The scalar at the text's offset `offset`, which must lie in the excerpt.
  @inlinable public subscript(offset: Int) -> Unicode.Scalar {
    scalars[offset - start]
  }

  /// The scalars at the text's offsets `range`, which must lie in the excerpt.
  @inlinable public subscript(range: Range<Int>) -> ArraySlice<Unicode.Scalar> {
    scalars[(range.lowerBound - start)..<(range.upperBound - start)]
  }
}
