import Alignment
import Cleaning
import Foundation
import Testing
import TextModel
import _VerbatimTestSupport

@Suite struct CorpusAlignmentTests {
  static let corpus = Result { () throws -> (names: [String], texts: [String], links: [PassageLink]) in
    let names = Corpus.fileNames
    let texts = try names.map { try Corpus.text($0) }
    // As `verbatim align` does: the cleaner's chrome seeds nothing and ends passages.
    let cleaner = try TranscriptCleaner()
    let chrome = try texts.map { text in
      try cleaner.clean(text).chromeSpans
    }
    let aligner = try Aligner()
    let documents = try aligner.prepare(Array(zip(names, texts)), excluded: chrome)
    return (names, texts, aligner.links(among: documents))
  }

  func slice(_ passage: Passage) throws -> String {
    let corpus = try Self.corpus.get()
    return corpus.texts[passage.document].slice(passage.span) ?? ""
  }

  /// Every link stays inside 003, the Telegram dump: the speeches and the Kremlin page share
  /// event names and stock phrases with it, but no statement.
  @Test func onlyTheTelegramDumpRepeatsItself() throws {
    let corpus = try Self.corpus.get()
    let telegram = try #require(corpus.names.firstIndex { $0.hasPrefix("003") })
    #expect(!corpus.links.isEmpty)
    #expect(corpus.links.allSatisfy { $0.first.document == telegram && $0.second.document == telegram })
  }

  /// The Samarkand post (raw lines 3–9) is re-posted whole (lines 11–17).
  @Test func samarkandPostIsLinkedExactly() throws {
    let corpus = try Self.corpus.get()
    let link = try #require(corpus.links.first { (try? slice($0.first))?.hasPrefix("Samarkand, April 14, 2023") == true })
    #expect(link.kind == .exact)
    #expect(try slice(link.first) == slice(link.second))
    #expect(try slice(link.first).hasSuffix("claims to dominate the world order."))
  }

  /// The announcement: lines 22–26 posted twice as they are, then twice more with
  /// "#ASEAN," inserted, a final period dropped, a sentence added, the accreditation line
  /// dropped and "ℹ️" swapped for "🚩". Each copy is linked to the next one as it is, and
  /// each edited copy to its original, copy by copy: the second pair is not linked to the
  /// first as one passage.
  @Test func announcementCopiesAreLinkedWithTheirEdits() throws {
    let corpus = try Self.corpus.get()
    let announcements = corpus.links.filter { (try? slice($0.first))?.contains("Sergey Shoigu will chair") == true }
    for link in announcements {
      for passage in [link.first, link.second] {
        #expect(try slice(passage).hasPrefix("On May 27-29, 2025, in Moscow"))
        #expect(try slice(passage).components(separatedBy: "Sergey Shoigu will chair").count == 2)
      }
    }
    let exact = announcements.filter { $0.kind == .exact }
    #expect(exact.count == 2)
    let near = announcements.filter { $0.kind == .near }
    #expect(near.count == 2)
    for link in near {
      // Whole: from the first word after the "#Announcement" line, however far that is
      // from the fingerprints that found the link, to the last shared word; the
      // accreditation line that only the original has ends it.
      #expect(try slice(link.first).hasSuffix("as well as new challenges and threats."))
      #expect(try slice(link.second).hasSuffix("as well as new challenges and threats."))
      for edit in [PassageLink.Edit.hashtag, .emoji, .addedSentence, .punctuation, .wrapping] {
        #expect(link.edits.contains(edit), "\(edit)")
      }
    }
  }

  /// Spans slice the raw text at word boundaries, passages of one document do not overlap.
  @Test func spansAreTightAndDisjoint() throws {
    let corpus = try Self.corpus.get()
    for link in corpus.links {
      for passage in [link.first, link.second] {
        let text = try slice(passage)
        #expect(text.first?.isWhitespace == false)
        #expect(text.last?.isWhitespace == false)
      }
      if link.first.document == link.second.document {
        #expect(!link.first.span.overlaps(link.second.span))
      }
    }
  }

