extension Unicode.Scalar {
  /// Whether the scalar is a letter or a digit (Alphabetic or numeric), answered from ASCII
  /// ranges without a Unicode property lookup when it can be: the test hot loops make.
  @inlinable public var isWordScalar: Bool {
    switch value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
    case 0...0x7F: return false
    default: return properties.isAlphabetic || properties.numericType != nil
    }
  }

  /// Whether the scalar is whitespace, answered from ASCII without a property lookup when it
  /// can be.
  @inlinable public var isSpaceScalar: Bool {
    switch value {
    case 0x09...0x0D, 0x20: return true
    case 0...0x7F: return false
    default: return properties.isWhitespace
    }
  }
}
