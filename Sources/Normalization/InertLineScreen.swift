import ICU
import TextModel

/// Proves cheaply, on UTF-8 bytes, that the display profile's passes leave a line as it
/// is, so that ``TextNormalizer`` can copy the line instead of running the passes over it.
///
/// A line (up to and including its line feed) is inert when no pass has anything to do in it:
/// - `CharacterRepairPass`: no control character but tab, no carriage return, no `&` before
///   a letter, digit or `#` (where an entity could start), no exotic space, no invisible
///   character;
/// - `UnicodeFormPass` (NFC): every scalar starts a normalization segment and is NFC on
///   its own; so must the first scalar of the next line, whose segment would otherwise
///   begin at this line's line feed;
/// - `MojibakeRepairPass`: no run of non-ASCII scalars whose bytes, in one of the pass's
///   code pages, begin with a UTF-8 lead byte and a continuation byte, or are none at all
///   (ICU drops default-ignorable characters that a code page lacks). Any other run's
///   bytes are not UTF-8, or give no fewer scalars, so the pass keeps it;
/// - `CodePageSwapPass`: no Cyrillic word with a capital after a lowercase letter;
/// - `LookAlikePass`: no word with both Latin and Cyrillic letters in which every letter of
///   one of the two scripts has a look-alike in the other ("Mоscow", but not "éтат").
///
/// Only scalars of the blocks in ``classifiedRanges`` are judged; any other scalar makes
/// its line go through the passes. The screen may send an inert line through the passes,
/// never the reverse: it only looks for what would make a pass act.
struct InertLineScreen: Sendable {
  /// What the screen knows of one non-ASCII scalar, as bits.
  struct Traits: OptionSet, Sendable {
    let rawValue: UInt32
    /// Unchanged by character repair; starts an NFC segment and is NFC alone.
    static let inert = Traits(rawValue: 1 << 0)
    /// Starts an NFC segment.
    static let startsSegment = Traits(rawValue: 1 << 1)
    /// Part of a word for `LookAlikePass`, and of which script.
    static let word = Traits(rawValue: 1 << 2)
    static let latin = Traits(rawValue: 1 << 3)
    static let cyrillic = Traits(rawValue: 1 << 4)
    /// A letter of `CodePageSwapPass`'s Cyrillic words (U+0400–U+045F), and its case.
    static let cyrillicLetter = Traits(rawValue: 1 << 5)
    static let lowercase = Traits(rawValue: 1 << 6)
    static let uppercase = Traits(rawValue: 1 << 7)
    /// A Latin or Cyrillic letter with a look-alike in the other script.
    static let hasLookAlike = Traits(rawValue: 1 << 20)
    /// Three bits each, one per code page of `MojibakeRepairPass`: the scalar is encoded
    /// as one byte, as a UTF-8 lead byte, as a continuation byte, as no byte.
    static let encodedShift: UInt32 = 8
    static let leadShift: UInt32 = 11
    static let continuationShift: UInt32 = 14
    static let vanishesShift: UInt32 = 17

    /// The code pages of the bits at `shift`.
    @inline(__always) func pages(_ shift: UInt32) -> UInt32 { rawValue >> shift & 0b111 }
  }

  /// The blocks whose scalars are judged: Latin-1 to Cyrillic, general punctuation to
  /// symbols and arrows, variation selectors, emoji.
  static let classifiedRanges: [Range<UInt32>] = [
    0x80..<0x530, 0x2000..<0x2C00, 0xFE00..<0xFE10, 0x1F000..<0x1FB00,
  ]
  private let tables: [[Traits]]
  /// The ASCII letters with a Cyrillic look-alike, one bit per byte value.
  private let asciiLookAlikes: (low: UInt64, high: UInt64)

