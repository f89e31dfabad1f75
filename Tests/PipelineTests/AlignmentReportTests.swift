import Alignment
import Pipeline
import Testing
import TextModel

@Suite struct AlignmentReportTests {
  func report(_ first: String, _ second: String) -> String {
    let link = PassageLink(
      first: Passage(document: 0, span: ScalarSpan(start: 0, end: first.unicodeScalars.count)),
      second: Passage(document: 1, span: ScalarSpan(start: 0, end: second.unicodeScalars.count)),
      score: 0.9, kind: .near, edits: [.words])
    return AlignmentReport(
      documents: [.init(name: "a<b>.txt", date: "2022-09-30", text: first), .init(name: "b.txt", date: nil, text: second)],
      links: [link]
    ).html()
  }

  @Test func inputTextIsEscaped() {
    let html = report("Say <script>alert(1)</script> & go", "Say <script>alert(2)</script> & go")
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("a&lt;b&gt;.txt:0-"))
    #expect(html.contains("&amp; go"))
  }

  @Test func differingWordsAreMarked() {
    let html = report("The West has imposed sanctions on Russia", "The US has imposed new sanctions on Russia")
    #expect(html.contains("<del>West</del>"))
    #expect(html.contains("<ins>US</ins>"))
    #expect(html.contains("<ins>new</ins>"))
    #expect(!html.contains("<del>sanctions</del>"))
    #expect(html.contains("2022-09-30"))
  }

  @Test func aRunOfDifferingWordsIsOneElement() {
    let html = report("The West has imposed sanctions on Russia", "The US and the EU have imposed sanctions on Russia")
    #expect(html.contains("The <del>West has</del> imposed"))
    #expect(html.contains("The <ins>US and the EU have</ins> imposed"))
  }
}
