extension Unicode.Scalar {
  /// Whether the scalar is a letter or a digit (Alphabetic or numeric), answered from ASCII
  /// and basic Cyrillic ranges without a Unicode property lookup when it can be: the test
  /// hot loops make.
  @inlinable public var isWordScalar: Bool {
    switch value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x400...0x45F: return true
    case 0...0x7F: return false
    default: return properties.isAlphabetic || properties.numericType != nil
    }
  }

  /// Whether the scalar is whitespace (Unicode's White_Space property, a short list that no
  /// Unicode version has changed since 6.3), answered without a property lookup.
  @inlinable public var isSpaceScalar: Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
      return true
    default: return false
    }
  }
}

/// The scalar value that starts at byte `index` of valid UTF-8 `bytes` (a Swift string's
/// bytes), and its length in bytes: for loops that walk UTF-8 without decoding all of it.
@inlinable @inline(__always)
public func decodeValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
  let lead = UInt32(bytes[index])
  if lead < 0x80 { return (lead, 1) }
  let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  var value = lead & (0x7F >> length)
  for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
  return (value, length)
}

extension Array where Element == Unicode.Scalar {
  /// The Unicode scalars of `bytes`, which must be valid UTF-8 (a Swift string's bytes),
  /// decoded straight from them: several times faster than `Array(text.unicodeScalars)`.
  public init(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
    // At most one scalar a byte, written in place; runs of ASCII eight bytes at a time.
    self.init(unsafeUninitializedCapacity: bytes.count) { scalars, count in
      guard let base = bytes.baseAddress else { return }
      let raw = UnsafeRawPointer(base)
      var index = 0
      while index < bytes.count {
        if index + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & ByteLanes.highs == 0 {
          for offset in 0..<8 {
            scalars.initializeElement(at: count + offset, to: Unicode.Scalar(bytes[index + offset]))
          }
          count += 8
          index += 8
          continue
        }
        let (value, length) = decodeValidUTF8(bytes, at: index)
        // Valid UTF-8 gives only scalar values.
        scalars.initializeElement(at: count, to: Unicode.Scalar(value) ?? "\u{FFFD}")
        count += 1
        index += length
      }
    }
  }
}

extension String {
  /// The string of `scalars`, encoded straight to UTF-8.
  @inlinable public init(scalars: some Collection<Unicode.Scalar>) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(scalars.count + scalars.count / 2)
    for scalar in scalars {
      let value = scalar.value
      switch value {
      case 0..<0x80:
        bytes.append(UInt8(value))
      case 0x80..<0x800:
        bytes.append(UInt8(0xC0 | value >> 6))
        bytes.append(UInt8(0x80 | value & 0x3F))
      case 0x800..<0x10000:
        bytes.append(UInt8(0xE0 | value >> 12))
        bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
        bytes.append(UInt8(0x80 | value & 0x3F))
      default:
        bytes.append(UInt8(0xF0 | value >> 18))
        bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
        bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
        bytes.append(UInt8(0x80 | value & 0x3F))
      }
    }
    self = String(decoding: bytes, as: UTF8.self)
  }
}
