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

  /// How each cell's H was reached (bits 0–1, a ``Move``) and whether its E and F extend a
  /// gap (bits 2 and 3): all the traceback needs, one byte per cell.
  private static let eExtends: UInt8 = 1 << 2
  private static let fExtends: UInt8 = 1 << 3
  /// A gap score no alignment reaches: the band's edges.
  private static let unreachable: Int32 = -1_000_000
  /// H above the band's right edge: low enough that a gap opened from it is never taken
  /// and never counts as extending one.
  private static let beyondBand: Int32 = -999_000

  /// The scores of a cell that the next row reads: H, and F (a gap consuming a).
  private struct Scores {
    var h: Int32
    var f: Int32
  }

  /// Cells and rows of scores, reused by the alignments of one thread.
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
      // the one above is (i − 1, d + 1), the diagonal one (i − 1, d). Scores need only the
      // row above: H and F of two rows (one past the band's right edge, which stays out of
      // reach), and E carried along the row; moves are kept for every cell.
      let moves = scratch.moves(count: (n + 1) * width)
      var (above, row) = scratch.rows(width: width + 1)
      above[width] = Scores(h: Self.beyondBand, f: Self.unreachable)
      row[width] = Scores(h: Self.beyondBand, f: Self.unreachable)
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
            if !rowAboveIsComputed {  // row 0, or beyond the edge of `b`: nothing aligned
              above.update(repeating: Scores(h: 0, f: Self.unreachable), count: width)
            }
            let dFrom = jFrom - i - low
            if dFrom > 0 {  // column 0, the diagonal of the next row's first cell
              row[dFrom - 1] = Scores(h: 0, f: Self.unreachable)
            }
            let word = a[i - 1]
            let cellMoves = moves + i * width
            // b[j − 1] for the cell at offset d of this row.
            let bWords = b.baseAddress.unsafelyUnwrapped + (i + low - 1)
            // The cell left of the first: column 0, or the band's left edge.
            var leftH: Int32 = 0
            var leftE = Self.unreachable
            var rowBest: (score: Int32, d: Int) = (0, 0)
            let (scoresAbove, scoresHere) = (above, row)
            var d = dFrom
            let dTo = jTo - i - low
            while d <= dTo {
              // E: a gap in a (moving along b), from (i, j − 1).
              let eOpen = leftH &- Self.gapOpen
              let eExtend = leftE &- Self.gapExtend
              let e = max(eOpen, eExtend)
              // F: a gap in b (moving along a), from (i − 1, j).
              let up = scoresAbove[d &+ 1]
              let fOpen = up.h &- Self.gapOpen
              let fExtend = up.f &- Self.gapExtend
              let f = max(fOpen, fExtend)
              let diagonal = scoresAbove[d].h &+ (word == bWords[d] ? Self.match : Self.mismatch)
              // H, and the move that gave it: the diagonal, then E, then F win ties.
              let fromDiagonal = max(0, diagonal)
              let fromE = max(fromDiagonal, e)
              let score = max(fromE, f)
              let move: UInt8 =
                f > fromE ? Move.fromF.rawValue
                : e > fromDiagonal ? Move.fromE.rawValue : diagonal > 0 ? Move.diagonal.rawValue : Move.stop.rawValue
              cellMoves[d] =
                move | (eExtend > eOpen ? Self.eExtends : 0) | (fExtend > fOpen ? Self.fExtends : 0)
              scoresHere[d] = Scores(h: score, f: f)
              leftH = score
              leftE = e
              if score > rowBest.score { rowBest = (score, d) }
              d &+= 1
            }
            if rowBest.score > best.score { best = (rowBest.score, i, rowBest.d + i + low) }
            swap(&above, &row)
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
        let moves = moves[i * width + d]
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
          if moves & Self.eExtends == 0 { state = .diagonal }
        case .fromF:
          columns.append(Column(first: i - 1, second: nil))
          i -= 1
          if moves & Self.fExtends == 0 { state = .diagonal }
        }
      }
      return Alignment(columns: columns.reversed(), score: best.score)
    }
  }

  /// The moves and score rows of one thread's alignments: grown when an alignment needs
  /// more, never bounds-checked in the inner loop; freed with the scratch.
  private final class Scratch: @unchecked Sendable {
    private var moveStorage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 0)
    private var rowStorage = UnsafeMutableBufferPointer<Scores>.allocate(capacity: 0)

    /// At least `count` bytes of moves, their values left from earlier alignments.
    func moves(count: Int) -> UnsafeMutablePointer<UInt8> {
      if moveStorage.count < count {
        moveStorage.deallocate()
        moveStorage = .allocate(capacity: max(count, moveStorage.count * 2))
      }
      return moveStorage.baseAddress.unsafelyUnwrapped
    }

    /// Two rows of `width` scores, their values left from earlier alignments.
    func rows(width: Int) -> (UnsafeMutablePointer<Scores>, UnsafeMutablePointer<Scores>) {
      if rowStorage.count < 2 * width {
        rowStorage.deallocate()
        rowStorage = .allocate(capacity: max(2 * width, rowStorage.count * 2))
      }
      let base = rowStorage.baseAddress.unsafelyUnwrapped
      return (base, base + width)
    }

    deinit {
      moveStorage.deallocate()
      rowStorage.deallocate()
    }
  }
}