  /// For each code page of `MojibakeRepairPass`, in order, the non-ASCII scalars it
  /// encodes, with their bytes: one byte, or none for a default-ignorable character that
  /// ICU drops.
  static func codePageBytes() throws -> [[Unicode.Scalar: [UInt8]]] {
    // windows-1252 as the pass applies it: U+0080–U+00FF as the byte of the same value,
    // and its specials.
    var windows1252: [Unicode.Scalar: [UInt8]] = [:]
    for byte in UInt8(0x80)...0xFF { windows1252[Unicode.Scalar(byte)] = [byte] }
    for (scalar, byte) in MojibakeRepairPass.windows1252Specials { windows1252[scalar] = [byte] }
    var pages = [windows1252]
    let ignorables = classifiedRanges.joined().compactMap(Unicode.Scalar.init)
      .filter(\.properties.isDefaultIgnorableCodePoint)
    for charset in MojibakeRepairPass.icuCharsets {
      let converter = try ICU.Converter(charset: charset)
      var page: [Unicode.Scalar: [UInt8]] = [:]
      // A single-byte code page encodes the scalars its bytes decode to…
      for byte in UInt8(0x80)...0xFF {
        let decoded = try converter.decode([byte])
        guard decoded.replacementCount == 0, decoded.text.unicodeScalars.count == 1,
          let scalar = decoded.text.unicodeScalars.first
        else { continue }
        page[scalar] = [byte]
      }
      // …and drops the default-ignorable characters it lacks.
      for scalar in ignorables where page[scalar] == nil {
        page[scalar] = try? converter.encode(String(scalar))
      }
      pages.append(page)
    }
    return pages
  }

  init() throws {
    let nfc = try ICU.Normalizer(.nfc)
    let lookAlikes = try LookAlikeTable.shared()
    var tables = try Self.classifiedRanges.map { range in
      try range.map { value in
        guard let scalar = Unicode.Scalar(value) else { return Traits() }
        return try Self.traits(of: scalar, nfc: nfc, lookAlikes: lookAlikes)
      }
    }
    var asciiLookAlikes: (low: UInt64, high: UInt64) = (0, 0)
    for scalar in lookAlikes.cyrillicForLatin.keys where scalar.isASCII {
      if scalar.value < 64 { asciiLookAlikes.low |= 1 << scalar.value } else { asciiLookAlikes.high |= 1 << (scalar.value - 64) }
    }
    self.asciiLookAlikes = asciiLookAlikes
    for (page, encodings) in try Self.codePageBytes().enumerated() {
      func bit(_ shift: UInt32) -> Traits { Traits(rawValue: 1 << (shift + UInt32(page))) }
      for (scalar, bytes) in encodings {
        guard let table = Self.classifiedRanges.firstIndex(where: { $0.contains(scalar.value) })
        else { continue }
        let offset = Int(scalar.value - Self.classifiedRanges[table].lowerBound)
        switch bytes.count {
        case 0: tables[table][offset].insert(bit(Traits.vanishesShift))
        case 1:
          tables[table][offset].insert(bit(Traits.encodedShift))
          if (0xC2...0xF4).contains(bytes[0]) { tables[table][offset].insert(bit(Traits.leadShift)) }
          if (0x80...0xBF).contains(bytes[0]) {
            tables[table][offset].insert(bit(Traits.continuationShift))
          }
        default: tables[table][offset].remove(.inert)  // not a single-byte code page: not judged
        }
      }
    }
    self.tables = tables
  }

