import Testing
import TextModel

@Suite struct UTF16ScalarMapTests {
  @Test func flagsAndEmojiTakeTwoUnitsPerScalar() {
    // "Forwarded from Russian MFA 🇷🇺": 27 BMP scalars, then two regional indicators.
    let text = "Forwarded from Russian MFA 🇷🇺"
    let map = UTF16ScalarMap(text)
    #expect(map.scalarCount == 29)
    #expect(map.utf16Count == 31)
    #expect(map.scalarOffset(fromUTF16: 27) == 27)
    #expect(map.scalarOffset(fromUTF16: 29) == 28)
    #expect(map.scalarOffset(fromUTF16: 31) == 29)
    #expect(map.utf16Offset(fromScalar: 28) == 29)
  }

  @Test func anOffsetInsideASurrogatePairMapsToItsScalar() {
    let map = UTF16ScalarMap("a🎙b")
    #expect(map.scalarOffset(fromUTF16: 2) == 1)
    #expect(map.scalarOffset(fromUTF16: 3) == 2)
  }

  @Test func combiningMarksKeepOffsetsEqual() {
    let text = "e\u{301}и\u{306}"
    let map = UTF16ScalarMap(text)
    for offset in 0...4 {
      #expect(map.scalarOffset(fromUTF16: offset) == offset)
    }
  }

  @Test(arguments: ["", "plain ascii", "🇷🇺🇺🇳🎙📍 Samarkand", "мир 👍🏽 mundo", "\u{1F600}\u{1F600}x"])
  func roundTripsEveryScalarBoundary(text: String) {
    let map = UTF16ScalarMap(text)
    var utf16 = 0
    var scalar = 0
    for unicodeScalar in text.unicodeScalars {
      #expect(map.scalarOffset(fromUTF16: utf16) == scalar)
      #expect(map.utf16Offset(fromScalar: scalar) == utf16)
      utf16 += unicodeScalar.utf16.count
      scalar += 1
    }
    #expect(map.scalarOffset(fromUTF16: utf16) == scalar)
  }
}
