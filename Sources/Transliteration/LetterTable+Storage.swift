/// Value numbers keyed by a pair of scalars, found without hashing when both are Cyrillic
/// (U+0400…U+052F) or U+0000: a dense table for those, a dictionary for the rest. The
/// lookup tables of ``LetterTable``; number 0 means "no entry".
struct ScalarPairIndex: Hashable, Sendable {
  private static let denseWidth = 0x131
  private var dense = [UInt16](repeating: 0, count: denseWidth * denseWidth)
  private var sparse: [UInt64: UInt16] = [:]

  subscript(first: Unicode.Scalar, second: Unicode.Scalar) -> UInt16 {
    get {
      if let a = Self.denseIndex(first), let b = Self.denseIndex(second) {
        return dense[a * Self.denseWidth + b]
      }
      return sparse[Self.key(first, second)] ?? 0
    }
    set {
      if let a = Self.denseIndex(first), let b = Self.denseIndex(second) {
        dense[a * Self.denseWidth + b] = newValue
      } else {
        sparse[Self.key(first, second)] = newValue
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

/// The values of a ``LetterTable`` as UTF-8, each in three forms: as written (lowercase),
/// capitalised ("Shch") and in capitals ("SHCH"), so that applying a table makes no strings.
struct LetterValues: Hashable, Sendable {
  /// How a value is written.
  enum Form: Int {
    case lower = 0, capitalized, upper
  }

  private var bytes: [UInt8] = []
  /// For value number n (from 1), the start and end of each form in `bytes`: six entries
  /// from `6 * (n - 1)`.
  private var bounds: [Int32] = []
  private var numbers: [String: UInt16] = [:]

  /// The number of `value`, adding it when new.
  mutating func number(of value: String) -> UInt16 {
    if let number = numbers[value] { return number }
    let capitalized = value.unicodeScalars.first.map {
      String($0).uppercased() + String(value.unicodeScalars.dropFirst())
    } ?? value
    for form in [value, capitalized, value.uppercased()] {
      bounds.append(Int32(bytes.count))
      bytes.append(contentsOf: form.utf8)
      bounds.append(Int32(bytes.count))
    }
    let number = UInt16(bounds.count / 6)
    numbers[value] = number
    return number
  }

  /// Whether value number `number` is empty (a letter written as nothing).
  func isEmpty(_ number: UInt16) -> Bool {
    let base = 6 * (Int(number) - 1)
    return bounds[base] == bounds[base + 1]
  }

  /// Appends value number `number` in `form`.
  @inline(__always)
  func append(_ number: UInt16, _ form: Form, to output: inout [UInt8]) {
    let base = 6 * (Int(number) - 1) + 2 * form.rawValue
    let (start, end) = (Int(bounds[base]), Int(bounds[base + 1]))
    bytes.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<end])) }
  }
}
