import Testing
import TextModel

/// The fast scalar classes answer what Unicode's properties answer, for every scalar.
@Suite struct ScalarClassesTests {
  static let allScalars = (0...0x10FFFF).compactMap(Unicode.Scalar.init)

  @Test func spaceScalarsAreWhiteSpace() {
    let differing = Self.allScalars.filter { $0.isSpaceScalar != $0.properties.isWhitespace }
    #expect(differing.isEmpty, "\(differing.map { String($0.value, radix: 16) })")
  }

  @Test func wordScalarsAreLettersOrDigits() {
    let differing = Self.allScalars.filter {
      $0.isWordScalar != ($0.properties.isAlphabetic || $0.properties.numericType != nil)
    }
    #expect(differing.isEmpty, "\(differing.map { String($0.value, radix: 16) })")
  }
}
