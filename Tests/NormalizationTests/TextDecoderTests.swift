import ICU
@testable import Normalization
import Testing
import _VerbatimTestSupport

@Suite struct TextDecoderTests {
  let decoder = TextDecoder()

  @Test(arguments: Corpus.fileNames)
  func corpusIsCleanUTF8(name: String) throws {
    let decoded = try decoder.decode(Corpus.bytes(name))
    #expect(decoded.encoding == "UTF-8")
    #expect(decoded.replacementCount == 0)
    #expect(decoded.text == (try Corpus.text(name)))
  }

  @Test func byteOrderMarkIsRemovedAndReported() throws {
    let decoded = try decoder.decode([0xEF, 0xBB, 0xBF] + Array("Фото".utf8))
    #expect(decoded.text == "Фото")
    #expect(decoded.removedByteOrderMark)
  }

  @Test func utf16InBothByteOrders() throws {
    let little = try decoder.decode([0xFF, 0xFE, 0x1F, 0x04, 0x38, 0x04, 0x3D, 0xD8, 0x4D, 0xDC])
    #expect(little.text == "Пи👍")
    #expect(little.encoding == "UTF-16LE")
    let big = try decoder.decode([0xFE, 0xFF, 0x04, 0x1F, 0x00, 0x61])
    #expect(big.text == "Пa")
    #expect(big.encoding == "UTF-16BE")
  }

  @Test func aLoneSurrogateInUTF16IsReplacedAndCounted() throws {
    let decoded = try decoder.decode([0xFF, 0xFE, 0x3D, 0xD8, 0x61, 0x00])
    #expect(decoded.text == "\u{FFFD}a")
    #expect(decoded.replacementCount == 1)
  }

  // Python: b"abc\xff\xfedef\xe2\x82".decode("utf-8", "replace") has three U+FFFD.
  @Test func invalidUTF8SequencesBecomeOneReplacementEach() throws {
    let decoded = try decoder.decode(Array("abc".utf8) + [0xFF, 0xFE] + Array("def".utf8) + [0xE2, 0x82])
    #expect(decoded.text == "abc\u{FFFD}\u{FFFD}def\u{FFFD}")
    #expect(decoded.replacementCount == 3)
    #expect(decoded.encoding == "UTF-8")
  }

  @Test func legacyCyrillicIsDetected() throws {
    let footer = "Дополнительные материалы\nФотоальбом\nНекорректно указаны даты\nДополнительные инструменты поиска\nМеждународная безопасность"
    for charset in ["windows-1251", "KOI8-R", "IBM866"] {
      let bytes = try ICU.Converter(charset: charset).encode(footer)
      let decoded = try decoder.decode(bytes)
      #expect(decoded.text == footer, "\(charset)")
      #expect(decoded.encoding == charset)
    }
  }

  @Test func legacyLatinIsWindows1252OrLatin1() throws {
    let text = "Corretamente as datas especiais: ação, coração, São Paulo"
    let latin1 = try ICU.Converter(charset: "ISO-8859-1").encode(text)
    let decoded = try decoder.decode(latin1)
    #expect(decoded.text == text)
    #expect(decoded.encoding == "ISO-8859-1")
    let cp1252 = try ICU.Converter(charset: "windows-1252").encode("“\(text)” – ok")
    let decoded1252 = try decoder.decode(cp1252)
    #expect(decoded1252.text == "“\(text)” – ok")
    #expect(decoded1252.encoding == "windows-1252")
  }

  /// A short Russian line, as legacy pages print it, in each code page.
  @Test(arguments: ["windows-1251", "KOI8-R", "IBM866"])
  func shortRussianLinesAreRecognised(charset: String) throws {
    let line = "Министр иностранных дел России Сергей Лавров"
    let decoded = try decoder.decode(ICU.Converter(charset: charset).encode(line))
    #expect(decoded.text == line)
    #expect(decoded.encoding == charset)
  }

  @Test func aForcedEncodingWins() throws {
    let bytes: [UInt8] = [0xE1, 0x6C, 0x62, 0x75, 0x6D]  // "álbum" in ISO-8859-1
    #expect(try TextDecoder(forcedEncoding: "ISO-8859-1").decode(bytes).text == "álbum")
    #expect(throws: DecodingError.self) { try TextDecoder(forcedEncoding: "nope-1").decode(bytes) }
  }

  @Test func binaryInputIsRefused() {
    #expect(throws: DecodingError.self) { try decoder.decode([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00]) }
  }

  /// Binary detection, which skips eight bytes at a time, against its plain definition:
  /// a NUL in the first 64 KiB, or more than one in ten of those bytes other C0 controls.
  @Test func binaryDetectionFollowsItsDefinition() {
    func reference(_ bytes: [UInt8]) -> Bool {
      let sample = bytes.prefix(65_536)
      let controls = sample.count { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D, 0x1B].contains($0) }
      return sample.contains(0) || controls * 10 > sample.count
    }
    var random = SplitMix(seed: 5)
    // Text bytes with no control, with about one in ten (near the threshold), with more.
    let text: [UInt8] = [0x41, 0x20, 0x0A, 0x09, 0xD0, 0x9F, 0x7F, 0x80, 0xFF, 0x0D]
    let pools = [text, text + [0x01], text + [0x1F, 0x01, 0x1B]]
    for length in [0, 1, 7, 8, 9, 15, 16, 17, 40, 100, 70_000] {
      for round in 0..<60 {
        let pool = pools[round % 3]
        var bytes = (0..<length).map { _ in pool[Int(random.next() % UInt64(pool.count))] }
        // Some with a NUL, most without; past 64 KiB a NUL does not count.
        if length > 0, random.next() % 4 == 0 { bytes[Int(random.next() % UInt64(length))] = 0 }
        #expect(TextDecoder.looksBinary(bytes) == reference(bytes), "\(length)")
      }
    }
  }

  @Test func emptyInputIsEmptyText() throws {
    #expect(try decoder.decode([]).text == "")
  }
}
