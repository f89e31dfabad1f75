/// Maps offsets in a derived text (normalised, cleaned, transliterated) back to the raw
/// text it was made from, both counted in Unicode scalars.
///
/// A derived text is the raw text with some pieces replaced. The map stores only the
/// replaced pieces; between them, offsets shift by a constant. Build one with
/// ``OffsetMapBuilder`` while producing the derived text, then ask for the raw span of any
/// derived span:
///
/// ```swift
/// var builder = OffsetMapBuilder()
/// builder.keep(3)                          // "abc" copied
/// builder.replace(rawCount: 6, with: 1)    // "&nbsp;" became " "
/// builder.keep(2)                          // "de" copied
/// let map = builder.map
/// map.rawSpan(for: ScalarSpan(start: 3, end: 5))   // 3..<11: " d" came from "&nbsp;d"
/// ```
///
/// A derived offset inside a replacement maps to the whole replaced raw piece: a span never
/// splits what one edit produced.
public struct OffsetMap: Sendable, Hashable {
  /// One replaced piece: `derived` scalars of output in place of `raw` scalars of input.
  public struct Edit: Sendable, Hashable {
    /// Where the replaced piece starts in the derived text.
    public var derivedStart: Int
    /// Where the replaced piece starts in the raw text.
    public var rawStart: Int
    /// The number of derived scalars produced.
    public var derivedCount: Int
    /// The number of raw scalars consumed.
    public var rawCount: Int
    /// Where the replaced piece ends in the derived text.
    public var derivedEnd: Int { derivedStart + derivedCount }
    /// Where the replaced piece ends in the raw text.
    public var rawEnd: Int { rawStart + rawCount }
  }

  /// The replaced pieces, in order.
  public private(set) var edits: [Edit]
  /// The length of the derived text.
  public private(set) var derivedCount: Int
  /// The length of the raw text.
  public private(set) var rawCount: Int

  /// The identity map of a text of `count` scalars.
  public init(identityOfCount count: Int) {
    self.edits = []
    self.derivedCount = count
    self.rawCount = count
  }

  init(edits: [Edit], derivedCount: Int, rawCount: Int) {
    self.edits = edits
    self.derivedCount = derivedCount
    self.rawCount = rawCount
  }

  /// Whether the derived text is the raw text, offset for offset.
  public var isIdentity: Bool { edits.isEmpty && derivedCount == rawCount }

  /// The raw offset at which the derived scalar at `offset` (or the end, at `derivedCount`)
  /// starts. An offset inside a replacement maps to the start of the replaced raw piece;
  /// raw scalars deleted just before `offset` are skipped.
  /// - Complexity: O(log *e*) in the number of edits.
  public func rawOffset(forDerived offset: Int) -> Int {
    Self.rawOffset(offset, lastEdit: lastEdit(startingAtOrBefore: offset))
  }

  /// The raw span that produced a derived span, widened to whole replaced pieces.
  /// - Complexity: O(log *e*) in the number of edits.
  public func rawSpan(for derived: ScalarSpan) -> ScalarSpan {
    Self.rawSpan(
      for: derived, startEdit: lastEdit(startingAtOrBefore: derived.start),
      lastScalarEdit: derived.end > derived.start ? lastEdit(startingAtOrBefore: derived.end - 1) : nil)
  }

  /// `rawSpan(for:)`, given the last edits that start at or before the span's start and at
  /// or before its last scalar.
  fileprivate static func rawSpan(for derived: ScalarSpan, startEdit: Edit?, lastScalarEdit: Edit?)
    -> ScalarSpan
  {
    let start = rawOffset(derived.start, lastEdit: startEdit)
    guard derived.end > derived.start else { return ScalarSpan(start: start, end: start) }
    let end = rawEnd(ofDerivedScalar: derived.end - 1, lastEdit: lastScalarEdit)
    return ScalarSpan(start: start, end: max(start, end))
  }

