/// A stretch of an alignment between two documents, in absolute token positions, with what
/// it matched and what differs.
struct AlignedSegment: Sendable {
  var columns: ArraySlice<LocalAligner.Column>
  /// The aligned words of the first document.
  var first: Range<Int>
  /// The aligned words of the second document.
  var second: Range<Int>
  var matches = 0
  /// Aligned pairs of different words.
  var substitutions: [(Int, Int)] = []
  /// Runs of words of the first document with no counterpart (dropped from the second).
  var dropped: [Range<Int>] = []
  /// Runs of words of the second document with no counterpart (added in it).
  var added: [Range<Int>] = []

  /// Summarises `columns`, which must start and end with a match.
  init(_ columns: ArraySlice<LocalAligner.Column>, isMatch: (LocalAligner.Column) -> Bool) {
    self.columns = columns
    let firsts = columns.compactMap(\.first)
    let seconds = columns.compactMap(\.second)
    first = (firsts.first ?? 0)..<((firsts.last ?? -1) + 1)
    second = (seconds.first ?? 0)..<((seconds.last ?? -1) + 1)
    for column in columns {
      switch (column.first, column.second) {
      case let (i?, j?):
        if isMatch(column) { matches += 1 } else { substitutions.append((i, j)) }
      case let (i?, nil): Self.extend(&dropped, with: i)
      case let (nil, j?): Self.extend(&added, with: j)
      case (nil, nil): break
      }
    }
  }

  /// Words changed or briefly inserted or deleted (runs shorter than a sentence).
  var scatteredDifferences: Int {
    substitutions.count + dropped.filter { $0.count < 5 }.reduce(0) { $0 + $1.count }
      + added.filter { $0.count < 5 }.reduce(0) { $0 + $1.count }
  }

  private static func extend(_ runs: inout [Range<Int>], with position: Int) {
    if let last = runs.last, last.upperBound == position {
      runs[runs.count - 1] = last.lowerBound..<(position + 1)
    } else {
      runs.append(position..<(position + 1))
    }
  }

  /// For two copies in one document: the segment cut where its first copy would run into
  /// the second (a passage repeated back to back aligns on into the next copy), and the
  /// rest cut the same way, each piece from a match to a match.
  func piecesBeforeTheirCopies(isMatch: (LocalAligner.Column) -> Bool) -> [AlignedSegment] {
    guard first.upperBound > second.lowerBound else { return [self] }
    let limit = second.lowerBound
    let kept = columns.prefix { ($0.first ?? Int.min) < limit }
    guard !kept.isEmpty else { return [] }
    var pieces: [AlignedSegment] = []
    if let last = kept.lastIndex(where: isMatch) {
      pieces.append(AlignedSegment(columns[columns.startIndex...last], isMatch: isMatch))
    }
    let rest = columns[kept.endIndex...]
    guard let restFirst = rest.firstIndex(where: isMatch), let restLast = rest.lastIndex(where: isMatch) else {
      return pieces
    }
    return pieces + AlignedSegment(rest[restFirst...restLast], isMatch: isMatch).piecesBeforeTheirCopies(isMatch: isMatch)
  }

  /// The alignment trimmed to start and end with a match — or nothing when two different
  /// numbers face each other: "On May 27-29, 2025, in Moscow …" and "On June 3-4, 2025, in
  /// Minsk …" are one template with different facts, not one statement.
  static func segments(
    of columns: [LocalAligner.Column], isMatch: (LocalAligner.Column) -> Bool,
    isNumberConflict: (LocalAligner.Column) -> Bool
  ) -> [AlignedSegment] {
    guard !columns.contains(where: isNumberConflict),
      let first = columns.firstIndex(where: isMatch), let last = columns.lastIndex(where: isMatch)
    else { return [] }
    return [AlignedSegment(columns[first...last], isMatch: isMatch)]
  }
}
