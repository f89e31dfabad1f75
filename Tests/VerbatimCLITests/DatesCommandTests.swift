import Foundation
import Testing
import _VerbatimTestSupport

/// `verbatim dates --json`: the fields of DESIGN.md, escaped as `JSONEncoder` escapes them.
@Suite struct DatesCommandTests {
  @Test func jsonLinesHaveSortedFieldsAndEscapedSurfaces() throws {
    let input = "Встреча 15.02 в 16:00.\nSeptember\t29, 2022\n17:35\n"
    let result = try CommandRunner.run(["dates", "--json", "--reference", "2022-09-30"], input: Array(input.utf8))
    #expect(result.status == 0)
    // Offsets counted by hand: "Встреча " is 8 scalars; the second line starts at 23.
    #expect(
      result.standardOutput == """
        {"end":21,"file":"<stdin>","kind":"datetime","reference":"2022-09-30","relative":true,"start":8,"surface":"15.02 в 16:00","value":"2022-02-15T16:00"}
        {"end":47,"file":"<stdin>","kind":"datetime","start":23,"surface":"September\\t29, 2022\\n17:35","value":"2022-09-29T17:35"}

        """)
  }

  @Test func fileNamesAreEscapedLikeJSONEncoder() throws {
    struct Record: Encodable {
      var end, start: Int
      var file, kind, reference, surface, value: String
      var relative: Bool
    }
    let directory = FileManager.default.temporaryDirectory.appending(path: "verbatim-dates-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appending(path: "a\"b\\c\u{1}/d.txt".replacingOccurrences(of: "/", with: "_")).path
    try Data("On 2/15.".utf8).write(to: URL(fileURLWithPath: file))
    let result = try CommandRunner.run(["dates", "--json", "--reference", "2022-09-30", file])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let expected = try encoder.encode(
      Record(
        end: 7, start: 3, file: file, kind: "day", reference: "2022-09-30", surface: "2/15",
        value: "2022-02-15", relative: true))
    #expect(result.standardOutput == String(decoding: expected, as: UTF8.self) + "\n")
  }
}
