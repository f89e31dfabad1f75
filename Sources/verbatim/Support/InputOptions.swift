import ArgumentParser
import Foundation
import Verbatim

/// The input options every text subcommand shares.
struct InputOptions: ParsableArguments {
  @Argument(help: "Files to read (default: standard input).")
  var files: [String] = []

  @Option(
    help: ArgumentHelp(
      "Read every input in this charset instead of detecting it.",
      discussion: "Any name ICU knows: UTF-8, UTF-16, windows-1251, KOI8-R, IBM866, windows-1252, ISO-8859-1…",
      valueName: "charset"))
  var encoding: String?

  /// The inputs in order, each decoded; standard input when no file is given.
  ///
  /// Decoding repairs are reported on standard error, never hidden.
  ///
  /// With `expandingDirectories`, a directory stands for the `.txt` files under it
  /// (recursively, sorted, hidden files skipped); otherwise a directory is an error.
  func readInputs(expandingDirectories: Bool = false) throws -> [Input] {
    let decoder = TextDecoder(forcedEncoding: encoding)
    if files.isEmpty {
      return [try Input(name: "<stdin>", bytes: Array(FileHandle.standardInput.readDataToEndOfFile()), decoder: decoder)]
    }
    let paths = expandingDirectories ? try files.flatMap(Self.expand) : files
    return try paths.map { path in
      try Input(name: path, bytes: try Self.readFile(path), decoder: decoder)
    }
  }

  /// The transcripts (`.txt` files) under a directory, or the path itself when it is not
  /// one.
  static func expand(_ path: String) throws -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
    else { return [path] }
    do {
      return try CorpusFiles.list(under: URL(fileURLWithPath: path)).map {
        (path as NSString).appendingPathComponent($0)
      }
    } catch {
      throw RuntimeError("\(error)")
    }
  }

  static func readFile(_ path: String) throws -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw RuntimeError("\(path): no such file")
    }
    if isDirectory.boolValue {
      throw RuntimeError("\(path): is a directory; give the files inside it")
    }
    guard let bytes = readAll(path) else {
      throw RuntimeError("\(path): cannot read the file (permission denied?)")
    }
    return bytes
  }

  /// The file's bytes, read straight into one array of the size `fstat` gives (and one
  /// byte more, to see the end in the same read); `nil` when it cannot be opened or read.
  private static func readAll(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    let expected = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
    var failed = false
    /// Reads into `buffer` from its `initialized` count until it is full or the file ends.
    func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, _ initialized: inout Int) {
      while initialized < buffer.count {
        let count = Glibc.read(descriptor, buffer.baseAddress.unsafelyUnwrapped + initialized, buffer.count - initialized)
        if count > 0 {
          initialized += count
        } else if count == 0 || errno != EINTR {
          failed = count < 0
          return
        }
      }
    }
    var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { fill($0, &$1) }
    // A file that grew since `fstat`: the rest, a chunk at a time.
    var filled = bytes.count == expected + 1
    while !failed, filled {
      let chunk = [UInt8](unsafeUninitializedCapacity: 1 << 16) { fill($0, &$1) }
      bytes.append(contentsOf: chunk)
      filled = chunk.count == 1 << 16
    }
    return failed ? nil : bytes
  }
}

/// One decoded input.
struct Input {
  /// The path as given, or `<stdin>`.
  var name: String
  var decoded: DecodedText

  /// Decodes `bytes`, and says on standard error what decoding replaced or guessed unless
  /// `reporting` is off (then ``reportDecoding()`` says it).
  init(name: String, bytes: [UInt8], decoder: TextDecoder, reporting: Bool = true) throws {
    self.name = name
    do {
      decoded = try decoder.decode(bytes)
    } catch let error as DecodingError {
      throw RuntimeError("\(name): \(error)")
    }
    if reporting { reportDecoding() }
  }

  /// Says on standard error what decoding replaced, or which charset it read.
  func reportDecoding() {
    if decoded.replacementCount > 0 {
      Diagnostics.warn(
        "\(name): \(decoded.replacementCount) invalid \(decoded.encoding) sequence(s) replaced "
          + "with U+FFFD (use --encoding to read another charset)")
    }
    if decoded.encoding != "UTF-8" {
      Diagnostics.note("\(name): read as \(decoded.encoding)")
    }
  }
}

/// Messages on standard error.
enum Diagnostics {
  static func warn(_ message: String) {
    FileHandle.standardError.write(Data("verbatim: warning: \(message)\n".utf8))
  }

  /// A progress line that overwrites itself on a terminal.
  static func progress(_ message: String) {
    FileHandle.standardError.write(Data("\r\(message)\u{1B}[K".utf8))
  }

  static func note(_ message: String) {
    FileHandle.standardError.write(Data("verbatim: note: \(message)\n".utf8))
  }
}
