import ICU

/// Reverses mojibake: UTF-8 text that was decoded with a legacy code page — windows-1252,
/// ISO-8859-1, windows-1251 or KOI8-R — once or twice ("Ð\u{9F}Ñ\u{80}Ð¸Ð²ÐµÑ\u{82}", "РџСЂРёРІРµС‚"
/// and "â€™" become "Привет", "Привет" and "’").
///
/// Each maximal run of non-ASCII characters is encoded back with each code page in turn
/// and decoded as UTF-8. The result replaces the run only when it is clearly better text:
/// the bytes are valid UTF-8 throughout, the result is shorter, and it holds only
/// characters that such text is made of (Latin-1 letters, Cyrillic, general punctuation,
/// symbols and emoji) — never a control character, a replacement character, or letters of
/// Latin Extended, Greek or other blocks that a wrong guess produces. Text that is not
/// mojibake fails these tests, which is why the corpus comes out unchanged.
struct MojibakeRepairPass: NormalizationPass {
  let kinds: Set<ChangeKind> = [.mojibake]
  /// Encoders for the code pages tried, in order.
  private let encoders: [@Sendable (ArraySlice<Unicode.Scalar>) -> [UInt8]?]

  /// The code pages tried after windows-1252, by their ICU names.
  static let icuCharsets = ["windows-1251", "KOI8-R"]

  init() throws {
    func icuEncoder(_ converter: ICU.Converter) -> @Sendable (ArraySlice<Unicode.Scalar>) -> [UInt8]? {
      { run in
        var text = String.UnicodeScalarView()
        text.append(contentsOf: run)
        return try? converter.encode(String(text))
      }
    }
    encoders = [Self.encodeSloppyWindows1252]
      + (try Self.icuCharsets.map { icuEncoder(try ICU.Converter(charset: $0)) })
  }

  func rewrite(_ input: [Unicode.Scalar], enabled: Set<ChangeKind>) -> ScalarRewriter {
    var rewriter = ScalarRewriter(input: input)
    var index = 0
    while index < input.count {
      guard !input[index].isASCII else {
        rewriter.keep(input[index])
        index += 1
        continue
      }
      var end = index + 1
      while end < input.count, !input[end].isASCII { end += 1 }
      let run = input[index..<end]
      if let repaired = repaired(run) {
        rewriter.replace(run.count, with: repaired, kind: .mojibake)
      } else {
        rewriter.keep(run)
      }
      index = end
    }
    return rewriter
  }

  /// The run repaired once, or twice for double mojibake; `nil` when no code page gives
  /// clearly better text.
  private func repaired(_ run: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar]? {
    for once in decodings(of: run) {
      if let twice = decodings(of: once[...]).first(where: Self.isPlausible) { return twice }
      if Self.isPlausible(once) { return once }
    }
    return nil
  }

  /// The shorter texts that the run's bytes give as UTF-8 under each code page.
  private func decodings(of run: ArraySlice<Unicode.Scalar>) -> [[Unicode.Scalar]] {
    // Plain Russian words (А–я) encode to lead bytes only in every code page tried, so they
    // can never be UTF-8 in disguise: skip them without calling ICU.
    guard run.count >= 2, !run.allSatisfy({ (0x410...0x44F).contains($0.value) }) else {
      return []
    }
    return encoders.compactMap { encode in
      guard let bytes = encode(run), let text = String(validating: bytes, as: UTF8.self)
      else { return nil }
      let scalars = Array(text.unicodeScalars)
      return scalars.count < run.count ? scalars : nil
    }
  }

  static func isPlausible(_ scalars: [Unicode.Scalar]) -> Bool {
    scalars.allSatisfy(isPlausible)
  }

  /// Characters that real transcripts are made of.
  static func isPlausible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20...0x7E, 0x0A, 0x09: true
    case 0xA0...0xFF: true  // Latin-1 letters and symbols
    case 0x400...0x45F: true  // Cyrillic (Russian, Ukrainian, Belarusian)
    case 0x2010...0x2027, 0x2030...0x205E: true  // general punctuation
    case 0x20A0...0x20C0, 0x2100...0x214F: true  // currency, letterlike (№, ™)
    case 0x2190...0x27BF, 0x1F000...0x1FAFF: true  // arrows, symbols, emoji
    case 0xFE0F, 0x200D: true
    default: false
    }
  }

  /// windows-1252 as web pages apply it: its 27 special characters at 0x80–0x9F, and every
  /// other code point up to U+00FF (C1 controls included) as the byte of the same value.
  /// This also covers ISO-8859-1.
  @Sendable static func encodeSloppyWindows1252(_ run: ArraySlice<Unicode.Scalar>) -> [UInt8]? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(run.count)
    for scalar in run {
      if scalar.value <= 0xFF {
        bytes.append(UInt8(scalar.value))
      } else if let byte = windows1252Specials[scalar] {
        bytes.append(byte)
      } else {
        return nil
      }
    }
    return bytes
  }

  static let windows1252Specials: [Unicode.Scalar: UInt8] = [
    "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88,
    "‰": 0x89, "Š": 0x8A, "‹": 0x8B, "Œ": 0x8C, "Ž": 0x8E, "‘": 0x91, "’": 0x92, "“": 0x93,
    "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97, "˜": 0x98, "™": 0x99, "š": 0x9A, "›": 0x9B,
    "œ": 0x9C, "ž": 0x9E, "Ÿ": 0x9F,
  ]
}
