public import Alignment
import TextModel

/// A self-contained HTML page listing clusters and links: each link as two passages side by
/// side, the words that differ highlighted, with document names and dates. Every piece of
/// input text is escaped, so a transcript containing `<script>` shows it as text.
public struct AlignmentReport: Sendable {
  /// A document as the report names it.
  public struct Document: Sendable {
    public var name: String
    public var date: String?
    public var text: String

    public init(name: String, date: String?, text: String) {
      self.name = name
      self.date = date
      self.text = text
    }
  }

  public var documents: [Document]
  public var links: [PassageLink]
  /// The most links shown side by side, and clusters listed; the rest are counted, since
  /// a page of tens of thousands of comparisons helps no reader (`links.jsonl` has them all).
  public var limit = 300

  public init(documents: [Document], links: [PassageLink]) {
    self.documents = documents
    self.links = links
  }

  /// The documents whose text the page quotes (the others are only named): those of the
  /// links shown side by side.
  public var quotedDocuments: Set<Int> {
    Set(links.prefix(limit).flatMap { [$0.first.document, $0.second.document] })
  }

  /// The page.
  public func html() -> String {
    let scalars = Dictionary(
      uniqueKeysWithValues: quotedDocuments.map { ($0, Array(documents[$0].text.unicodeScalars)) })
    func slice(_ passage: Passage) -> String {
      let text = scalars[passage.document] ?? []
      let range = (passage.span.start..<passage.span.end).clamped(to: 0..<text.count)
      return String(String.UnicodeScalarView(text[range]))
    }
    func label(_ passage: Passage) -> String {
      let document = documents[passage.document]
      return Self.escaped("\(document.name):\(passage.span.start)-\(passage.span.end)")
        + (document.date.map { " <span class=date>\(Self.escaped($0))</span>" } ?? "")
    }
    var page = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Verbatim alignment report</title>
      <style>
      body{font:15px/1.45 system-ui,sans-serif;margin:2em;color:#222}
      h1{font-size:1.4em} h2{font-size:1.1em;margin-top:2em}
      .pair{display:grid;grid-template-columns:1fr 1fr;gap:1em;margin:.5em 0 1.5em}
      .side{border:1px solid #ccc;border-radius:4px;padding:.6em;white-space:pre-wrap}
      .head{font-weight:600;margin-bottom:.4em} .date{color:#666;font-weight:400}
      del{background:#fdd;text-decoration:none} ins{background:#dfd;text-decoration:none}
      .meta{color:#555}
      </style></head><body>
      <h1>Verbatim alignment report</h1>
      <p class=meta>\(links.count) links among \(documents.count) documents.</p>

      """
    let clusters = PassageCluster.clusters(of: links, dates: documents.map(\.date))
    page += "<h2>Clusters</h2><ol>\n"
    for cluster in clusters.prefix(limit) {
      page += "<li>source " + label(cluster.source) + "; repeats: "
        + cluster.occurrences.dropFirst().map(label).joined(separator: ", ") + "</li>\n"
    }
    page += "</ol>\n"
    if clusters.count > limit {
      page += "<p class=meta>\(clusters.count - limit) more clusters are not listed.</p>\n"
    }
    page += "<h2>Links</h2>\n"
    for (number, link) in links.prefix(limit).enumerated() {
      let (left, right) = Self.highlighted(slice(link.first), slice(link.second))
      let edits = link.edits.isEmpty ? "" : "; " + link.edits.map(\.rawValue).joined(separator: ", ")
      page += """
        <div class=link id=link-\(number + 1)><p class=meta>#\(number + 1) \(link.kind.rawValue), \
        score \((link.score * 1000).rounded() / 1000)\(Self.escaped(edits))</p>
        <div class=pair><div class=side><div class=head>\(label(link.first))</div>\(left)</div>
        <div class=side><div class=head>\(label(link.second))</div>\(right)</div></div></div>

        """
    }
    if links.count > limit {
      page += "<p class=meta>\(links.count - limit) more links are not shown; links.jsonl lists every one.</p>\n"
    }
    return page + "</body></html>\n"
  }

  /// Both texts escaped, with the words that the other lacks marked (`<del>` on the left,
  /// `<ins>` on the right; one element per run), from a longest common subsequence of
  /// their words.
  static func highlighted(_ left: String, _ right: String) -> (String, String) {
    let a = words(left)
    let b = words(right)
    guard a.count * b.count <= 4_000_000 else { return (escaped(left), escaped(right)) }
    let keyA = a.map { $0.lowercased() }
    let keyB = b.map { $0.lowercased() }
    var lengths = [[Int32]](repeating: [Int32](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        lengths[i][j] = keyA[i] == keyB[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
      }
    }
    var i = 0
    var j = 0
    var keepA = [Bool](repeating: false, count: a.count)
    var keepB = [Bool](repeating: false, count: b.count)
    while i < a.count, j < b.count {
      if keyA[i] == keyB[j] {
        keepA[i] = true
        keepB[j] = true
        i += 1
        j += 1
      } else if lengths[i + 1][j] >= lengths[i][j + 1] {
        i += 1
      } else {
        j += 1
      }
    }
    // A run of marked words is one element, spaces between them included.
    func render(_ pieces: [String], _ keep: [Bool], _ tag: String) -> String {
      var html = ""
      var open = false
      for (index, piece) in pieces.enumerated() {
        let marked = piece.allSatisfy(\.isWhitespace)
          ? open && index + 1 < pieces.count && !keep[index + 1] : !keep[index]
        if marked != open { html += marked ? "<\(tag)>" : "</\(tag)>" }
        open = marked
        html += escaped(piece)
      }
      return open ? html + "</\(tag)>" : html
    }
    return (render(a, keepA, "del"), render(b, keepB, "ins"))
  }

  /// The text cut into words and the runs of spaces between them (joined, they give the text).
  static func words(_ text: String) -> [String] {
    var pieces: [String] = []
    var current = ""
    var currentIsSpace = false
    for character in text {
      let isSpace = character.isWhitespace
      if !current.isEmpty, isSpace != currentIsSpace {
        pieces.append(current)
        current = ""
      }
      current.append(character)
      currentIsSpace = isSpace
    }
    if !current.isEmpty { pieces.append(current) }
    return pieces
  }

  /// Text safe inside HTML elements and attribute values.
  static func escaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }
}
