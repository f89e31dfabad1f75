public import ICU

/// Makes any text ASCII, for `translit --ascii`: letters of every script through ICU's
/// `Any-Latin; Latin-ASCII` ("Naryškin" → "Naryskin", "ʹ" → "'", "«" → "<<"), then whatever
/// has no ASCII form (emoji, pictographs) removed and counted.
public struct ASCIIFolder: Sendable {
  /// ASCII text, and how many characters had to be removed.
  public struct Folded: Hashable, Sendable {
    public var text: String
    public var removedCount: Int
  }

  private let transliterator: ICU.Transliterator

  /// Opens ICU's transforms.
  public init() throws(ICUError) {
    transliterator = try ICU.Transliterator(id: "Any-Latin; Latin-ASCII")
  }

  /// The text in ASCII only.
  public func fold(_ text: some StringProtocol) throws(ICUError) -> Folded {
    let latin = try transliterator.transliterate(text)
    var ascii = String.UnicodeScalarView()
    var removed = 0
    for scalar in latin.unicodeScalars {
      if scalar.isASCII { ascii.append(scalar) } else { removed += 1 }
    }
    return Folded(text: String(ascii), removedCount: removed)
  }
}