  /// Where the raw text that produced derived scalar `offset` ends: the end of the whole
  /// replaced piece when the scalar is inside one.
  private static func rawEnd(ofDerivedScalar offset: Int, lastEdit edit: Edit?) -> Int {
    if let edit, offset < edit.derivedEnd { return edit.rawEnd }
    return rawOffset(offset, lastEdit: edit) + 1
  }

  /// The raw offset of derived `offset`, given the last edit starting at or before it.
  private static func rawOffset(_ offset: Int, lastEdit edit: Edit?) -> Int {
    guard let edit else { return offset }
    return offset < edit.derivedEnd ? edit.rawStart : edit.rawEnd + (offset - edit.derivedEnd)
  }

  /// Answers ``OffsetMap/rawSpan(for:)`` for spans asked in text order (each starting at or
  /// after the previous one's start, and ending at or after its end) in one walk over the
  /// edits, where each answer alone costs binary searches. A span asked out of order is
  /// answered too, by searching again.
  public struct Walker: Sendable {
    private let edits: [Edit]
    /// The number of edits starting at or before the last start asked.
    private var startCursor = 0
    /// The number of edits starting at or before the last scalar of the last span asked.
    private var endCursor = 0

    public init(_ map: OffsetMap) { edits = map.edits }

    /// The raw span that produced `derived`, as ``OffsetMap/rawSpan(for:)`` gives it.
    public mutating func rawSpan(for derived: ScalarSpan) -> ScalarSpan {
      let startEdit = lastEdit(startingAtOrBefore: derived.start, &startCursor)
      let lastScalarEdit = derived.end > derived.start
        ? lastEdit(startingAtOrBefore: derived.end - 1, &endCursor) : nil
      return OffsetMap.rawSpan(for: derived, startEdit: startEdit, lastScalarEdit: lastScalarEdit)
    }

    private func lastEdit(startingAtOrBefore offset: Int, _ cursor: inout Int) -> Edit? {
      if cursor > 0, edits[cursor - 1].derivedStart > offset {
        cursor = OffsetMap.partition(edits) { $0.derivedStart <= offset }
      }
      while cursor < edits.count, edits[cursor].derivedStart <= offset { cursor += 1 }
      return cursor > 0 ? edits[cursor - 1] : nil
    }
  }

  /// The map of this map's texts followed by `other`'s texts: for derived and raw texts that
  /// were made piece by piece and joined.
  public func appending(_ other: OffsetMap) -> OffsetMap {
    var edits = self.edits
    edits.reserveCapacity(edits.count + other.edits.count)
    for edit in other.edits {
      edits.append(
        Edit(
          derivedStart: edit.derivedStart + derivedCount, rawStart: edit.rawStart + rawCount,
          derivedCount: edit.derivedCount, rawCount: edit.rawCount))
    }
    return OffsetMap(
      edits: edits, derivedCount: derivedCount + other.derivedCount,
      rawCount: rawCount + other.rawCount)
  }

  /// The map from `next`'s derived text back to this map's raw text, where `next` maps a
  /// text derived from this map's derived text.
  ///
  /// Where `next` copies, this map's edits are kept as they are, so what an edit of either
  /// map becomes depends only on the edits beside it. An edit of this map within or just
  /// before an edit of `next` joins it.
  /// - Complexity: O((*e* + *f*) log *e*) for *e* and *f* edits in the two maps.
  public func composed(with next: OffsetMap) -> OffsetMap {
    precondition(next.rawCount == derivedCount, "maps of different texts cannot be composed")
    var builder = OffsetMapBuilder()
    var middle = 0  // offset in the text between the two maps
    for edit in next.edits {
      appendKept(from: middle, to: edit.rawStart, into: &builder)
      let rawEnd =
        edit.rawCount > 0
        ? rawEnd(ofDerivedScalar: edit.rawEnd - 1) : rawOffset(forDerived: edit.rawStart)
      builder.replace(rawCount: max(0, rawEnd - builder.rawCursor), with: edit.derivedCount)
      middle = edit.rawEnd
    }
    appendKept(from: middle, to: next.rawCount, into: &builder)
    // Deletions at the very end.
    for edit in edits where edit.rawEnd > builder.rawCursor {
      builder.replace(rawCount: edit.rawEnd - builder.rawCursor, with: 0)
    }
    return builder.map
  }

