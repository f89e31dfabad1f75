import TextModel
/// Unifies punctuation and symbols for matching: quotes to `"`, apostrophes to `'`,
/// hyphens and dashes to `-`, bullets to `*`; emoji and pictographs become a space; then
/// whitespace is collapsed by the next pass.
struct SymbolFoldingPass: NormalizationPass {
  let kinds: Set<ChangeKind> = [.quote, .dash, .bullet, .emoji]

  func rewrite(_ input: [Unicode.Scalar], enabled: Set<ChangeKind>) -> ScalarRewriter {
    // Symbols first, so that emoji removed between spaces collapse with them.
    var symbols = ScalarRewriter(input: input)
    let foldsEmoji = enabled.contains(.emoji)
    var index = 0
    while index < input.count {
      let scalar = input[index]
      if foldsEmoji, Self.isEmojiPart(scalar) {
        var end = index + 1
        while end < input.count, Self.isEmojiPart(input[end]) { end += 1 }
        symbols.replace(end - index, with: CollectionOfOne(" "), kind: .emoji)
        index = end
        continue
      }
      if let (replacement, kind) = Self.unified(scalar), scalar != replacement,
        enabled.contains(kind)
      {
        symbols.replace(1, with: CollectionOfOne(replacement), kind: kind)
      } else {
        symbols.keep(scalar)
      }
      index += 1
    }
    return symbols
  }

  /// The unified form of a quote, apostrophe, dash or bullet, and the kind of change.
  static func unified(_ scalar: Unicode.Scalar) -> (Unicode.Scalar, ChangeKind)? {
    switch scalar.value {
    case 0x22, 0xAB, 0xBB, 0x201C...0x201F, 0x2033, 0x301D...0x301F, 0xFF02:
      return ("\"", .quote)
    case 0x27, 0x60, 0xB4, 0x2018...0x201B, 0x2032, 0x2039, 0x203A, 0x02BC, 0xFF07:
      return ("'", .quote)
    case 0x2D, 0x2010...0x2015, 0x2212, 0x2E3A, 0x2E3B, 0xFE58, 0xFE63, 0xFF0D:
      return ("-", .dash)
    case 0x2022, 0x2023, 0x2043, 0x2219, 0x25AA, 0x25CF, 0x25E6, 0x2027:
      return ("*", .bullet)
    default:
      return nil
    }
  }

  /// Emoji, pictographs and the pieces of emoji sequences (modifiers, variation
  /// selectors, the zero-width joiner, keycap, tags). ASCII digits, `#` and `*` are not.
  static func isEmojiPart(_ scalar: Unicode.Scalar) -> Bool {
    // Below U+2000 only © and ® are emoji (ASCII #, * and digits are kept as text).
    if scalar.value < 0x2000 { return scalar.value == 0xA9 || scalar.value == 0xAE }
    let properties = scalar.properties
    switch scalar.value {
    case 0x200D, 0x20E3, 0xFE0E, 0xFE0F, 0xE0020...0xE007F: return true
    default: return properties.isEmoji || properties.isEmojiModifier
    }
  }
}

/// Collapses every run of whitespace to one space, for matching.
struct WhitespaceCollapsingPass: NormalizationPass {
  let kinds: Set<ChangeKind> = [.whitespace]

  func rewrite(_ input: [Unicode.Scalar], enabled: Set<ChangeKind>) -> ScalarRewriter {
    var rewriter = ScalarRewriter(input: input)
    var index = 0
    while index < input.count {
      guard input[index].isSpaceScalar else {
        rewriter.keep(input[index])
        index += 1
        continue
      }
      var end = index + 1
      while end < input.count, input[end].isSpaceScalar { end += 1 }
      if end - index == 1, input[index] == " " {
        rewriter.keep(input[index])
      } else {
        rewriter.replace(end - index, with: CollectionOfOne(" "), kind: .whitespace)
      }
      index = end
    }
    return rewriter
  }
}
