@testable import Cleaning
import Foundation
import Locales
import Testing
import _VerbatimTestSupport

/// The chrome check rules lines out from their folded opening before folding them whole;
/// with and without that screen it must give the same answer for every line.
@Suite struct ChromeScreenTests {
  static let matcher = Result { try ChromeMatcher(locales: .standard) }

  /// Chrome phrases of every language, as written and varied: cut, extended, recased,
  /// numbered, spaced, with marks and non-plain letters at each place.
  static func variedLines() throws -> [String] {
    var phrases: [String] = []
    for language in LocaleLibrary.standard.languages
    where LocaleLibrary.standard.files["\(language)/chrome.txt"] != nil {
      phrases += try LocaleLibrary.standard.phrases("chrome", language: language).phrases.map(\.text)
    }
    var lines: [String] = []
    for phrase in phrases {
      let filled = phrase.replacingOccurrences(of: "{n}", with: "12")
        .replacingOccurrences(of: "{text}", with: "Sergey Lavrov")
      let scalars = Array(filled.unicodeScalars)
      lines += [filled, filled.uppercased(), "  " + filled + "  ", filled + " and more", filled + ".",
        filled.replacingOccurrences(of: " ", with: "\t"), filled.replacingOccurrences(of: " ", with: "   "),
        String(filled.dropLast()), "x" + filled, filled + String(repeating: " word", count: 30)]
      for cut in stride(from: 1, to: scalars.count, by: 3) {
        let head = String(String.UnicodeScalarView(scalars[..<cut]))
        let tail = String(String.UnicodeScalarView(scalars[cut...]))
        lines += [head, head + "\u{301}" + tail, head + "é" + tail, head + "\u{A0}" + tail, head + "5" + tail]
      }
    }
    return lines
  }

  @Test func theScreenChangesNoAnswer() throws {
    let matcher = try Self.matcher.get()
    let corpusLines = try Corpus.fileNames.flatMap { try Corpus.text($0).split(separator: "\n").map(String.init) }
    let lines = try Self.variedLines() + corpusLines
    var chrome = 0
    for line in lines {
      let screened = matcher.isChrome(line, screeningPrefix: true)
      #expect(screened == matcher.isChrome(line, screeningPrefix: false), "\(line.debugDescription)")
      if screened { chrome += 1 }
    }
    // The lines include chrome and body text alike.
    #expect(chrome > 100 && chrome < lines.count / 2)
  }

  /// Hand-checked openings: folded as `PhrasePattern.folded` folds, cut before a mark.
  @Test func foldedOpenings() {
    #expect(FoldedOpening(of: "  Read  IN\tFull ", length: 48).map { String($0.characters) } == "read in full")
    #expect(FoldedOpening(of: "  Read  IN\tFull ", length: 48)?.isWhole == true)
    #expect(FoldedOpening(of: "Cafe\u{301} menu", length: 48).map { String($0.characters) } == "caf")
    #expect(FoldedOpening(of: "ЁЖ Привет", length: 4).map { String($0.characters) } == "ёж п")
    #expect(FoldedOpening(of: "ЁЖ Привет", length: 4)?.isWhole == false)
    #expect(FoldedOpening(of: "«Ça va» —\u{A0}Élysée", length: 48).map { String($0.characters) } == "«ça va» — élysée")
    #expect(FoldedOpening(of: "İstanbul", length: 48) == nil)
    #expect(FoldedOpening(of: "🇺🇳 UN", length: 48) == nil)
  }
}
