public import Foundation

/// Debian's `chromium` run headless, to see a page as a browser shows it.
public enum HeadlessChromium {
  /// The `chromium` executable on `PATH`, or nil when it is not installed.
  public static let executable: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":")
      .map { URL(fileURLWithPath: String($0)).appending(path: "chromium") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// Whether a missing browser is a failure rather than a reason to skip: in CI (the
  /// environment variable `CI` is set), where `.ci/run` installs it.
  public static var isRequired: Bool {
    ProcessInfo.processInfo.environment["CI"] != nil
  }

  /// The seconds Chromium may take to load and dump a page before it is stopped.
  private static let timeLimit = 60

  /// The DOM of the page at `file` after Chromium has loaded it, serialised as HTML.
  public static func renderedDOM(of file: URL) throws -> String {
    guard let executable else { throw CocoaError(.fileNoSuchFile) }
    // A profile of its own, so that browsers started by tests running at once stay apart.
    let profile = FileManager.default.temporaryDirectory.appending(path: "verbatim-chromium-\(UUID())")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = executable
    process.arguments = [
      "--headless", "--disable-gpu", "--no-sandbox", "--user-data-dir=\(profile.path)",
      "--dump-dom", file.absoluteString,
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // A browser that hangs fails the test instead of stalling the whole run. SIGKILL, as
    // the test runner's threads block SIGTERM and a child inherits that.
    let watchdog = DispatchWorkItem { [pid = process.processIdentifier] in _ = kill(pid, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(timeLimit), execute: watchdog)
    defer { watchdog.cancel() }
    let dom = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let reason = "chromium stopped with status \(process.terminationStatus) on \(file.path)"
      throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: reason])
    }
    return String(decoding: dom, as: UTF8.self)
  }
}
