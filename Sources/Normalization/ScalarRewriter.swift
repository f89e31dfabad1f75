import TextModel

/// Writes one normalisation pass's output scalar by scalar, recording what it replaced in
/// an offset map and a change list, both in the pass's input coordinates.
struct ScalarRewriter {
  private(set) var output: [Unicode.Scalar] = []
  private(set) var builder = OffsetMapBuilder()
  private(set) var changes: [Change] = []

  init(capacity: Int) {
    output.reserveCapacity(capacity)
  }

  mutating func keep(_ scalar: Unicode.Scalar) {
    output.append(scalar)
    builder.keep(1)
  }

  mutating func keep(_ scalars: ArraySlice<Unicode.Scalar>) {
    output.append(contentsOf: scalars)
    builder.keep(scalars.count)
  }

  /// Replaces `count` input scalars with `replacement`, as a change of `kind`.
  mutating func replace(
    _ count: Int, with replacement: some Collection<Unicode.Scalar>, kind: ChangeKind
  ) {
    let start = builder.rawCursor
    changes.append(Change(span: ScalarSpan(start: start, end: start + count), kind: kind))
    output.append(contentsOf: replacement)
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
