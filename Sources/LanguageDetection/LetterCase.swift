/// Lowercasing of single scalars without allocation: table-free fast paths for the Latin and
/// Cyrillic blocks the models cover, the standard library's mapping for the rest.
enum LetterCase {
  @inline(__always)
  static func lowercased(_ scalar: Unicode.Scalar) -> UInt32 {
    let v = scalar.value
    switch v {
    case 0x41...0x5A: return v + 0x20
    case 0x61...0x7A: return v
    case 0xC0...0xDE where v != 0xD7: return v + 0x20
    case 0xDF...0xFF: return v
    case 0x100...0x137, 0x14A...0x177: return v | 1
    case 0x410...0x42F: return v + 0x20
    case 0x400...0x40F: return v + 0x50
    case 0x430...0x45F: return v
    case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x52F: return v | 1
    default:
      guard scalar.properties.changesWhenLowercased,
        let lower = scalar.properties.lowercaseMapping.unicodeScalars.first
      else { return v }
      return lower.value
    }
  }

  /// Whether the scalar is an uppercase or titlecase letter.
  @inline(__always)
  static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    switch v {
    case 0x41...0x5A, 0x410...0x42F, 0x400...0x40F: return true
    case 0x61...0x7A, 0x430...0x45F: return false
    case 0xC0...0xDE: return v != 0xD7
    case 0xDF...0xFF: return false
    default: return scalar.properties.isUppercase
    }
  }
}
