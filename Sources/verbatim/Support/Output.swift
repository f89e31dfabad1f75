import Foundation

/// Buffered standard output: writes in large blocks, so large outputs are not slowed by
/// one system call per line.
struct StandardOutput {
  private var buffer: [UInt8] = []
  private let flushThreshold = 1 << 16

  mutating func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= flushThreshold { flush() }
  }

  /// Writes UTF-8 bytes.
  mutating func write(bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= flushThreshold { flush() }
  }

  /// Writes one JSON object as a line.
  mutating func writeJSONLine(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    buffer.append(contentsOf: try encoder.encode(value))
    buffer.append(0x0A)
    if buffer.count >= flushThreshold { flush() }
  }

  mutating func flush() {
    guard !buffer.isEmpty else { return }
    FileHandle.standardOutput.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }
}
