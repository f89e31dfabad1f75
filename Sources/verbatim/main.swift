import ArgumentParser
import Foundation

// Runs the command, mapping errors onto the documented exit codes: 1 for a runtime error
// (one line on standard error), 2 for a usage error (with the usage text).
do {
  var command = try VerbatimCommand.parseAsRoot()
  try command.run()
} catch let code as ExitCode {
  // A status chosen by the command itself, its messages already printed.
  exit(code.rawValue)
} catch let error as RuntimeError {
  FileHandle.standardError.write(Data("verbatim: error: \(error.message)\n".utf8))
  exit(1)
} catch {
  let code = VerbatimCommand.exitCode(for: error)
  if code == .success {
    VerbatimCommand.exit(withError: error)
  }
  let isUsageError = code == .validationFailure
  FileHandle.standardError.write(Data((VerbatimCommand.fullMessage(for: error) + "\n").utf8))
  exit(isUsageError ? 2 : 1)
}