  /// The traits of `scalar` but those of the code pages.
  private static func traits(of scalar: Unicode.Scalar, nfc: ICU.Normalizer, lookAlikes: LookAlikeTable)
    throws -> Traits
  {
    var traits: Traits = []
    if nfc.hasBoundary(before: scalar) { traits.insert(.startsSegment) }
    let repaired =
      CharacterRepairPass.isControl(scalar) || CharacterRepairPass.isExoticSpace(scalar)
      || CharacterRepairPass.isInvisible(scalar)
    if !repaired, traits.contains(.startsSegment),
      try nfc.isInert(scalar) || nfc.normalize(String(scalar)).unicodeScalars.elementsEqual([scalar])
    {
      traits.insert(.inert)
    }
    if LookAlikePass.isWordScalar(scalar) {
      traits.insert(.word)
      switch LookAlikePass.script(of: scalar) {
      case .latin:
        traits.insert(.latin)
        if lookAlikes.cyrillicForLatin[scalar] != nil { traits.insert(.hasLookAlike) }
      case .cyrillic:
        traits.insert(.cyrillic)
        if lookAlikes.latinForCyrillic[scalar] != nil { traits.insert(.hasLookAlike) }
      case .other: break
      }
    }
    if (0x400...0x45F).contains(scalar.value) {
      traits.insert(.cyrillicLetter)
      if scalar.properties.isLowercase { traits.insert(.lowercase) }
      if scalar.properties.isUppercase { traits.insert(.uppercase) }
    }
    return traits
  }

  private static let cache = Result { try InertLineScreen() }

  /// The screen, built once per process.
  static func shared() throws -> InertLineScreen { try cache.get() }

  /// The traits of the non-ASCII scalar `value`; none for a scalar outside the classified
  /// blocks.
  @inline(__always) func traits(of value: UInt32) -> Traits {
    for (range, table) in zip(Self.classifiedRanges, tables) where range.contains(value) {
      return table[Int(value - range.lowerBound)]
    }
    return []
  }

