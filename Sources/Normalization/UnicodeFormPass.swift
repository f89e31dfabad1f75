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
  /// For each scalar below `lowLimit` that starts a segment and changes alone into one
  /// scalar (A → a in NFKC_Casefold), that scalar: no ICU call for it.
  private let lowReplacement: [Unicode.Scalar?]
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
    lowReplacement = try (0..<Self.lowLimit).map { value in
      guard let scalar = Unicode.Scalar(value), normalizer.hasBoundary(before: scalar) else {
        return nil
      }
      let normalized = Array(try normalizer.normalize(String(scalar)).unicodeScalars)
      return normalized.count == 1 && normalized[0] != scalar ? normalized[0] : nil
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
      } else if end == start + 1, input[start].value < Self.lowLimit,
        let replacement = lowReplacement[Int(input[start].value)]
      {
        rewriter.replace(1, with: CollectionOfOne(replacement), kind: kind)
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
  /// The folded form of each scalar from U+00C0 to U+052F standing alone (é → e, ё → е,
  /// й → й), computed once: Latin-1 to Cyrillic letters need no ICU call.
  private let lowFolds: [[Unicode.Scalar]]
  private static let lowRange: Range<UInt32> = 0xC0..<0x530

  init(decomposer: ICU.Normalizer, composer: ICU.Normalizer) throws {
    self.decomposer = decomposer
    self.composer = composer
    var folds: [[Unicode.Scalar]] = []
    for value in Self.lowRange {
      let scalar = Unicode.Scalar(value)!
      folds.append(try Self.fold([scalar][...], decomposer: decomposer, composer: composer))
    }
    lowFolds = folds
  }

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
        let folded =
          segment.count == 1 && Self.lowRange.contains(input[start].value)
          ? lowFolds[Int(input[start].value - Self.lowRange.lowerBound)]
          : try Self.fold(segment, decomposer: decomposer, composer: composer)
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

  private static func fold(
    _ segment: ArraySlice<Unicode.Scalar>, decomposer: ICU.Normalizer, composer: ICU.Normalizer
  ) throws -> [Unicode.Scalar] {
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

  /// Whether `scalar` is a nonspacing mark; Greek and basic Cyrillic letters (U+0370 to
  /// U+0482) hold none, so they are answered without a property lookup.
  private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x300 && !(0x370..<0x483).contains(scalar.value)
      && scalar.properties.generalCategory == .nonspacingMark
  }
}
