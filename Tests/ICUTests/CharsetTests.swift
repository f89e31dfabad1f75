import Foundation
import ICU
import Testing
import _VerbatimTestSupport

@Suite struct CharsetTests {
  /// The Russian lines of corpus/002's footer (without the bullet, which KOI8-R lacks), a
  /// text that legacy Russian sites serve in windows-1251 or KOI8-R.
  func russianFooter() throws -> String {
    let text = try Corpus.text(startingWith: "002")
    let start = text.range(of: "Дополнительные материалы")?.lowerBound ?? text.endIndex
    return text[start...].split(separator: "\n").filter { !$0.contains("•") }
      .joined(separator: "\n")
  }

  // Bytes checked with Python: "Дополнительные материалы".encode("cp1251").
  @Test func encodesAndDecodesWindows1251() throws {
    let converter = try ICU.Converter(charset: "windows-1251")
    let bytes = try converter.encode("Дополнительные материалы")
    #expect(bytes.prefix(4) == [0xC4, 0xEE, 0xEF, 0xEE])
    #expect(bytes.count == 24)
    let decoded = try converter.decode(bytes)
    #expect(decoded.text == "Дополнительные материалы")
    #expect(decoded.replacementCount == 0)
  }

  @Test func decodesKOI8R() throws {
    // "Некорректно" in KOI8-R, checked with Python's koi8_r codec.
    let bytes: [UInt8] = [0xEE, 0xC5, 0xCB, 0xCF, 0xD2, 0xD2, 0xC5, 0xCB, 0xD4, 0xCE, 0xCF]
    #expect(try ICU.Converter(charset: "KOI8-R").decode(bytes).text == "Некорректно")
  }

  @Test func encodingAnUnmappableCharacterThrows() throws {
    let latin1 = try ICU.Converter(charset: "ISO-8859-1")
    #expect(try latin1.encode("álbum") == [0xE1, 0x6C, 0x62, 0x75, 0x6D])
    #expect(throws: ICUError.self) { try latin1.encode("Фото") }
  }

  @Test func invalidBytesAreReplacedAndCounted() throws {
    let utf8 = try ICU.Converter(charset: "UTF-8")
    let decoded = try utf8.decode([0x61, 0xFF, 0x62, 0xE2, 0x82])
    #expect(decoded.text == "a\u{FFFD}b\u{FFFD}")
    #expect(decoded.replacementCount == 2)
  }

  @Test func utf16WithAByteOrderMark() throws {
    let bytes: [UInt8] = [0xFF, 0xFE, 0x1F, 0x04, 0x38, 0x04]  // BOM, "Пи" little-endian
    #expect(try ICU.Converter(charset: "UTF-16").decode(bytes).text == "Пи")
  }

  @Test func unknownCharsetIsAnError() {
    #expect(throws: ICUError.self) { try ICU.Converter(charset: "x-no-such-charset") }
  }

  @Test func detectsLegacyRussian() throws {
    let footer = try russianFooter()
    let detector = try ICU.CharsetDetector()
    let cp1251 = try ICU.Converter(charset: "windows-1251").encode(footer)
    #expect(try detector.detect(cp1251).first?.name == "windows-1251")
    let koi8 = try ICU.Converter(charset: "KOI8-R").encode(footer)
    // On 154 characters ICU ranks ISO-8859-8 first (checked with a C program over ucsdet);
    // KOI8-R is the first Cyrillic candidate. TextDecoder relies on that ordering.
    let candidates = try detector.detect(koi8).map(\.name)
    #expect(candidates.prefix(2).contains("KOI8-R"))
  }

  @Test func detectsUTF8Corpus() throws {
    let detector = try ICU.CharsetDetector()
    for name in Corpus.fileNames {
      #expect(try detector.detect(Corpus.bytes(name)).first?.name == "UTF-8", "\(name)")
    }
  }
}
