import TextModel

/// Writes one normalisation pass's output scalar by scalar, recording what it replaced in
/// an offset map and a change list, both in the pass's input coordinates.
///
/// Most passes change nothing in most text, so nothing is copied until the first
/// replacement: until then, kept scalars are only counted, and an unchanged pass costs no
/// allocation.
struct ScalarRewriter {
  private let input: [Unicode.Scalar]
  private var written: [Unicode.Scalar] = []
  /// Whether a replacement has been made, so `written` holds the output so far.
  private var isMaterialized = false
  private(set) var builder = OffsetMapBuilder()
  private(set) var changes: [Change] = []

  /// A rewriter of `input`.
  init(input: [Unicode.Scalar]) {
    self.input = input
  }

  /// The pass's output: the input itself when nothing was replaced.
  var output: [Unicode.Scalar] { isMaterialized ? written : input }

  mutating func keep(_ scalar: Unicode.Scalar) {
    if isMaterialized { written.append(scalar) }
    builder.keep(1)
  }

  /// Keeps the input scalars at `range` (without making a slice of the input until a
  /// replacement has been made).
  mutating func keep(_ range: Range<Int>) {
    if isMaterialized { written.append(contentsOf: input[range]) }
    builder.keep(range.count)
  }

  mutating func keep(_ scalars: ArraySlice<Unicode.Scalar>) {
    if isMaterialized { written.append(contentsOf: scalars) }
    builder.keep(scalars.count)
  }

  /// Replaces `count` input scalars with `replacement`, as a change of `kind`.
  mutating func replace(
    _ count: Int, with replacement: some Collection<Unicode.Scalar>, kind: ChangeKind
  ) {
    let start = builder.rawCursor
    if !isMaterialized {
      // Everything kept so far is the input's prefix.
      written.reserveCapacity(input.count + input.count / 8)
      written.append(contentsOf: input[..<start])
      isMaterialized = true
    }
    changes.append(Change(span: ScalarSpan(start: start, end: start + count), kind: kind))
    written.append(contentsOf: replacement)
    builder.replace(rawCount: count, with: replacement.count)
  }
}

/// One normalisation pass: input scalars in, a rewriter's output out.
protocol NormalizationPass: Sendable {
  /// The kinds of change this pass makes; a pass whose kinds are all switched off is
  /// skipped.
  var kinds: Set<ChangeKind> { get }
  /// Rewrites `input`, making only changes of the `enabled` kinds.
  func rewrite(_ input: [Unicode.Scalar], enabled: Set<ChangeKind>) throws -> ScalarRewriter
}
