import TextModel
/// A phrase from a locale list, matched against a whole line: case-insensitive, spaces
/// collapsed, `{n}` standing for any integer and `{text}` for any text.
struct PhrasePattern: Hashable, Sendable {
  private enum Piece: Hashable, Sendable {
    case literal([Character])
    case number
    case anyText
  }

  private let pieces: [Piece]

  init(_ phrase: String) {
    var pieces: [Piece] = []
    var rest = Substring(Self.folded(phrase))
    while !rest.isEmpty {
      if rest.hasPrefix("{n}") {
        pieces.append(.number)
        rest = rest.dropFirst(3)
      } else if rest.hasPrefix("{text}") {
        pieces.append(.anyText)
        rest = rest.dropFirst(6)
      } else {
        let next = rest.dropFirst().firstIndex(of: "{") ?? rest.endIndex
        let literal = Array(rest[..<next])
        if case .literal(let previous) = pieces.last {
          pieces[pieces.count - 1] = .literal(previous + literal)
        } else {
          pieces.append(.literal(literal))
        }
        rest = rest[next...]
      }
    }
    self.pieces = pieces
  }

  /// The first character a matching (folded) line has, when the pattern opens with a
  /// literal; `nil` when it opens with a placeholder.
  var firstCharacter: Character? {
    guard case .literal(let literal) = pieces.first else { return nil }
    return literal.first
  }

  /// Whether the pattern opens with `{n}`.
  var opensWithNumber: Bool {
    if case .number = pieces.first { return true }
    return false
  }

  /// Whether the whole (already folded) line matches.
  func matches(folded line: [Character]) -> Bool {
    Self.match(pieces[...], line[...])
  }

  /// Whether some line whose folded text starts with `opening` could match; when
  /// `isWhole`, `opening` is the whole folded line. `false` only when none can.
  func mayMatch(_ opening: [Character], isWhole: Bool) -> Bool {
    isWhole ? matches(folded: opening) : Self.mayContinue(pieces[...], opening[...])
  }

  private static func mayContinue(_ pieces: ArraySlice<Piece>, _ text: ArraySlice<Character>) -> Bool {
    guard let piece = pieces.first else { return text.isEmpty }
    if text.isEmpty { return true }
    switch piece {
    case .literal(let literal):
      guard text.count >= literal.count else { return literal.starts(with: text) }
      return text.starts(with: literal) && mayContinue(pieces.dropFirst(), text.dropFirst(literal.count))
    case .number:
      let digits = text.prefix { $0.isASCII && $0.isNumber }
      if digits.count == text.count { return true }
      return !digits.isEmpty && mayContinue(pieces.dropFirst(), text.dropFirst(digits.count))
    case .anyText:
      return true
    }
  }

  private static func match(_ pieces: ArraySlice<Piece>, _ text: ArraySlice<Character>) -> Bool {
    guard let piece = pieces.first else { return text.isEmpty }
    let rest = pieces.dropFirst()
    switch piece {
    case .literal(let literal):
      return text.starts(with: literal) && match(rest, text.dropFirst(literal.count))
    case .number:
      let digits = text.prefix { $0.isASCII && $0.isNumber }
      return !digits.isEmpty && match(rest, text.dropFirst(digits.count))
    case .anyText:
      if rest.isEmpty { return !text.isEmpty }
      return text.indices.contains { match(rest, text[$0...]) }
    }
  }

  /// A line or phrase lowercased, with runs of spaces as one space, trimmed.
  static func folded(_ text: String) -> String {
    // Built as UTF-8: appending to a scalar view costs several times more.
    var folded: [UInt8] = []
    folded.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for scalar in text.lowercased().unicodeScalars {
      if scalar.isSpaceScalar {
        pendingSpace = !folded.isEmpty
      } else {
        if pendingSpace { folded.append(0x20) }
        pendingSpace = false
        folded.append(contentsOf: scalar.utf8)
      }
    }
    return String(decoding: folded, as: UTF8.self)
  }
}
