import Foundation

/// Buffered standard output: writes in large blocks, so large outputs are not slowed by
/// one system call per line.
struct StandardOutput {
  private var buffer: [UInt8] = []
  private let flushThreshold = 1 << 16
  /// One encoder for every line: making one costs more than encoding a small record.
  private let encoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  mutating func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= flushThreshold { flush() }
  }

  /// Writes UTF-8 bytes; a large block goes out directly rather than through the buffer.
  mutating func write(bytes: [UInt8]) {
    if bytes.count >= flushThreshold {
      flush()
      Self.writeToStandardOutput(bytes)
      return
    }
    buffer.append(contentsOf: bytes)
    if buffer.count >= flushThreshold { flush() }
  }

  /// Writes one JSON object as a line.
  mutating func writeJSONLine(_ value: some Encodable) throws {
    buffer.append(contentsOf: try encoder.encode(value))
    buffer.append(0x0A)
    if buffer.count >= flushThreshold { flush() }
  }

  /// Writes one JSON object as a line, field by field, without an encoder: for records
  /// written by the million. `fields` must give the keys sorted, as `writeJSONLine` does.
  mutating func writeJSONObject(_ fields: (inout JSONObjectWriter) -> Void) {
    var writer = JSONObjectWriter()
    swap(&writer.bytes, &buffer)
    writer.bytes.append(0x7B)
    fields(&writer)
    writer.bytes.append(0x7D)
    writer.bytes.append(0x0A)
    swap(&writer.bytes, &buffer)
    if buffer.count >= flushThreshold { flush() }
  }

  mutating func flush() {
    guard !buffer.isEmpty else { return }
    Self.writeToStandardOutput(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes every byte to file descriptor 1, without another copy.
  private static func writeToStandardOutput(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = Glibc.write(1, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return  // A closed pipe: the reader has gone, as with `verbatim … | head`.
        }
        offset += written
      }
    }
  }
}

/// The fields of one JSON object, written as `JSONEncoder` writes them with
/// `.withoutEscapingSlashes`.
struct JSONObjectWriter {
  fileprivate(set) var bytes: [UInt8] = []
  private var first = true
  private static let hexDigits = Array("0123456789abcdef".utf8)

  private mutating func key(_ name: StaticString) {
    if !first { bytes.append(0x2C) }
    first = false
    bytes.append(0x22)
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(contentsOf: [0x22, 0x3A])
  }

  mutating func field(_ name: StaticString, _ value: Int) {
    key(name)
    bytes.append(contentsOf: String(value).utf8)
  }

  mutating func field(_ name: StaticString, _ value: Bool) {
    key(name)
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  /// A string, or `null`.
  mutating func field(_ name: StaticString, _ value: String?) {
    key(name)
    guard let value else {
      bytes.append(contentsOf: "null".utf8)
      return
    }
    bytes.append(0x22)
    for byte in value.utf8 {
      switch byte {
      case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
      case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
      case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
      case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
      case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
      case 0..<0x20:
        let hex = JSONObjectWriter.hexDigits
        bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
      default: bytes.append(byte)
      }
    }
    bytes.append(0x22)
  }
}
