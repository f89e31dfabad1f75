/// Converts between UTF-16 offsets (what ICU reports) and Unicode scalar offsets (what
/// Verbatim reports) for one text.
///
/// Only scalars outside the Basic Multilingual Plane — emoji, flags' regional indicators,
/// historic scripts — take two UTF-16 units, so the map stores just their positions and
/// answers by binary search. Combining marks are scalars of their own in both conventions.
///
/// ```swift
/// let map = UTF16ScalarMap("🇷🇺 Москва")
/// map.scalarOffset(fromUTF16: 5)   // 3: the flag is two scalars, four UTF-16 units
/// ```
public struct UTF16ScalarMap: Sendable {
  /// The UTF-16 offsets at which a two-unit scalar starts, ascending.
  private let supplementaryUTF16Starts: [Int]
  /// The scalar offsets of the same scalars, ascending.
  private let supplementaryScalarStarts: [Int]
  /// The length of the text in UTF-16 units.
  public let utf16Count: Int
  /// The length of the text in scalars.
  public var scalarCount: Int { utf16Count - supplementaryUTF16Starts.count }

  /// Indexes the scalars of `text`.
  /// - Complexity: O(*n*) in the length of the text.
  public init(_ text: some StringProtocol) {
    var utf16Starts: [Int] = []
    var scalarStarts: [Int] = []
    var utf16Offset = 0
    var scalarOffset = 0
    for scalar in text.unicodeScalars {
      if scalar.value > 0xFFFF {
        utf16Starts.append(utf16Offset)
        scalarStarts.append(scalarOffset)
        utf16Offset += 2
      } else {
        utf16Offset += 1
      }
      scalarOffset += 1
    }
    supplementaryUTF16Starts = utf16Starts
    supplementaryScalarStarts = scalarStarts
    utf16Count = utf16Offset
  }

  /// The scalar offset of a UTF-16 offset. An offset inside a surrogate pair maps to the
  /// scalar that the pair encodes.
  /// - Complexity: O(log *k*), where *k* is the number of supplementary scalars.
  public func scalarOffset(fromUTF16 offset: Int) -> Int {
    offset - Self.countOfElements(in: supplementaryUTF16Starts, lessThan: offset)
  }

  /// The UTF-16 offset at which the scalar at `offset` starts.
  /// - Complexity: O(log *k*), where *k* is the number of supplementary scalars.
  public func utf16Offset(fromScalar offset: Int) -> Int {
    offset + Self.countOfElements(in: supplementaryScalarStarts, lessThan: offset)
  }

  /// The scalar span of a UTF-16 range.
  public func scalarSpan(fromUTF16 range: Range<Int>) -> ScalarSpan {
    ScalarSpan(
      start: scalarOffset(fromUTF16: range.lowerBound),
      end: scalarOffset(fromUTF16: range.upperBound))
  }

  private static func countOfElements(in sorted: [Int], lessThan value: Int) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
