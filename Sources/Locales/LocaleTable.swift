/// A keyed table from a locale file: each line `key: form | form | …`.
///
/// ```text
/// # locales/ru/months.txt
/// 9: сентябрь | сентября | сентябре | сент. | сен.
/// ```
///
/// Forms are lowercased when the table is read, so lookups are case-insensitive.
public struct LocaleTable: Hashable, Sendable {
  /// One line of the table.
  public struct Entry: Hashable, Sendable {
    /// The key before the colon, e.g. "9" or "day-1".
    public var key: String
    /// The forms after it, lowercased, in file order.
    public var forms: [String]
    /// The 1-based line the entry is on.
    public var line: Int
  }

  /// The file the table came from, relative to the locales directory.
  public var file: String
  /// The entries in file order.
  public var entries: [Entry]

  /// The forms listed under `key`, or `nil` when the table has no such key.
  public subscript(key: String) -> [String]? {
    entries.first { $0.key == key }?.forms
  }

  /// The keys in file order.
  public var keys: [String] { entries.map(\.key) }

  /// Parses a keyed table.
  /// - Throws: ``LocaleError`` naming the line of a malformed entry, a repeated key or an
  ///   empty form.
  public init(file: String, contents: String) throws(LocaleError) {
    self.file = file
    var entries: [Entry] = []
    var seen: Set<String> = []
    for (number, line) in LocaleFile.contentLines(of: contents) {
      guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
        line[..<colon].allSatisfy(LocaleFile.isKeyCharacter)
      else {
        throw LocaleError(
          file: file, line: number, reason: "expected \"key: form | form\", found \"\(line)\"")
      }
      let key = String(line[..<colon])
      guard seen.insert(key).inserted else {
        throw LocaleError(file: file, line: number, reason: "the key \"\(key)\" is listed twice")
      }
      let forms = line[line.index(after: colon)...].split(
        separator: "|", omittingEmptySubsequences: false
      ).map { LocaleFile.trimmed($0).lowercased() }
      if forms.contains(where: \.isEmpty) {
        throw LocaleError(file: file, line: number, reason: "the key \"\(key)\" has an empty form")
      }
      entries.append(Entry(key: key, forms: forms, line: number))
    }
    self.entries = entries
  }
}

/// A list table from a locale file: one phrase per line, `{n}` standing for any integer.
public struct PhraseList: Hashable, Sendable {
  /// One phrase.
  public struct Phrase: Hashable, Sendable {
    /// The phrase as written in the file (case kept).
    public var text: String
    /// The 1-based line it is on.
    public var line: Int
  }

  /// The file the list came from, relative to the locales directory.
  public var file: String
  /// The phrases in file order.
  public var phrases: [Phrase]

  /// Parses a list table.
  /// - Throws: ``LocaleError`` naming the line of a phrase that contains `|`.
  public init(file: String, contents: String) throws(LocaleError) {
    self.file = file
    var phrases: [Phrase] = []
    for (number, line) in LocaleFile.contentLines(of: contents) {
      if line.contains("|") {
        throw LocaleError(
          file: file, line: number,
          reason: "a phrase list has one phrase per line, without \"|\"; found \"\(line)\"")
      }
      phrases.append(Phrase(text: line, line: number))
    }
    self.phrases = phrases
  }
}

/// The line syntax shared by every locale file.
enum LocaleFile {
  /// The lines that carry content, trimmed, with their 1-based numbers: comments (`#` first)
  /// and blank lines are skipped.
  static func contentLines(of contents: String) -> [(Int, String)] {
    var lines: [(Int, String)] = []
    var number = 0
    for rawLine in contents.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      let line = trimmed(rawLine)
      if line.isEmpty || line.hasPrefix("#") { continue }
      lines.append((number, line))
    }
    return lines
  }

  static func trimmed(_ text: Substring) -> String {
    let isSpace: (Character) -> Bool = { $0.isWhitespace }
    guard let first = text.firstIndex(where: { !isSpace($0) }),
      let last = text.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(text[first...last])
  }

  static func isKeyCharacter(_ character: Character) -> Bool {
    guard let ascii = character.asciiValue else { return false }
    return (97...122).contains(ascii) || (48...57).contains(ascii) || "_+-".utf8.contains(ascii)
  }
}