  /// Appends this map's view of its derived range `start..<end` to `builder`, which is
  /// positioned at `start`: the edits that start in the range (deletions at `start`
  /// included, deletions at `end` left to what follows) one by one, and the copies
  /// between them.
  private func appendKept(from start: Int, to end: Int, into builder: inout OffsetMapBuilder) {
    var offset = start
    var index = Self.partition(edits) {
      $0.derivedEnd < start || ($0.derivedEnd == start && $0.derivedCount > 0)
    }
    while index < edits.count, edits[index].derivedStart < end {
      let edit = edits[index]
      if edit.derivedStart > offset {
        builder.keep(edit.derivedStart - offset)
        offset = edit.derivedStart
      }
      let pieceEnd = min(end, edit.derivedEnd)
      builder.replace(rawCount: max(0, edit.rawEnd - builder.rawCursor), with: pieceEnd - offset)
      offset = pieceEnd
      index += 1
    }
    builder.keep(end - offset)
  }

  /// The raw offset just past the raw scalars that produced the derived scalar at `offset`.
  private func rawEnd(ofDerivedScalar offset: Int) -> Int {
    Self.rawEnd(ofDerivedScalar: offset, lastEdit: lastEdit(startingAtOrBefore: offset))
  }

  private func lastEdit(startingAtOrBefore offset: Int) -> Edit? {
    let index = Self.partition(edits) { $0.derivedStart <= offset }
    return index > 0 ? edits[index - 1] : nil
  }

  /// The number of leading edits that satisfy `isBefore`, which must hold for a prefix.
  fileprivate static func partition(_ edits: [Edit], _ isBefore: (Edit) -> Bool) -> Int {
    var low = 0
    var high = edits.count
    while low < high {
      let middle = (low + high) / 2
      if isBefore(edits[middle]) { low = middle + 1 } else { high = middle }
    }
    return low
  }
}

/// Records, while a derived text is written, which raw scalars each piece came from.
public struct OffsetMapBuilder: Sendable {
  private var edits: [OffsetMap.Edit] = []
  private var derivedCursor = 0
  /// How many raw scalars have been consumed so far.
  public private(set) var rawCursor = 0

  /// Creates an empty builder.
  public init() {}

  /// Records `count` scalars copied unchanged.
  public mutating func keep(_ count: Int) {
    derivedCursor += count
    rawCursor += count
  }

  /// Records `rawCount` raw scalars replaced by `derivedCount` derived scalars (either may be
  /// zero: a deletion or an insertion). Adjacent replacements stay separate edits, so each
  /// keeps its own raw span.
  public mutating func replace(rawCount: Int, with derivedCount: Int) {
    guard rawCount > 0 || derivedCount > 0 else { return }
    edits.append(
      .init(
        derivedStart: derivedCursor, rawStart: rawCursor, derivedCount: derivedCount,
        rawCount: rawCount))
    derivedCursor += derivedCount
    rawCursor += rawCount
  }

  /// Records the pieces of `map`, a map of the next raw scalars: the builder's map becomes
  /// what ``OffsetMap/appending(_:)`` would give, without copying the edits so far.
  public mutating func append(_ map: OffsetMap) {
    let rawBase = rawCursor
    for edit in map.edits {
      keep(rawBase + edit.rawStart - rawCursor)
      replace(rawCount: edit.rawCount, with: edit.derivedCount)
    }
    keep(rawBase + map.rawCount - rawCursor)
  }

  /// The map recorded so far.
  public var map: OffsetMap {
    OffsetMap(edits: edits, derivedCount: derivedCursor, rawCount: rawCursor)
  }
}
