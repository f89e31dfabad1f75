import ICU

/// Applies an ICU normalization form (NFC, or NFKC_Casefold for matching) segment by
/// segment, so each change has its own raw span. A segment runs from a scalar with a
/// normalization boundary before it to the next; text already in form is kept as is.
struct UnicodeFormPass: NormalizationPass {
  let normalizer: ICU.Normalizer
  let kind: ChangeKind
  var kinds: Set<ChangeKind> { [kind] }
  /// For scalars below ``lowLimit`` (Latin to Cyrillic): whether the scalar alone is
  /// unchanged by the form and starts a segment (so it cannot combine with what precedes
  /// it).
  private let isStableLowScalar: [Bool]
  private static let lowLimit: UInt32 = 0x530

  init(normalizer: ICU.Normalizer, kind: ChangeKind) throws {
    self.normalizer = normalizer
    self.kind = kind
    isStableLowScalar = try (0..<Self.lowLimit).map { value in
      guard let scalar = Unicode.Scalar(value), normalizer.hasBoundary(before: scalar) else {
        return false
      }
      return try normalizer.isInert(scalar)
        || normalizer.normalize(String(scalar)).unicodeScalars.elementsEqual([scalar])
    }
  }

  func rewrite(_ input: [Unicode.Scalar], enabled: Set<ChangeKind>) throws -> ScalarRewriter {
    var rewriter = ScalarRewriter(input: input)
    var start = 0
    while start < input.count {
      var end = start + 1
      while end < input.count, !startsSegment(input[end]) { end += 1 }
      if end == start + 1, isStable(input[start]) {
        rewriter.keep(input[start])
      } else {
        let segment = input[start..<end]
        var text = String.UnicodeScalarView()
        text.append(contentsOf: segment)
        let normalized = Array(try normalizer.normalize(String(text)).unicodeScalars)
        if normalized.elementsEqual(segment) {
          rewriter.keep(segment)
        } else {
          rewriter.replace(segment.count, with: normalized, kind: kind)
        }
      }
      start = end
    }
    return rewriter
  }

  private func startsSegment(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < Self.lowLimit
      ? isStableLowScalar[Int(scalar.value)] || normalizer.hasBoundary(before: scalar)
      : normalizer.hasBoundary(before: scalar)
  }

  private func isStable(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < Self.lowLimit ? isStableLowScalar[Int(scalar.value)] : normalizer.isInert(scalar)
  }
}

/// Removes diacritics for matching: each letter is decomposed (NFD), its combining marks
/// dropped, and the rest recomposed. The breve of Russian й and Belarusian ў stays, so
/// "й" and "и" remain different letters; ё becomes е, "Naryškin" becomes "Naryskin".
struct DiacriticFoldingPass: NormalizationPass {
  let kinds: Set<ChangeKind> = [.diacritic]
  let decomposer: ICU.Normalizer
  let composer: ICU.Normalizer

  func rewrite(_ input: [Unicode.Scalar], enabled: Set<ChangeKind>) throws -> ScalarRewriter {
    var rewriter = ScalarRewriter(input: input)
    var start = 0
    while start < input.count {
      var end = start + 1
      while end < input.count, Self.isMark(input[end]) { end += 1 }
      let segment = input[start..<end]
      if segment.count == 1, input[start].value < 0xC0 || decomposer.isInert(input[start]) {
        rewriter.keep(input[start])
      } else {
        let folded = try fold(segment)
        if folded.elementsEqual(segment) {
          rewriter.keep(segment)
        } else {
          rewriter.replace(segment.count, with: folded, kind: .diacritic)
        }
      }
      start = end
    }
    return rewriter
  }

  private func fold(_ segment: ArraySlice<Unicode.Scalar>) throws -> [Unicode.Scalar] {
    var text = String.UnicodeScalarView()
    text.append(contentsOf: segment)
    let decomposed = Array(try decomposer.normalize(String(text)).unicodeScalars)
    var kept = String.UnicodeScalarView()
    for (offset, scalar) in decomposed.enumerated() {
      if Self.isMark(scalar) {
        let base = offset > 0 ? decomposed[0] : scalar
        guard scalar == "\u{306}", Self.keepsBreve(base) else { continue }
      }
      kept.append(scalar)
    }
    return Array(try composer.normalize(String(kept)).unicodeScalars)
  }

  /// и, И, у and У keep their breve: й and ў are letters of their own.
  private static func keepsBreve(_ base: Unicode.Scalar) -> Bool {
    ["и", "И", "у", "У"].contains(base)
  }

  private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x300 && scalar.properties.generalCategory == .nonspacingMark
  }
}
