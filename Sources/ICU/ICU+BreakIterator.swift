internal import CICU
import Synchronization
public import TextModel

extension ICU {
  /// Finds word, sentence, line or character boundaries by a locale's rules (ICU `ubrk`).
  ///
  /// ```swift
  /// let words = try ICU.BreakIterator(.word, locale: "ru")
  /// try words.segments(in: "Вопрос: что дальше?").filter(\.isWordLike).count   // 3
  /// ```
  ///
  /// Spans come back as Unicode scalar offsets into the text given. One iterator may be
  /// shared between threads; calls take turns.
  public final class BreakIterator: Sendable {
    /// What the boundaries separate.
    public enum Kind: Int32, Sendable {
      /// User-perceived characters (grapheme clusters).
      case character = 0
      /// Words, with the spaces and punctuation between them as segments of their own.
      case word = 1
      /// Places where a line may wrap.
      case line = 2
      /// Sentences.
      case sentence = 3
    }

    /// A segment between two boundaries.
    public struct Segment: Hashable, Sendable {
      /// The segment's scalar span in the text.
      public var span: ScalarSpan
      /// ICU's rule status for the segment (`UWordBreak` for word iterators): 0–99 none,
      /// 100–199 number, 200–299 letter, 300–399 kana, 400–499 ideographic.
      public var ruleStatus: Int32

      /// Whether a word iterator classed the segment as a word (letters, digits, kana or
      /// ideographs) rather than spaces or punctuation.
      public var isWordLike: Bool { ruleStatus >= 100 }
      /// Whether a word iterator classed the segment as a number.
      public var isNumber: Bool { (100..<200).contains(ruleStatus) }
    }

    private let handle: Mutex<Handle>
    /// The kind of boundary found.
    public let kind: Kind
    /// The locale whose rules apply, e.g. "en", "ru", "pt".
    public let locale: String

    /// Opens an iterator for `kind` boundaries under `locale`'s rules.
    /// - Throws: ``ICUError`` when ICU cannot load the rules.
    public init(_ kind: Kind, locale: String) throws(ICUError) {
      var status: Int32 = 0
      let pointer = vb_break_open(kind.rawValue, locale, &status)
      try ICU.check(status, "cannot open \(kind) break iterator for locale \"\(locale)\"")
      guard let pointer else {
        throw ICUError(status: 1, operation: "cannot open \(kind) break iterator")
      }
      self.handle = Mutex(Handle(pointer: pointer))
      self.kind = kind
      self.locale = locale
    }

    deinit {
      handle.withLock { vb_break_close($0.pointer) }
    }

    /// The segments of `text`, in order, covering it without gaps.
    /// - Complexity: O(*n*).
    public func segments(in text: some StringProtocol) throws(ICUError) -> [Segment] {
      let units = Array(text.utf16)
      let offsets = UTF16ScalarMap(text)
      let kind = kind
      return try handle.withLock { (handle) throws(ICUError) -> [Segment] in
        try units.withUnsafeBufferPointer { (buffer) throws(ICUError) -> [Segment] in
          var status: Int32 = 0
          vb_break_set_text(handle.pointer, buffer.baseAddress, Int32(buffer.count), &status)
          try ICU.check(status, "cannot segment text into \(kind)s")
          var segments: [Segment] = []
          var previous = Int(vb_break_first(handle.pointer))
          while true {
            let next = Int(vb_break_next(handle.pointer))
            if next < 0 { break }
            segments.append(
              Segment(
                span: offsets.scalarSpan(fromUTF16: previous..<next),
                ruleStatus: vb_break_rule_status(handle.pointer)))
            previous = next
          }
          // Let go of the caller's text before the buffer goes away.
          vb_break_set_text(handle.pointer, nil, 0, &status)
          return segments
        }
      }
    }
  }
}
