import TextModel

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

    /// The columns that pair equal words of the windows `a` and `b` it aligned.
    func matchCount(_ a: [UInt64], _ b: [UInt64]) -> Int {
      columns.count { column in
        guard let i = column.first, let j = column.second else { return false }
        return a[i] == b[j]
      }
    }
  }

  private enum Move: UInt8 { case stop = 0, diagonal, fromE, fromF }

  /// One cell of the band: the three scores, and how H was reached (bits 0–1, a ``Move``)
  /// and whether E and F extend a gap (bits 2 and 3).
  private struct Cell {
    var h: Int32
    var e: Int32  // a gap consuming b (horizontal)
    var f: Int32  // a gap consuming a (vertical)
    var moves: UInt8

    static let eExtends: UInt8 = 1 << 2
    static let fExtends: UInt8 = 1 << 3
    /// Row 0, column 0 and the edge of the band: nothing aligned, no gap open.
    static let edge = Cell(h: 0, e: -1_000_000, f: -1_000_000, moves: 0)
  }

  /// Cells of the band, reused by the alignments of one thread.
  private let scratch = MemoPool { Scratch() }

  /// Aligns `a` and `b` within `halfWidth` of the diagonal `j − i = center`.
  func align(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>, center: Int, halfWidth: Int) -> Alignment? {
    let n = a.count
    let m = b.count
    guard n > 0, m > 0 else { return nil }
    return scratch.withMemo { scratch in
      let low = center - halfWidth
      let width = 2 * halfWidth + 1
      // Cells are kept by band offset d = j − i − low: the cell left of (i, d) is (i, d − 1),
      // the one above is (i − 1, d + 1), the diagonal one (i − 1, d).
      let cells = scratch.cells(count: (n + 1) * width)
      var best: (score: Int32, i: Int, j: Int) = (0, 0, 0)
      var rowAboveIsComputed = false
      a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
          for i in 1...n {
            let jFrom = max(1, i + low)
            let jTo = min(m, i + low + width - 1)
            guard jFrom <= jTo else {
              rowAboveIsComputed = false
              continue
            }
            let row = i * width
            let rowAbove = row - width
            if !rowAboveIsComputed {
              for d in 0..<width { cells[rowAbove + d] = .edge }
            }
            let dFrom = jFrom - i - low
            if dFrom > 0 { cells[row + dFrom - 1] = .edge }  // column 0
            let word = a[i - 1]
            for j in jFrom...jTo {
              let d = j - i - low
              let cell = row + d
              var moves: UInt8 = 0
              var e = Cell.edge.e
              if d > 0 {  // E: a gap in a (moving along b), from (i, j − 1).
                let left = cells[cell - 1]
                let open = left.h &- Self.gapOpen
                let extend = left.e &- Self.gapExtend
                e = max(open, extend)
                if extend > open { moves |= Cell.eExtends }
              }
              var f = Cell.edge.f
              if d + 1 < width {  // F: a gap in b (moving along a), from (i − 1, j).
                let above = cells[rowAbove + d + 1]
                let open = above.h &- Self.gapOpen
                let extend = above.f &- Self.gapExtend
                f = max(open, extend)
                if extend > open { moves |= Cell.fExtends }
              }
              var score: Int32 = 0
              var move = Move.stop
              let diagonal = cells[rowAbove + d].h &+ (word == b[j - 1] ? Self.match : Self.mismatch)
              if diagonal > score { score = diagonal; move = .diagonal }
              if e > score { score = e; move = .fromE }
              if f > score { score = f; move = .fromF }
              cells[cell] = Cell(h: score, e: e, f: f, moves: moves | move.rawValue)
              if score > best.score { best = (score, i, j) }
            }
            rowAboveIsComputed = true
          }
        }
      }
      guard best.score > 0 else { return nil }
      // Trace back from the best cell.
      var i = best.i
      var j = best.j
      var state = Move.diagonal
      var columns: [Column] = []
      traceback: while i > 0, j > 0 {
        let d = j - i - low
        guard d >= 0, d < width else { break }
        let moves = cells[i * width + d].moves
        switch state {
        case .diagonal, .stop:
          switch Move(rawValue: moves & 3) ?? .stop {
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
          j -= 1
          if moves & Cell.eExtends == 0 { state = .diagonal }
        case .fromF:
          columns.append(Column(first: i - 1, second: nil))
          i -= 1
          if moves & Cell.fExtends == 0 { state = .diagonal }
        }
      }
      return Alignment(columns: columns.reversed(), score: best.score)
    }
  }

  /// The cells of one thread's alignments: grown when an alignment needs more, never
  /// bounds-checked in the inner loop; freed with the scratch.
  private final class Scratch: @unchecked Sendable {
    private var storage = UnsafeMutableBufferPointer<Cell>.allocate(capacity: 0)

    /// At least `count` cells, their values left from earlier alignments.
    func cells(count: Int) -> UnsafeMutablePointer<Cell> {
      if storage.count < count {
        storage.deallocate()
        storage = .allocate(capacity: max(count, storage.count * 2))
        storage.initialize(repeating: .edge)
      }
      return storage.baseAddress.unsafelyUnwrapped
    }

    deinit { storage.deallocate() }
  }
}
