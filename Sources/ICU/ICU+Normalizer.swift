internal import CICU

extension ICU {
  /// A Unicode normalization form, as ICU's `unorm2` implements it.
  public enum NormalizationForm: String, Sendable, CaseIterable {
    /// Canonical composition.
    case nfc
    /// Canonical decomposition.
    case nfd
    /// Compatibility composition: ligatures, full-width forms and the like become plain
    /// letters.
    case nfkc
    /// Compatibility decomposition.
    case nfkd
    /// NFKC with full case folding and default-ignorable characters removed (Unicode's
    /// `NFKC_Casefold`), the usual key for caseless matching.
    case nfkcCasefold = "nfkc_cf"

    var shimIndex: Int32 {
      switch self {
      case .nfc: 0
      case .nfd: 1
      case .nfkc: 2
      case .nfkd: 3
      case .nfkcCasefold: 4
      }
    }
  }

  /// Normalizes text to one Unicode normalization form (ICU `unorm2`).
  ///
  /// ```swift
  /// let nfc = try ICU.Normalizer(.nfc)
  /// try nfc.normalize("e\u{301}")   // "é", one scalar
  /// ```
  ///
  /// ICU owns the shared instances; a `Normalizer` is cheap to create and safe to use from
  /// any thread.
  public struct Normalizer: @unchecked Sendable {
    // ICU's unorm2 instances are immutable singletons and thread-safe.
    private let handle: UnsafeRawPointer
    /// The form this normalizer produces.
    public let form: NormalizationForm

    /// The normalizer for `form`.
    /// - Throws: ``ICUError`` when ICU's normalization data cannot be loaded.
    public init(_ form: NormalizationForm) throws(ICUError) {
      var status: Int32 = 0
      let handle = vb_normalizer_instance(form.shimIndex, &status)
      try ICU.check(status, "cannot load normalization data for \(form.rawValue)")
      guard let handle else {
        throw ICUError(status: 5, operation: "cannot load normalization data for \(form.rawValue)")
      }
      self.handle = handle
      self.form = form
    }

    /// The text in this normalizer's form.
    /// - Complexity: O(*n*).
    public func normalize(_ text: some StringProtocol) throws(ICUError) -> String {
      let handle = handle
      let form = form
      return try ICU.withUTF16(text) { (source, length) throws(ICUError) -> String in
        if length == 0 { return "" }
        let units = try ICU.withResizingUTF16Buffer(
          capacity: Int(length) + Int(length) / 4, operation: "cannot normalize to \(form.rawValue)"
        ) { destination, capacity, status in
          vb_normalizer_normalize(handle, source, length, destination, capacity, &status)
        }
        return String(icuUTF16: units)
      }
    }

    /// Normalizes UTF-8 bytes, appending the UTF-8 result to `output`. Text already in the
    /// form is copied as it is; invalid bytes become U+FFFD.
    ///
    /// The fast path for large inputs: no Swift `String` is made. Feed it bounded chunks
    /// that end at a line feed (a boundary in every normalization form), e.g. with
    /// ``normalizeLines(_:chunkSize:_:)``.
    public func normalize(utf8 source: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8])
      throws(ICUError)
    {
      guard let base = source.baseAddress, !source.isEmpty else { return }
      var capacity = source.count + source.count / 2 + 16
      let start = output.count
      while true {
        var status: Int32 = 0
        output.append(contentsOf: repeatElement(0, count: capacity))
        let written = output.withUnsafeMutableBufferPointer { buffer in
          base.withMemoryRebound(to: CChar.self, capacity: source.count) { chars in
            (buffer.baseAddress.unsafelyUnwrapped + start).withMemoryRebound(
              to: CChar.self, capacity: capacity
            ) { destination in
              vb_normalizer_normalize_utf8(
                handle, chars, Int32(source.count), destination, Int32(capacity), &status)
            }
          }
        }
        output.removeSubrange((start + max(0, min(Int(written), capacity)))...)
        if status == ICU.bufferOverflow, Int(written) > capacity {
          capacity = Int(written)
          continue
        }
        try ICU.check(status, "cannot normalize to \(form.rawValue)")
        return
      }
    }

    /// Normalizes UTF-8 text in chunks of about `chunkSize` bytes that end at line feeds,
    /// handing each normalized chunk to `emit`: linear time, bounded memory.
    public func normalizeLines(
      _ text: UnsafeBufferPointer<UInt8>, chunkSize: Int = 1 << 20,
      _ emit: ([UInt8]) throws -> Void
    ) throws {
      var output: [UInt8] = []
      var start = 0
      while start < text.count {
        var end = min(text.count, start + chunkSize)
        if end < text.count {
          // Extend to the next line feed so no normalization segment is cut.
          while end < text.count, text[end - 1] != 0x0A { end += 1 }
        }
        output.removeAll(keepingCapacity: true)
        try normalize(utf8: UnsafeBufferPointer(rebasing: text[start..<end]), appendingTo: &output)
        try emit(output)
        start = end
      }
    }

    /// Whether a normalization segment starts at `scalar`: normalizing text cut just before
    /// it gives the same result as normalizing the whole.
    public func hasBoundary(before scalar: Unicode.Scalar) -> Bool {
      vb_normalizer_has_boundary_before(handle, scalar.value) != 0
    }

    /// Whether `scalar` is unaffected by this normalization in every context.
    public func isInert(_ scalar: Unicode.Scalar) -> Bool {
      vb_normalizer_is_inert(handle, scalar.value) != 0
    }

    /// Whether the text is already in this normalizer's form.
    public func isNormalized(_ text: some StringProtocol) throws(ICUError) -> Bool {
      let handle = handle
      let form = form
      return try ICU.withUTF16(text) { (source, length) throws(ICUError) -> Bool in
        var status: Int32 = 0
        let result = vb_normalizer_is_normalized(handle, source, length, &status)
        try ICU.check(status, "cannot check normalization to \(form.rawValue)")
        return result != 0
      }
    }
  }
}
