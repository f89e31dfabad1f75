import Foundation
import Testing
import TextModel
import _VerbatimTestSupport

/// The HTML alignment report as a browser shows it: headless Chromium loads the page and
/// the DOM it built is read back.
@Suite(
  .enabled(
    if: HeadlessChromium.executable != nil || HeadlessChromium.isRequired,
    "chromium is not installed (apt-get install chromium); skipped here, a failure when CI is set"))
struct ReportRenderingTests {
  @Test func corpusReportShowsTheLinkedPassagesWithDifferencesMarked() throws {
    let page = try RenderedReport(["corpus/"])
    #expect(page.status == 0)
    #expect(!page.links.isEmpty)
    #expect(page.sides.count == 2 * page.links.count)
    let raw = try Corpus.text("003_57a4c69d34990ac7.txt")
    for side in page.sides {
      #expect(side.document == "003_57a4c69d34990ac7.txt")
      #expect(side.date == "2023-04-14")
      #expect(side.text == raw.slice(side.span))
    }
    // Read by hand in corpus/003: two posts repeated word for word, and an announcement
    // reposted with "#ASEAN," and a sentence on the ASEAN-Russia consultations added, the
    // period after "cooperation" dropped and "ℹ️" swapped for "🚩" (the accreditation line
    // that only the original has comes after the shared passage).
    let samarkand = "The CIS Foreign Ministers Council held its meeting in a business-like and trust-based atmosphere"
    let nato = "The alliance [NATO] is now taking steps to operate outside its area of responsibility"
    #expect(page.sides.filter { $0.text.contains(samarkand) }.count == 2)
    #expect(page.sides.filter { $0.text.contains(nato) }.count == 2)
    #expect(try page.marked("ins").contains("#ASEAN,"))
    #expect(try page.marked("ins").contains { $0.contains("ASEAN-Russia Consultations") })
    #expect(try page.marked("del").contains { $0.contains("cooperation.") && $0.contains("ℹ️") })
    #expect(try page.marked("del").allSatisfy { !$0.contains("#ASEAN") })
  }

  @Test func markupInATranscriptShowsAsText() throws {
    let directory = FileManager.default.temporaryDirectory.appending(path: "verbatim-markup-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = """
      Statement by the Ministry of Foreign Affairs
      The ministers discussed regional security, trade and the energy partnership at length, and \
      agreed to meet again in the spring to review progress on every point of the joint plan \
      <script>alert(1)</script> that the delegations signed in Samarkand last year, including the \
      new transport corridor and the customs rules that both sides still need to approve.

      """
    for name in ["a.txt", "copy<b>.txt"] {
      try Data(text.utf8).write(to: directory.appending(path: name))
    }
    let page = try RenderedReport([directory.path])
    #expect(page.status == 0)
    #expect(page.sides.map(\.document).sorted() == ["a.txt", "copy<b>.txt"])
    #expect(page.sides.allSatisfy { $0.text.contains("plan <script>alert(1)</script> that") })
    #expect(!page.dom.lowercased().contains("<script"))
    #expect(!page.dom.lowercased().contains("<b>"))
  }
}

/// `verbatim align --html` run on some paths, its page rendered by Chromium, and what the
/// page shows read from the DOM.
struct RenderedReport {
  /// One passage as shown: its heading parsed back, and its text.
  struct Side {
    var document: String
    var span: ScalarSpan
    var date: String?
    var text: String
  }

  var status: Int32
  /// The links `align` printed.
  var links: [Substring]
  var dom: String
  var sides: [Side] = []

  init(_ paths: [String]) throws {
    try #require(HeadlessChromium.executable != nil, "CI is set, but chromium is not on PATH")
    let file = FileManager.default.temporaryDirectory.appending(path: "verbatim-report-\(UUID()).html")
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try CommandRunner.run(["align", "--html", file.path] + paths)
    status = result.status
    links = result.standardOutput.split(separator: "\n")
    dom = try HeadlessChromium.renderedDOM(of: file)
    let side = /<div class="side"><div class="head">(.*?)<\/div>(.*?)<\/div>/.dotMatchesNewlines()
    for match in dom.matches(of: side) {
      let head = try #require(Self.text(match.1).wholeMatch(of: /(.*):(\d+)-(\d+)(?: (\S+))?/))
      let span = ScalarSpan(start: Int(head.2) ?? -1, end: Int(head.3) ?? -1)
      sides.append(Side(document: String(head.1), span: span, date: head.4.map(String.init), text: Self.text(match.2)))
    }
  }

  /// The texts of the `<del>` or `<ins>` elements, the differences marked.
  func marked(_ tag: String) throws -> [String] {
    dom.matches(of: try Regex("<\(tag)>(.*?)</\(tag)>").dotMatchesNewlines())
      .map { Self.text($0.output[1].substring ?? "") }
  }

  /// The text of serialised HTML: tags removed, the serialiser's escapes undone.
  static func text(_ html: Substring) -> String {
    String(html).replacing(/<[^>]*>/, with: "")
      .replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
      .replacing("&nbsp;", with: "\u{A0}").replacing("&amp;", with: "&")
  }
}
