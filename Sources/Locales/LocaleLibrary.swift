public import Foundation

/// Verbatim's language data: the files under `locales/` (month names, relative words,
/// site-chrome phrases, speaker labels, transliteration rules), one folder per language.
///
/// ```swift
/// let months = try LocaleLibrary.standard.table("months", language: "ru")
/// months["9"]   // ["сентябрь", "сентября", "сентябре", …]
/// ```
///
/// ``standard`` holds the files embedded in the binary at build time. When the environment
/// variable `VERBATIM_LOCALES` names a directory, its files are added on top (replacing
/// embedded files of the same path), so a language can be added or adjusted without
/// rebuilding.
public struct LocaleLibrary: Sendable {
  /// File contents by path relative to the locales directory, e.g. "ru/months.txt".
  public let files: [String: String]

  /// A library of the given files.
  public init(files: [String: String]) {
    self.files = files
  }

  /// Reads every `.txt` file under `directory`.
  /// - Throws: ``LocaleError`` when the directory or a file cannot be read, or a file is
  ///   not UTF-8.
  public init(directory: URL) throws(LocaleError) {
    let root = directory.standardizedFileURL
    guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    else { throw LocaleError(file: root.path, reason: "cannot read the locales directory") }
    var files: [String: String] = [:]
    for case let url as URL in enumerator where url.pathExtension == "txt" {
      let path = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
      guard let data = FileManager.default.contents(atPath: url.path) else {
        throw LocaleError(file: path, reason: "cannot read the file")
      }
      guard let text = String(data: data, encoding: .utf8) else {
        throw LocaleError(file: path, reason: "the file is not valid UTF-8")
      }
      files[path] = text
    }
    self.files = files
  }

  /// The embedded locale files, plus those of the directory named by `VERBATIM_LOCALES`.
  public static let standard: LocaleLibrary = {
    var files = embeddedLocaleFiles
    if let override = ProcessInfo.processInfo.environment["VERBATIM_LOCALES"],
      let extra = try? LocaleLibrary(directory: URL(fileURLWithPath: override))
    {
      files.merge(extra.files) { _, new in new }
    }
    return LocaleLibrary(files: files)
  }()

  /// The languages with a folder, as ISO 639-1 codes, sorted.
  public var languages: [String] {
    Set(files.keys.compactMap { $0.split(separator: "/").first.map(String.init) }).sorted()
  }

  /// The keyed table `name` of `language`, e.g. `table("months", language: "pt")`.
  /// - Throws: ``LocaleError`` when the file is missing or malformed.
  public func table(_ name: String, language: String) throws(LocaleError) -> LocaleTable {
    let path = "\(language)/\(name).txt"
    return try LocaleTable(file: path, contents: contents(of: path))
  }

  /// The phrase list `name` of `language`, e.g. `phrases("chrome", language: "ru")`.
  /// - Throws: ``LocaleError`` when the file is missing or malformed.
  public func phrases(_ name: String, language: String) throws(LocaleError) -> PhraseList {
    let path = "\(language)/\(name).txt"
    return try PhraseList(file: path, contents: contents(of: path))
  }

  /// The text of the file at `path`.
  /// - Throws: ``LocaleError`` when there is no such file.
  public func contents(of path: String) throws(LocaleError) -> String {
    guard let text = files[path] else {
      throw LocaleError(file: path, reason: "no such locale file")
    }
    return text
  }

  /// The paths of the files directly inside `folder`, e.g. "ru/translit", sorted.
  public func paths(in folder: String) -> [String] {
    files.keys.filter { path in
      path.hasPrefix(folder + "/") && !path.dropFirst(folder.count + 1).contains("/")
    }.sorted()
  }
}
