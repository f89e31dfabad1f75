import TextModel

/// Every passage that appears in two or more places, grouped, with the earliest occurrence
/// — by document date, then document order — named as the likely source.
public struct PassageCluster: Hashable, Sendable {
  /// The occurrences, earliest first: the first is the likely source.
  public var occurrences: [Passage]
  /// The likely source.
  public var source: Passage { occurrences[0] }
}

extension PassageCluster {
  /// Groups linked passages: passages joined by a link, or sharing most of their text in one
  /// document (half of the shorter one), belong to one cluster.
  /// - Parameter dates: each document's date (ISO, sortable), `nil` when unknown; undated
  ///   documents sort after dated ones.
  public static func clusters(of links: [PassageLink], dates: [String?]) -> [PassageCluster] {
    var passages: [Passage] = []
    var indexOf: [Passage: Int] = [:]
    func node(_ passage: Passage) -> Int {
      if let index = indexOf[passage] { return index }
      passages.append(passage)
      indexOf[passage] = passages.count - 1
      return passages.count - 1
    }
    var parent: [Int] = []
    func find(_ x: Int) -> Int {
      var x = x
      while parent[x] != x {
        parent[x] = parent[parent[x]]
        x = parent[x]
      }
      return x
    }
    func union(_ x: Int, _ y: Int) { parent[find(x)] = find(y) }
    var edges: [(Int, Int)] = []
    for link in links { edges.append((node(link.first), node(link.second))) }
    parent = Array(passages.indices)
    for (x, y) in edges { union(x, y) }
    // Passages of one document that mostly overlap are one occurrence.
    let byDocument = Dictionary(grouping: passages.indices, by: { passages[$0].document })
    for indices in byDocument.values {
      let sorted = indices.sorted { passages[$0].span < passages[$1].span }
      for (x, y) in zip(sorted, sorted.dropFirst())
      where mostlyOverlap(passages[x].span, passages[y].span) {
        union(x, y)
      }
    }
    var groups: [Int: [Passage]] = [:]
    for index in passages.indices { groups[find(index), default: []].append(passages[index]) }
    func sortKey(_ passage: Passage) -> (String, Int, Int) {
      let date = passage.document < dates.count ? dates[passage.document] ?? "~" : "~"
      return (date, passage.document, passage.span.start)
    }
    let clusters = groups.values.map { members -> PassageCluster in
      // Overlapping passages of one document collapse into their union.
      var merged: [Passage] = []
      for passage in members.sorted() {
        if let last = merged.last, last.document == passage.document,
          mostlyOverlap(last.span, passage.span)
        {
          merged[merged.count - 1].span = last.span.union(passage.span)
        } else {
          merged.append(passage)
        }
      }
      return PassageCluster(occurrences: merged.sorted { sortKey($0) < sortKey($1) })
    }
    return clusters.sorted { sortKey($0.source) < sortKey($1.source) }
  }

  /// Whether two spans share at least half of the shorter one.
  static func mostlyOverlap(_ a: ScalarSpan, _ b: ScalarSpan) -> Bool {
    let shared = min(a.end, b.end) - max(a.start, b.start)
    return shared > 0 && 2 * shared >= min(a.count, b.count)
  }
}