  @Test func clustersNameTheEarliestOccurrenceFirst() throws {
    let corpus = try Self.corpus.get()
    let clusters = PassageCluster.clusters(of: corpus.links, dates: corpus.names.map { _ in nil })
    #expect(!clusters.isEmpty)
    for cluster in clusters {
      #expect(cluster.occurrences.count >= 2)
      #expect(cluster.occurrences == cluster.occurrences.sorted())
    }
  }
}

/// Hand-made documents with planted copies: each kind of edit, and hard negatives.
@Suite struct PlantedCopyTests {
  static let statement = """
    The CIS Foreign Ministers Council held its meeting in a business-like and trust-based \
    atmosphere, which is the way it should be among friends. We focused on the international \
    situation, which has achieved an unprecedented level of escalation. Russia chairs the CIS \
    this year and our top priority is to ensure furthering integration ties in all areas.
    """

  func links(_ texts: [String], minimumWords: Int = 25) throws -> [PassageLink] {
    var options = Aligner.Options()
    options.minimumWords = minimumWords
    let aligner = try Aligner(options: options)
    let documents = try aligner.prepare(texts.enumerated().map { ("doc\($0.offset)", $0.element) })
    return aligner.links(among: documents)
  }

  /// A post written twice in a row, and the pair posted again later with a hashtag added
  /// (as in the announcement of `corpus/003`), each post under a "Forwarded from" line or
  /// right after the one before: each copy is linked to the next as it is, and each edited
  /// copy to an original, copy by copy, with no link that spans two copies.
  @Test(arguments: [true, false])
  func aPairOfCopiesRepostedAsAPairIsLinkedCopyByCopy(forwarded: Bool) throws {
    let edited = Self.statement.replacingOccurrences(of: "this year", with: "this year #CIS")
    let wrapper = forwarded ? ["Forwarded from Russian MFA 🇷🇺"] : []
    let text = (wrapper + [Self.statement] + wrapper + [Self.statement, "Unrelated news of the day."] + wrapper
      + [edited] + wrapper + [edited]).joined(separator: "\n")
    // As `verbatim align` does: the wrapper lines are chrome, which ends passages.
    let aligner = try Aligner()
    let chrome = try TranscriptCleaner().clean(text).chromeSpans
    let found = aligner.links(among: try aligner.prepare([("dump", text)], excluded: [chrome]))
    for link in found {
      for passage in [link.first, link.second] {
        let sliced = try #require(text.slice(passage.span))
        #expect(sliced.hasPrefix("The CIS Foreign Ministers Council"), "\(sliced)")
        #expect(sliced.components(separatedBy: "The CIS Foreign").count == 2, "\(sliced)")
      }
    }
    #expect(found.filter { $0.kind == .exact }.count == 2)
    let near = found.filter { $0.kind == .near }
    #expect(near.count == 2)
    #expect(near.allSatisfy { $0.edits.contains(.hashtag) })
  }

  /// The same, with the pair in one document and the edited pair reposted in another.
  @Test func aPairOfCopiesRepostedAsAPairElsewhereIsLinkedCopyByCopy() throws {
    let edited = Self.statement.replacingOccurrences(of: "this year", with: "this year #CIS")
    let texts = [Self.statement + "\n" + Self.statement, "Reposted:\n" + edited + "\n" + edited]
    let found = try links(texts)
    for link in found {
      for (passage, text) in [(link.first, texts[link.first.document]), (link.second, texts[link.second.document])] {
        let sliced = try #require(text.slice(passage.span))
        #expect(sliced.components(separatedBy: "The CIS Foreign").count == 2, "\(sliced)")
      }
    }
    let across = found.filter { $0.first.document != $0.second.document }
    #expect(across.count == 2)
    #expect(across.allSatisfy { $0.kind == .near && $0.edits.contains(.hashtag) })
  }

