import ICU
import Testing
import _VerbatimTestSupport

@Suite struct NormalizerTests {
  // Expected values checked with `uconv -x Any-NFC` (and NFD/NFKC) and Python's unicodedata.
  @Test(arguments: [
    (ICU.NormalizationForm.nfc, "e\u{301}", "\u{E9}"),
    (.nfc, "И\u{306}", "Й"),
    (.nfd, "\u{E9}", "e\u{301}"),
    (.nfd, "й", "и\u{306}"),
    (.nfkc, "ﬁ ① ２０２２", "fi 1 2022"),
    (.nfkd, "ﬁ\u{E9}", "fie\u{301}"),
    (.nfkcCasefold, "Straße ΣΊΣΥΦΟΣ", "strasse σίσυφοσ"),
    (.nfkcCasefold, "soft\u{AD}hyphen", "softhyphen"),
  ])
  func normalizesToTheForm(form: ICU.NormalizationForm, input: String, expected: String) throws {
    let normalized = try ICU.Normalizer(form).normalize(input)
    #expect(Array(normalized.unicodeScalars) == Array(expected.unicodeScalars))
  }

  @Test func emptyTextStaysEmpty() throws {
    #expect(try ICU.Normalizer(.nfc).normalize("") == "")
  }

  /// `uconv -x Any-NFC` leaves every corpus file unchanged, so NFC must too; NFD of it
  /// composes back to the original.
  @Test(arguments: Corpus.fileNames)
  func corpusIsAlreadyNFCAndRoundTrips(name: String) throws {
    let text = try Corpus.text(name)
    let nfc = try ICU.Normalizer(.nfc)
    #expect(try nfc.isNormalized(text))
    #expect(try nfc.normalize(text) == text)
    let decomposed = try ICU.Normalizer(.nfd).normalize(text)
    #expect(try nfc.normalize(decomposed).unicodeScalars.elementsEqual(text.unicodeScalars))
  }

  @Test func detectsUnnormalizedText() throws {
    #expect(try !ICU.Normalizer(.nfc).isNormalized("e\u{301}"))
    #expect(try ICU.Normalizer(.nfd).isNormalized("e\u{301}"))
  }

  @Test func normalizingTwiceChangesNothing() throws {
    for form in ICU.NormalizationForm.allCases {
      let normalizer = try ICU.Normalizer(form)
      let once = try normalizer.normalize("Ǆ ﬁ e\u{301} Ё ①")
      #expect(try normalizer.normalize(once) == once)
    }
  }
}

@Suite struct UTF8NormalizerTests {
  func normalizeUTF8(_ form: ICU.NormalizationForm, _ text: String, chunkSize: Int) throws -> String {
    var bytes = Array(text.utf8)
    var output: [UInt8] = []
    try bytes.withUnsafeMutableBufferPointer { buffer in
      try ICU.Normalizer(form).normalizeLines(UnsafeBufferPointer(buffer), chunkSize: chunkSize) {
        output += $0
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The UTF-8 path, in chunks of any size, equals the String path on the corpus made NFD.
  @Test(arguments: Corpus.fileNames)
  func chunkedUTF8EqualsWholeText(name: String) throws {
    let decomposed = try ICU.Normalizer(.nfd).normalize(Corpus.text(name))
    for form in ICU.NormalizationForm.allCases {
      let whole = try ICU.Normalizer(form).normalize(decomposed)
      for chunkSize in [1, 100, 1 << 20] {
        #expect(try normalizeUTF8(form, decomposed, chunkSize: chunkSize) == whole)
      }
    }
  }

  @Test func textAlreadyNormalizedIsCopied() throws {
    #expect(try normalizeUTF8(.nfc, "Москва 🇷🇺 álbum\n", chunkSize: 4) == "Москва 🇷🇺 álbum\n")
    #expect(try normalizeUTF8(.nfkc, "ﬁ\nе\u{308}", chunkSize: 1) == "fi\nё")
  }
}
