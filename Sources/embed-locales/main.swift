// Writes a Swift source file that embeds every file under a locales directory, so the
// Locales module carries its data inside the binary.
//
// Usage: embed-locales LOCALES_DIR OUTPUT.swift

import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
  FileHandle.standardError.write(Data("usage: embed-locales LOCALES_DIR OUTPUT.swift\n".utf8))
  exit(2)
}
let root = URL(fileURLWithPath: arguments[1], isDirectory: true).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

/// A Swift string literal for `text`.
func literal(_ text: String) -> String {
  var result = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\\": result += "\\\\"
    case "\"": result += "\\\""
    case "\n": result += "\\n"
    case "\r": result += "\\r"
    case "\t": result += "\\t"
    case _ where scalar.value < 0x20 || scalar.value == 0x7F:
      result += "\\u{\(String(scalar.value, radix: 16))}"
    default: result.unicodeScalars.append(scalar)
    }
  }
  return result + "\""
}

var entries: [(path: String, contents: String)] = []
if let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
  for case let url as URL in enumerator where url.pathExtension == "txt" {
    let path = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
    guard let data = FileManager.default.contents(atPath: url.path) else {
      FileHandle.standardError.write(Data("embed-locales: cannot read \(url.path)\n".utf8))
      exit(1)
    }
    entries.append((path, String(decoding: data, as: UTF8.self)))
  }
}
entries.sort { $0.path < $1.path }

var source = "// Generated at build time by embed-locales from locales/. Do not edit.\n\n"
source += "let embeddedLocaleFiles: [String: String] = [\n"
for entry in entries {
  source += "  \(literal(entry.path)): \(literal(entry.contents)),\n"
}
source += entries.isEmpty ? "  :\n]\n" : "]\n"
do {
  try Data(source.utf8).write(to: output, options: .atomic)
} catch {
  FileHandle.standardError.write(Data("embed-locales: cannot write \(output.path): \(error)\n".utf8))
  exit(1)
}
