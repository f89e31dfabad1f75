/// Repairs at the level of single characters: HTML entities, control characters, line
/// endings, exotic spaces and invisible characters.
struct CharacterRepairPass: NormalizationPass {
  let kinds: Set<ChangeKind> = [.entity, .control, .lineEnding, .space, .invisible]

  func rewrite(_ input: [Unicode.Scalar], enabled: Set<ChangeKind>) -> ScalarRewriter {
    var rewriter = ScalarRewriter(input: input)
    // Read the switches once: a set lookup per scalar would cost more than the pass.
    let entities = enabled.contains(.entity)
    let lineEndings = enabled.contains(.lineEnding)
    let controls = enabled.contains(.control)
    let spaces = enabled.contains(.space)
    let invisibles = enabled.contains(.invisible)
    var index = 0
    while index < input.count {
      let scalar = input[index]
      if scalar.value >= 0x20, scalar.value < 0x7F, scalar != "&" {
        // Printable ASCII other than "&" never changes.
        rewriter.keep(scalar)
        index += 1
      } else if scalar == "&", entities,
        let (decoded, length) = HTMLEntities.decode(input, at: index)
      {
        let replacement: Unicode.Scalar =
          spaces && Self.isExoticSpace(decoded) ? " " : decoded
        rewriter.replace(length, with: CollectionOfOne(replacement), kind: .entity)
        index += length
      } else if scalar == "\r", lineEndings {
        let length = index + 1 < input.count && input[index + 1] == "\n" ? 2 : 1
        rewriter.replace(length, with: CollectionOfOne("\n"), kind: .lineEnding)
        index += length
      } else if controls, Self.isControl(scalar) {
        rewriter.replace(1, with: EmptyCollection(), kind: .control)
        index += 1
      } else if spaces, Self.isExoticSpace(scalar) {
        rewriter.replace(1, with: CollectionOfOne(" "), kind: .space)
        index += 1
      } else if invisibles, Self.isInvisible(scalar) {
        rewriter.replace(1, with: EmptyCollection(), kind: .invisible)
        index += 1
      } else {
        rewriter.keep(scalar)
        index += 1
      }
    }
    return rewriter
  }

  /// C0 controls other than tab, line feed and carriage return; DEL; C1 controls.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: false
    case 0x00...0x1F, 0x7F...0x9F: true
    default: false
    }
  }

  /// Spaces that display like a space but are not U+0020: no-break, en/em and the other
  /// fixed-width spaces, narrow no-break, medium mathematical, ideographic, Ogham.
  static func isExoticSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  /// Characters that show nothing: zero-width space, soft hyphen, byte-order mark (zero-width
  /// no-break space), word joiner and invisible operators, left-to-right and right-to-left
  /// marks, Mongolian vowel separator. Zero-width joiner and non-joiner are kept: they
  /// shape emoji and some scripts.
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00AD, 0x180E, 0x200B, 0x200E, 0x200F, 0x2060...0x2064, 0xFEFF: true
    default: false
    }
  }
}