  @Test func copyWithEmojiQuotesAndWrappingChanges() throws {
    let original = "Intro line that is unrelated to anything.\n" + Self.statement + "\nClosing remarks."
    let edited = "Other text first. 🔹 " + Self.statement
      .replacingOccurrences(of: "business-like", with: "business‑like")
      .replacingOccurrences(of: "We focused", with: "\nWe focused")
      .replacingOccurrences(of: "among friends", with: "among “friends”") + " 🇷🇺 Then more."
    let found = try links([original, edited])
    let link = try #require(found.first)
    #expect(found.count == 1)
    #expect(link.kind == .near)
    #expect(link.edits.contains(.wrapping))
    #expect(link.edits.contains(.quotes))
    // Boundaries: the whole statement on both sides (the final period included).
    #expect(original.slice(link.first.span) == Self.statement)
    #expect(edited.slice(link.second.span)?.hasPrefix("The CIS Foreign Ministers Council") == true)
    #expect(edited.slice(link.second.span)?.hasSuffix("integration ties in all areas.") == true)
  }

  @Test func aCopyStartingMidParagraphWithADroppedSentence() throws {
    let sentences = Self.statement.components(separatedBy: ". ")
    let original = "Before. " + Self.statement + " After that, something else entirely different was said."
    let copy = "As the minister put it, " + sentences[0] + ". " + sentences[2]
    let found = try links([original, copy], minimumWords: 20)
    let link = try #require(found.first)
    #expect(link.edits.contains(.droppedSentence))
    #expect(copy.slice(link.second.span)?.hasPrefix("The CIS Foreign Ministers Council") == true)
  }

  @Test func sameTemplateDifferentFactsIsNotALink() throws {
    let template = """
      On %@, in %@, Secretary of the Russian Security Council Sergey Shoigu will chair the 13th \
      International Meeting of High Representatives for Security Issues. Invitations to participate \
      in this forum have been extended to more than 150 states of the Global South and East.
      """
    let a = String(format: template, "May 27-29, 2025", "Moscow")
    let b = String(format: template, "June 3-4, 2025", "Minsk")
    #expect(try links([a, b]).isEmpty)
  }

  /// Numbers on a line of their own before a statement (a dateline, a page's id) are not
  /// part of it: the same statement under another date is still one statement.
  @Test func aStatementUnderAnotherDatelineIsALink() throws {
    let a = "30.09.2022\n" + Self.statement
    let b = "676-12-04-2024\n14 April 2024\n" + Self.statement
    let link = try #require(try links([a, b]).first)
    #expect(a.slice(link.first.span) == Self.statement)
    #expect(b.slice(link.second.span) == Self.statement)
  }

  @Test func shortStockPhrasesAreNotLinks() throws {
    let a = "Read in full. The meeting of the heads of security agencies and intelligence services of the CIS countries took place."
    let b = "Read in full. Yesterday the heads of security agencies and intelligence services of the CIS countries met in Moscow."
    #expect(try links([a, b]).isEmpty)
  }
}

@Suite struct TransliteratedCopyTests {
  @Test func namesInAnotherSchemeOrScriptStillLink() throws {
    let original = """
      Foreign Minister Sergey Lavrov and CIS Secretary-General Sergey Lebedev made remarks at \
      a joint news conference in Minsk, thanking Foreign Minister of Belarus Sergei Aleinik for \
      the hospitality and the excellent organisation of the meeting of the council.
      """
    let copy = """
      Reposted: Foreign Minister Сергей Лавров and CIS Secretary-General Sergej Lebedev made \
      remarks at a joint news conference in Minsk, thanking Foreign Minister of Belarus Sergey \
      Aleynik for the hospitality and the excellent organisation of the meeting of the council.
      """
    let aligner = try Aligner()
    let documents = try aligner.prepare([("a", original), ("b", copy)])
    let link = try #require(aligner.links(among: documents).first)
    #expect(link.kind == .translit)
    #expect(link.edits.contains(.names))
    #expect(copy.slice(link.second.span)?.hasPrefix("Foreign Minister Сергей Лавров") == true)
  }
}
