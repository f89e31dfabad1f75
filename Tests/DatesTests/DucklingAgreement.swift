import Foundation
import Testing
@testable import Dates

/// Agreement with Duckling's Time corpora (`../shared/peers/duckling_time.jsonl`), per
/// language: run with `VERBATIM_DUCKLING=1` (optionally `VERBATIM_DUCKLING_MISSES=N` to print
/// N disagreements per language). A measurement, not a pass/fail test.
@Test(.enabled(if: ProcessInfo.processInfo.environment["VERBATIM_DUCKLING"] != nil))
func ducklingAgreement() throws {
  let path = ProcessInfo.processInfo.environment["VERBATIM_DUCKLING_FILE"]
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appending(path: "shared/peers/duckling_time.jsonl").path
  let data = try Data(contentsOf: URL(fileURLWithPath: path))
  let showMisses = Int(ProcessInfo.processInfo.environment["VERBATIM_DUCKLING_MISSES"] ?? "0") ?? 0
  struct Row: Decodable {
    var lang: String
    var set: String
    var text: String
    var reference: String
    var value: String
    var value_inclusive: String?
    var grain: String
  }
  struct Tally { var rows = 0, found = 0, agreed = 0, wholePhrase = 0 }
  var tallies: [String: Tally] = [:]
  var misses: [String: [String]] = [:]
  let finders = try Dictionary(uniqueKeysWithValues: ["en", "ru", "pt"].map { ($0, try DateFinder(languages: [$0], includesTimes: true)) })
  for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
    let row = try JSONDecoder().decode(Row.self, from: Data(line))
    guard let finder = finders[row.lang], let reference = CalendarDay(iso: String(row.reference.prefix(10))) else { continue }
    let found = finder.dates(in: row.text, relativeTo: reference)
    for key in [row.lang, "\(row.lang) \(row.set)"] {
      var tally = tallies[key, default: Tally()]
      tally.rows += 1
      if !found.isEmpty { tally.found += 1 }
      if found.count == 1 && found[0].surface.count >= row.text.count - 3 { tally.wholePhrase += 1 }
      let values = Set([row.value, row.value_inclusive].compactMap { $0 })
      if found.contains(where: { values.contains($0.value ?? "") }) {
        tally.agreed += 1
      } else if key == row.lang && misses[row.lang, default: []].count < showMisses {
        misses[row.lang, default: []].append("\(row.text.debugDescription) expected \(row.value) (\(row.grain)); got \(found.map { "\($0.surface.debugDescription)=\($0.value ?? "-")" })")
      }
      tallies[key] = tally
    }
  }
  for key in tallies.keys.sorted() {
    let t = tallies[key]!
    func percent(_ n: Int) -> String { String(format: "%.1f%%", 100 * Double(n) / Double(max(t.rows, 1))) }
    print("duckling \(key): rows \(t.rows), found \(t.found) (\(percent(t.found))), value agrees \(t.agreed) (\(percent(t.agreed)))")
  }
  for (lang, list) in misses.sorted(by: { $0.key < $1.key }) {
    for miss in list { print("miss \(lang): \(miss)") }
  }
}
