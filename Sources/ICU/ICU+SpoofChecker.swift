internal import CICU

extension ICU {
  /// Finds confusable and mixed-script text (ICU `uspoof`, Unicode UTS #39).
  ///
  /// ```swift
  /// let checker = try ICU.SpoofChecker()
  /// try checker.check("Mоscow").contains(.mixedScript)          // true: Cyrillic "о"
  /// try checker.skeleton(of: "Mоscow") == checker.skeleton(of: "Moscow")   // true
  /// ```
  ///
  /// Configured once at creation (all checks, single-script restriction level), after which
  /// ICU allows concurrent use.
  public final class SpoofChecker: @unchecked Sendable {
    // ICU documents uspoof checks and skeletons as thread-safe on a configured checker.

    /// What a check found.
    public struct Findings: OptionSet, Hashable, Sendable {
      public let rawValue: Int32
      public init(rawValue: Int32) { self.rawValue = rawValue }

      /// Two strings of one script could be confused (reported by ICU's skeleton checks).
      public static let singleScriptConfusable = Findings(rawValue: 1)
      /// The text mixes scripts in a way that could imitate another string.
      public static let mixedScriptConfusable = Findings(rawValue: 2)
      /// The whole text could be confused with text in another script.
      public static let wholeScriptConfusable = Findings(rawValue: 4)
      /// The text contains invisible characters such as repeated combining marks.
      public static let invisible = Findings(rawValue: 8)
      /// The text is not single-script: it mixes letters of two or more scripts, e.g. Latin
      /// and Cyrillic ("ICU restriction level" check).
      public static let mixedScript = Findings(rawValue: 16)
      /// The text mixes digits from different numbering systems.
      public static let mixedNumbers = Findings(rawValue: 32)
    }

    private let pointer: UnsafeMutableRawPointer

    /// Opens a checker with ICU's confusable data.
    /// - Throws: ``ICUError`` when ICU's data cannot be loaded.
    public init() throws(ICUError) {
      var status: Int32 = 0
      let pointer = vb_spoof_open(&status)
      try ICU.check(status, "cannot open the spoof checker")
      guard let pointer else { throw ICUError(status: 1, operation: "cannot open the spoof checker") }
      self.pointer = pointer
    }

    deinit { vb_spoof_close(pointer) }

    /// What ICU's checks find in `text`; empty for ordinary single-script text.
    public func check(_ text: some StringProtocol) throws(ICUError) -> Findings {
      let pointer = pointer
      return try ICU.withUTF16(text) { (units, length) throws(ICUError) -> Findings in
        var status: Int32 = 0
        let bits = vb_spoof_check(pointer, units, length, &status)
        try ICU.check(status, "cannot check text for confusables")
        return Findings(rawValue: bits)
      }
    }

    /// The confusable skeleton of `text`: strings that look alike have equal skeletons.
    /// A skeleton is for comparison only, not for display.
    public func skeleton(of text: some StringProtocol) throws(ICUError) -> String {
      let pointer = pointer
      return try ICU.withUTF16(text) { (units, length) throws(ICUError) -> String in
        let skeleton = try ICU.withResizingUTF16Buffer(
          capacity: Int(length) * 2, operation: "cannot compute a confusable skeleton"
        ) { destination, capacity, status in
          vb_spoof_skeleton(pointer, units, length, destination, capacity, &status)
        }
        return String(icuUTF16: skeleton)
      }
    }

    /// Whether two strings look alike (their skeletons are equal).
    public func areConfusable(_ first: some StringProtocol, _ second: some StringProtocol)
      throws(ICUError) -> Bool
    {
      try skeleton(of: first) == skeleton(of: second)
    }
  }
}
