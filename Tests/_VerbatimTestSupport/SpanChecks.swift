public import TextModel

/// The offset convention's one shared check: every span lies inside the text and slices
/// it to the expected surface.
public enum SpanChecks {
  /// The spans (with their expected surfaces) that do not slice `text` exactly; empty
  /// when all do.
  public static func mismatches(
    in text: String, spans: [(span: ScalarSpan, surface: String)]
  ) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return spans.compactMap { item in
      guard item.span.start >= 0, item.span.end <= scalars.count else {
        return "\(item.span) is outside a text of \(scalars.count) scalars"
      }
      var slice = String.UnicodeScalarView()
      slice.append(contentsOf: scalars[item.span.start..<item.span.end])
      let actual = String(slice)
      return actual == item.surface
        ? nil : "\(item.span) slices \(actual.debugDescription), expected \(item.surface.debugDescription)"
    }
  }
}

/// Text with marked spans, for writing expected spans by hand: `⟦` and `⟧` surround each
/// expected span, and are removed to give the text.
///
/// ```swift
/// let marked = MarkedText("On ⟦May 27⟧ we met")
/// marked.text    // "On May 27 we met"
/// marked.spans   // [3..<9]
/// ```
/// The markers never occur in the corpus.
public struct MarkedText: Sendable {
  public let text: String
  public let spans: [ScalarSpan]

  public init(_ marked: String) {
    var text = String.UnicodeScalarView()
    var spans: [ScalarSpan] = []
    var open: Int?
    for scalar in marked.unicodeScalars {
      switch scalar {
      case "⟦": open = text.count
      case "⟧":
        if let start = open { spans.append(ScalarSpan(start: start, end: text.count)) }
        open = nil
      default: text.append(scalar)
      }
    }
    self.text = String(text)
    self.spans = spans
  }
}
