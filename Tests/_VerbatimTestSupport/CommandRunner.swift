public import Foundation

/// Runs the built `verbatim` executable end to end, as a user's script would.
public enum CommandRunner {
  /// What a run printed and returned.
  public struct Result: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
  }

  /// The `verbatim` binary: `VERBATIM_BIN` when set, else the one built beside the test
  /// bundle (SwiftPM puts both in the same products directory).
  public static var executable: URL {
    if let path = ProcessInfo.processInfo.environment["VERBATIM_BIN"] {
      return URL(fileURLWithPath: path)
    }
    let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return testBinary.deletingLastPathComponent().appending(path: "verbatim")
  }

  /// Runs `verbatim` with `arguments`, feeding `input` to its standard input, from the
  /// repository root (so `corpus/…` paths work).
  public static func run(_ arguments: [String], input: [UInt8] = []) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = Corpus.root
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    // Read both pipes while the process runs, so a large output cannot block it.
    nonisolated(unsafe) var errorData = Data()
    let errorReader = Thread { errorData = stderr.fileHandleForReading.readDataToEndOfFile() }
    errorReader.start()
    stdin.fileHandleForWriting.write(Data(input))
    try stdin.fileHandleForWriting.close()
    let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while errorReader.isExecuting || !errorReader.isFinished { usleep(1000) }
    return Result(
      status: process.terminationStatus,
      standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData, as: UTF8.self))
  }
}
