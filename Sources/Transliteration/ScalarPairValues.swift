/// Strings keyed by a pair of scalars, found without hashing when both are Cyrillic
/// (U+0400…U+052F) or U+0000: a dense table for those, a dictionary for the rest. The
/// lookup table of ``LetterTable``.
struct ScalarPairValues: Hashable, Sendable {
  private static let denseWidth = 0x131
  /// The distinct values; index 0 stands for "no entry".
  private var values: [String] = [""]
  private var dense = [UInt16](repeating: 0, count: denseWidth * denseWidth)
  private var sparse: [UInt64: UInt16] = [:]

  subscript(first: Unicode.Scalar, second: Unicode.Scalar) -> String? {
    get {
      let index: UInt16
      if let a = Self.denseIndex(first), let b = Self.denseIndex(second) {
        index = dense[a * Self.denseWidth + b]
      } else {
        index = sparse[Self.key(first, second)] ?? 0
      }
      return index == 0 ? nil : values[Int(index)]
    }
    set {
      guard let newValue else { return }
      let index = UInt16(values.count)
      values.append(newValue)
      if let a = Self.denseIndex(first), let b = Self.denseIndex(second) {
        dense[a * Self.denseWidth + b] = index
      } else {
        sparse[Self.key(first, second)] = index
      }
    }
  }

  /// 0…0x12F for U+0400…U+052F, 0x130 for U+0000; `nil` otherwise.
  @inline(__always)
  private static func denseIndex(_ scalar: Unicode.Scalar) -> Int? {
    let value = scalar.value
    if value &- 0x400 < 0x130 { return Int(value &- 0x400) }
    return value == 0 ? 0x130 : nil
  }

  private static func key(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt64 {
    UInt64(first.value) << 32 | UInt64(second.value)
  }
}
