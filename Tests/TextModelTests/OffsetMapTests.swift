import Testing
import TextModel
import _VerbatimTestSupport

@Suite struct OffsetMapTests {
  /// "ab&nbsp;cd" → "ab cd": the entity (6 scalars at 2..<8) became one space.
  func entityMap() -> OffsetMap {
    var builder = OffsetMapBuilder()
    builder.keep(2)
    builder.replace(rawCount: 6, with: 1)
    builder.keep(2)
    return builder.map
  }

  @Test func offsetsAfterAReplacementShift() {
    let map = entityMap()
    #expect(map.derivedCount == 5)
    #expect(map.rawCount == 10)
    #expect(map.rawOffset(forDerived: 0) == 0)
    #expect(map.rawOffset(forDerived: 2) == 2)
    #expect(map.rawOffset(forDerived: 3) == 8)
    #expect(map.rawOffset(forDerived: 5) == 10)
  }

  @Test func aSpanTouchingAReplacementWidensToAllOfIt() {
    let map = entityMap()
    #expect(map.rawSpan(for: ScalarSpan(start: 2, end: 3)) == ScalarSpan(start: 2, end: 8))
    #expect(map.rawSpan(for: ScalarSpan(start: 1, end: 4)) == ScalarSpan(start: 1, end: 9))
    #expect(map.rawSpan(for: ScalarSpan(start: 3, end: 5)) == ScalarSpan(start: 8, end: 10))
  }

  @Test func deletedScalarsBelongToNeitherNeighbour() {
    // "a\u{200B}b" → "ab": the zero-width space is deleted.
    var builder = OffsetMapBuilder()
    builder.keep(1)
    builder.replace(rawCount: 1, with: 0)
    builder.keep(1)
    let map = builder.map
    #expect(map.rawSpan(for: ScalarSpan(start: 0, end: 1)) == ScalarSpan(start: 0, end: 1))
    #expect(map.rawSpan(for: ScalarSpan(start: 1, end: 2)) == ScalarSpan(start: 2, end: 3))
    #expect(map.rawSpan(for: ScalarSpan(start: 0, end: 2)) == ScalarSpan(start: 0, end: 3))
  }

  @Test func identityMapChangesNothing() {
    let map = OffsetMap(identityOfCount: 7)
    #expect(map.isIdentity)
    #expect(map.rawSpan(for: ScalarSpan(start: 2, end: 6)) == ScalarSpan(start: 2, end: 6))
  }

  @Test func compositionMapsTheLastTextToTheFirst() {
    // raw "ab&nbsp;cd" → middle "ab cd" → derived "ab  cd" (the space doubled).
    var second = OffsetMapBuilder()
    second.keep(2)
    second.replace(rawCount: 1, with: 2)
    second.keep(2)
    let map = entityMap().composed(with: second.map)
    #expect(map.derivedCount == 6)
    #expect(map.rawCount == 10)
    #expect(map.rawSpan(for: ScalarSpan(start: 4, end: 6)) == ScalarSpan(start: 8, end: 10))
    #expect(map.rawSpan(for: ScalarSpan(start: 2, end: 3)) == ScalarSpan(start: 2, end: 8))
    #expect(map.rawSpan(for: ScalarSpan(start: 0, end: 2)) == ScalarSpan(start: 0, end: 2))
  }

  /// Applies random replacements to a text of letters, twice, and checks that the composed
  /// map sends every derived scalar that was copied unchanged back to the raw scalar it
  /// came from.
  @Test(arguments: 1...40)
  func composedMapsTrackCopiedScalars(seed: UInt64) {
    var generator = SplitMix(seed: seed)
    let raw = (0..<60).map { Tracked(origin: $0, fresh: false) }
    let (middle, first) = randomlyEdit(raw, &generator)
    let (derived, second) = randomlyEdit(middle, &generator)
    let map = first.composed(with: second)
    #expect(map.rawCount == raw.count)
    #expect(map.derivedCount == derived.count)
    for (offset, item) in derived.enumerated() {
      if let origin = item.origin, !item.fresh {
        #expect(map.rawSpan(for: ScalarSpan(start: offset, end: offset + 1)).contains(origin))
      }
    }
  }

  /// A walker asked for spans in text order (and, now and then, for an earlier one) gives
  /// what the map gives for each span alone.
  @Test(arguments: 1...40)
  func aWalkerGivesWhatTheMapGives(seed: UInt64) {
    var generator = SplitMix(seed: seed)
    let raw = (0..<80).map { Tracked(origin: $0, fresh: false) }
    let (derived, map) = randomlyEdit(raw, &generator)
    var walker = OffsetMap.Walker(map)
    var start = 0
    while start <= derived.count {
      let end = min(derived.count, start + Int(generator.next() % 4))
      let span = generator.next() % 10 == 0
        ? ScalarSpan(start: start / 2, end: start / 2 + 1) : ScalarSpan(start: start, end: end)
      #expect(walker.rawSpan(for: span) == map.rawSpan(for: span), "\(span)")
      start = end + Int(generator.next() % 3)
    }
  }

  struct Tracked { var origin: Int?; var fresh: Bool }

  func randomlyEdit(_ input: [Tracked], _ generator: inout SplitMix) -> ([Tracked], OffsetMap) {
    var output: [Tracked] = []
    var builder = OffsetMapBuilder()
    var index = 0
    while index < input.count {
      let roll = generator.next() % 10
      let length = Int(generator.next() % 3)
      let taken = min(length, input.count - index)
      if roll < 6 || taken == 0 {
        output.append(input[index])
        builder.keep(1)
        index += 1
      } else {
        let produced = Int(generator.next() % 3)
        // Replaced text keeps the origin of its first input scalar, marked fresh.
        for _ in 0..<produced {
          output.append(Tracked(origin: input[index].origin, fresh: true))
        }
        builder.replace(rawCount: taken, with: produced)
        index += taken
      }
    }
    return (output, builder.map)
  }
}
