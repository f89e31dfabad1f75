/// Smith–Waterman local alignment with affine gaps (Gotoh) over word tokens, in a band
/// around a diagonal: it extends and trims a candidate match to the passage the two texts
/// really share, absorbing small edits (a word changed, a sentence dropped) on the way.
///
/// Scores: a matching word +2, a different word −2, a gap −4 to open and −1 per word.
/// - Complexity: O(*n* · *b*) time and memory for windows of *n* words and band width *b*.
struct LocalAligner: Sendable {
  static let match: Int32 = 2
  static let mismatch: Int32 = -2
  static let gapOpen: Int32 = 4
  static let gapExtend: Int32 = 1

  /// One column of an alignment: two aligned words, or a word facing a gap.
  struct Column: Hashable, Sendable {
    /// The word of the first window, or `nil` for a word added in the second.
    var first: Int?
    /// The word of the second window, or `nil` for a word dropped from it.
    var second: Int?
  }

  /// An alignment of two token windows, as columns in order (window-relative positions).
  struct Alignment: Sendable {
    var columns: [Column]
    var score: Int32
  }

  private enum Move: UInt8 { case stop = 0, diagonal, fromE, fromF }

  /// Aligns `a` and `b` within `halfWidth` of the diagonal `j − i = center`.
  func align(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>, center: Int, halfWidth: Int) -> Alignment? {
    let n = a.count
    let m = b.count
    guard n > 0, m > 0 else { return nil }
    let low = center - halfWidth
    let width = 2 * halfWidth + 1
    let cells = (n + 1) * width
    // Cells are kept by band offset d = j − i − low: the cell left of (i, d) is (i, d − 1),
    // the one above is (i − 1, d + 1), the diagonal one (i − 1, d).
    let h = Buffer<Int32>(count: cells, value: 0)
    let e = Buffer<Int32>(count: cells, value: -1_000_000)  // gap consuming b (horizontal)
    let f = Buffer<Int32>(count: cells, value: -1_000_000)  // gap consuming a (vertical)
    let hMove = Buffer<UInt8>(count: cells, value: 0)
    let eExtends = Buffer<Bool>(count: cells, value: false)
    let fExtends = Buffer<Bool>(count: cells, value: false)
    func index(_ i: Int, _ j: Int) -> Int? {
      let d = j - i - low
      return d >= 0 && d < width ? i * width + d : nil
    }
    var best: (score: Int32, i: Int, j: Int) = (0, 0, 0)
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        for i in 1...n {
          let jFrom = max(1, i + low)
          let jTo = min(m, i + low + width - 1)
          if jFrom > jTo { continue }
          let row = i * width
          let rowAbove = row - width
          let word = a[i - 1]
          for j in jFrom...jTo {
            let d = j - i - low
            let cell = row + d
            if d > 0 {  // E: a gap in a (moving along b), from (i, j − 1).
              let open = h[cell - 1] &- Self.gapOpen
              let extend = e[cell - 1] &- Self.gapExtend
              e[cell] = max(open, extend)
              eExtends[cell] = extend > open
            }
            if d + 1 < width {  // F: a gap in b (moving along a), from (i − 1, j).
              let open = h[rowAbove + d + 1] &- Self.gapOpen
              let extend = f[rowAbove + d + 1] &- Self.gapExtend
              f[cell] = max(open, extend)
              fExtends[cell] = extend > open
            }
            var score: Int32 = 0
            var move = Move.stop
            let diagonal = h[rowAbove + d] &+ (word == b[j - 1] ? Self.match : Self.mismatch)
            if diagonal > score { score = diagonal; move = .diagonal }
            if e[cell] > score { score = e[cell]; move = .fromE }
            if f[cell] > score { score = f[cell]; move = .fromF }
            h[cell] = score
            hMove[cell] = move.rawValue
            if score > best.score { best = (score, i, j) }
          }
        }
      }
    }
    guard best.score > 0 else { return nil }
    // Trace back from the best cell.
    var i = best.i
    var j = best.j
    var state = Move.diagonal
    var columns: [Column] = []
    traceback: while i > 0, j > 0, let cell = index(i, j) {
      switch state {
      case .diagonal, .stop:
        switch Move(rawValue: hMove[cell]) ?? .stop {
        case .stop: break traceback
        case .diagonal:
          columns.append(Column(first: i - 1, second: j - 1))
          i -= 1
          j -= 1
        case .fromE: state = .fromE
        case .fromF: state = .fromF
        }
      case .fromE:
        columns.append(Column(first: nil, second: j - 1))
        let extends = eExtends[cell]
        j -= 1
        if !extends { state = .diagonal }
      case .fromF:
        columns.append(Column(first: i - 1, second: nil))
        let extends = fExtends[cell]
        i -= 1
        if !extends { state = .diagonal }
      }
    }
    return Alignment(columns: columns.reversed(), score: best.score)
  }

  /// A fixed-size buffer for the alignment matrices, without bounds checks in the inner
  /// loop; freed with the buffer.
  private final class Buffer<Element: BitwiseCopyable> {
    private let storage: UnsafeMutableBufferPointer<Element>

    init(count: Int, value: Element) {
      storage = .allocate(capacity: count)
      storage.initialize(repeating: value)
    }

    deinit { storage.deallocate() }

    subscript(index: Int) -> Element {
      get { storage.baseAddress.unsafelyUnwrapped[index] }
      set { storage.baseAddress.unsafelyUnwrapped[index] = newValue }
    }
  }
}