  /// Judges the line of valid UTF-8 `bytes` that starts at `start`: where it ends (after
  /// its line feed, or at the end of `bytes`) and, when it is inert, how many scalars it
  /// has (`nil` when it may not be inert).
  func judgeLine(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, inertCount: Int?) {
    var index = start
    var count = 0
    var wordScripts: Traits = []  // the scripts seen in the current word
    var settledWordEnd = start  // the end of a word of two scripts that `LookAlikePass` keeps
    var afterLowercaseCyrillic = false
    // The current run of non-ASCII scalars: its length, counted up to 2, and the code
    // pages in which its bytes so far are none, or one lead byte.
    var runLength = 0
    var noBytes: UInt32 = 0
    var oneLead: UInt32 = 0
    func rejected() -> (end: Int, inertCount: Int?) {
      while index < bytes.count, bytes[index] != 0x0A { index += 1 }
      return (min(index + 1, bytes.count), nil)
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        if runLength >= 2, noBytes != 0 { return rejected() }
        runLength = 0
        afterLowercaseCyrillic = false
        if Self.isLetter(byte), wordScripts.contains(.cyrillic), index >= settledWordEnd {
          guard let end = wordKeptByLookAlikePass(bytes, around: index) else { return rejected() }
          settledWordEnd = end
        }
        var plain = index  // past the printable ASCII without "&", eight bytes at a time
        while plain + 8 <= bytes.count,
          Self.isPlainASCII(UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + plain).loadUnaligned(as: UInt64.self))
        {
          plain += 8
        }
        if plain > index {
          wordScripts = Self.isLetter(bytes[plain - 1]) ? .latin : []
          count += plain - index
          index = plain
          continue
        }
        switch byte {
        case 0x0A: return (index + 1, count + 1)
        case 0x09: break
        case UInt8(ascii: "&"):
          if index + 1 < bytes.count, Self.mayStartEntityName(bytes[index + 1]) { return rejected() }
        case 0x20..<0x7F: break
        default: return rejected()
        }
        wordScripts = Self.isLetter(byte) ? .latin : []
        count += 1
        index += 1
        continue
      }
      let (value, length) = decodeValidUTF8(bytes, at: index)
      let traits = traits(of: value)
      guard traits.contains(.inert) else { return rejected() }
      if traits.contains(.word) {
        wordScripts.formUnion(traits.intersection([.latin, .cyrillic]))
        if wordScripts.isSuperset(of: [.latin, .cyrillic]), index >= settledWordEnd {
          guard let end = wordKeptByLookAlikePass(bytes, around: index) else { return rejected() }
          settledWordEnd = end
        }
      } else {
        wordScripts = []
      }
      if traits.contains(.cyrillicLetter) {
        if afterLowercaseCyrillic, traits.contains(.uppercase) { return rejected() }
        afterLowercaseCyrillic = traits.contains(.lowercase)
      } else {
        afterLowercaseCyrillic = false
      }
      if runLength == 0 {
        noBytes = 0b111
        oneLead = 0
      }
      runLength = min(runLength + 1, 2)
      let encoded = traits.pages(Traits.encodedShift)
      let vanishes = traits.pages(Traits.vanishesShift)
      if oneLead & encoded & traits.pages(Traits.continuationShift) != 0 { return rejected() }
      oneLead = oneLead & vanishes | noBytes & encoded & traits.pages(Traits.leadShift)
      noBytes &= vanishes
      count += 1
      index += length
    }
    return (bytes.count, runLength >= 2 && noBytes != 0 ? nil : count)
  }

  /// Where the word around byte `index` of valid UTF-8 `bytes` ends, if `LookAlikePass`
  /// keeps it as it is (a word with as many letters of each script, or one in which a letter
  /// of the fewer script has no look-alike); `nil` if it may rewrite it.
  private func wordKeptByLookAlikePass(_ bytes: UnsafeBufferPointer<UInt8>, around index: Int) -> Int? {
    var latin = 0
    var cyrillic = 0
    var latinWithout = 0  // letters without a look-alike in the other script
    var cyrillicWithout = 0
    func wordTraits(at position: Int) -> (traits: Traits, length: Int) {
      let (value, length) = decodeValidUTF8(bytes, at: position)
      guard value >= 0x80 else {
        guard Self.isLetter(UInt8(value)) else { return ([], 1) }
        let mask = value < 64 ? asciiLookAlikes.low >> value : asciiLookAlikes.high >> (value - 64)
        return (mask & 1 != 0 ? [.word, .latin, .hasLookAlike] : [.word, .latin], 1)
      }
      let traits = traits(of: value)
      return (traits.contains(.word) ? traits : [], length)
    }
    var start = index
    while start > 0 {
      var previous = start - 1
      while bytes[previous] & 0xC0 == 0x80 { previous -= 1 }
      guard wordTraits(at: previous).traits.contains(.word) else { break }
      start = previous
    }
    var end = start
    while end < bytes.count {
      let (traits, length) = wordTraits(at: end)
      guard traits.contains(.word) else { break }
      if traits.contains(.latin) {
        latin += 1
        if !traits.contains(.hasLookAlike) { latinWithout += 1 }
      } else if traits.contains(.cyrillic) {
        cyrillic += 1
        if !traits.contains(.hasLookAlike) { cyrillicWithout += 1 }
      }
      end += length
    }
    let kept = latin == cyrillic || (cyrillic > latin ? latinWithout > 0 : cyrillicWithout > 0)
    return kept ? end : nil
  }

  /// Whether eight bytes are all printable ASCII other than `&` (no line feed either).
  @inline(__always) private static func isPlainASCII(_ word: UInt64) -> Bool {
    word & ByteLanes.highs == 0 && !ByteLanes.hasByte(word, below: 0x20)
      && ByteLanes.bytes(word, equalTo: 0x7F) | ByteLanes.bytes(word, equalTo: UInt8(ascii: "&")) == 0
  }

  @inline(__always) private static func isLetter(_ byte: UInt8) -> Bool {
    (0x61...0x7A).contains(byte | 0x20)
  }

  /// Whether the scalar at `index` of valid UTF-8 `bytes` starts an NFC segment (as far as
  /// the screen knows).
  func startsSegment(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    bytes[index] < 0x80 || traits(of: decodeValidUTF8(bytes, at: index).value).contains(.startsSegment)
  }

  /// A letter, digit or `#`: what an entity name starts with.
  private static func mayStartEntityName(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
      || byte == UInt8(ascii: "#")
  }
}
