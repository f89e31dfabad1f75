internal import CICU
import Synchronization

extension ICU {
  /// A compiled ICU transform (`utrans`): a built-in one by id, such as
  /// `Russian-Latin/BGN` or `Any-NFKC`, or one compiled from rule text.
  ///
  /// ```swift
  /// let bgn = try ICU.Transliterator(id: "Russian-Latin/BGN")
  /// try bgn.transliterate("Сергей Нарышкин")   // "Sergey Naryshkin"
  /// ```
  ///
  /// Open a transliterator once and reuse it: compiling rules is expensive. Calls are
  /// serialised by a lock, so one instance may be shared between threads.
  ///
  /// ICU's transliterator is roughly quadratic on one very large string, so
  /// ``transliterate(_:)`` feeds it bounded chunks: each line, and very long lines in
  /// pieces that end after whitespace. Rules see each chunk's start as the start of input;
  /// rule files written for Verbatim treat the start of input like a word boundary, so the
  /// output equals a whole-text run.
  public final class Transliterator: Sendable {
    /// The direction in which to apply a transform's rules.
    public enum Direction: Sendable {
      /// The rules as written (`a > b`).
      case forward
      /// The reverse direction (`a < b`), for transforms that define one.
      case reverse

      var shimValue: Int32 { self == .forward ? 0 : 1 }
    }

    /// The longest chunk, in UTF-16 units, handed to ICU in one call; longer lines are cut
    /// after whitespace.
    static let chunkLimit = 4096

    /// The transform as opened; each thread transforms with a copy of it (ICU's
    /// transliterators are not safe to use from two threads at once).
    private let original: Mutex<Handle>
    /// Copies not in use: at most one per thread that has used the transform at once.
    private let idle = Mutex<[Handle]>([])
    /// The transform's id: the ICU id, or the name given to compiled rules.
    public let id: String

    /// Opens a built-in or registered transform by its ICU id.
    /// - Throws: ``ICUError`` naming the id when ICU does not know it.
    public init(id: String, direction: Direction = .forward) throws(ICUError) {
      var status: Int32 = 0
      let pointer = try ICU.withUTF16(id) { (units, length) throws(ICUError) in
        vb_transliterator_open_id(units, length, direction.shimValue, &status)
      }
      try ICU.check(status, "cannot open transform \"\(id)\"")
      guard let pointer else {
        throw ICUError(status: 1, operation: "cannot open transform \"\(id)\"")
      }
      self.original = Mutex(Handle(pointer: pointer))
      self.id = id
    }

    /// Compiles a transform from ICU rule text.
    /// - Parameters:
    ///   - rules: rules in ICU's transform syntax.
    ///   - id: a name for the transform, used in errors and ``id``.
    ///   - direction: which way to apply the rules.
    /// - Throws: ``TransformRuleError`` naming the line of the first bad rule.
    public init(rules: String, id: String, direction: Direction = .forward) throws(TransformRuleError) {
      var status: Int32 = 0
      var errorLine: Int32 = -1
      var errorOffset: Int32 = -1
      let idUnits = Array(id.utf16)
      let ruleUnits = Array(rules.utf16)
      let pointer = idUnits.withUnsafeBufferPointer { idBuffer in
        ruleUnits.withUnsafeBufferPointer { ruleBuffer in
          vb_transliterator_open_rules(
            idBuffer.baseAddress, Int32(idBuffer.count), ruleBuffer.baseAddress,
            Int32(ruleBuffer.count), direction.shimValue, &errorLine, &errorOffset, &status)
        }
      }
      guard status <= 0, let pointer else {
        throw TransformRuleError(
          id: id, rules: rules, utf16Offset: Int(errorOffset),
          icuError: ICUError(status: status == 0 ? 1 : status, operation: "cannot compile \(id)"))
      }
      self.original = Mutex(Handle(pointer: pointer))
      self.id = id
    }

    deinit {
      original.withLock { vb_transliterator_close($0.pointer) }
      idle.withLock { copies in copies.forEach { vb_transliterator_close($0.pointer) } }
    }

    /// Runs `body` with a copy of the transform that no other thread is using.
    private func withCopy<Result>(_ body: (Handle) -> Result) throws(ICUError) -> Result {
      var copy = idle.withLock { $0.popLast() }
      if copy == nil {
        var status: Int32 = 0
        let pointer = original.withLock { vb_transliterator_clone($0.pointer, &status) }
        try ICU.check(status, "cannot copy transform \"\(id)\"")
        copy = pointer.map(Handle.init(pointer:))
      }
      guard let copy else { throw ICUError(status: 1, operation: "cannot copy transform \"\(id)\"") }
      defer { idle.withLock { $0.append(copy) } }
      return body(copy)
    }

    /// The text with this transform applied.
    /// - Complexity: O(*n*): the text goes to ICU in chunks of at most a few thousand units.
    public func transliterate(_ text: some StringProtocol) throws(ICUError) -> String {
      let units = Array(text.utf16)
      var output = [UInt16]()
      output.reserveCapacity(units.count + units.count / 4)
      var buffer: [UInt16] = []
      for chunk in Self.chunks(of: units) {
        try transform(chunk, into: &buffer)
        output.append(contentsOf: buffer)
      }
      return String(icuUTF16: output)
    }

    /// Each of many short texts transformed on its own, in few ICU calls: the pieces are
    /// joined by line feeds into chunks of at most about ``chunkLimit`` units.
    ///
    /// Meant for rules that treat a line feed like the start and end of the input and
    /// neither make nor remove line feeds. A chunk whose output has another number of lines
    /// is transformed again piece by piece, so the result is each piece's own either way.
    /// - Precondition: no piece contains a line feed.
    public func transliterate(pieces: [String]) throws(ICUError) -> [String] {
      var results: [String] = []
      results.reserveCapacity(pieces.count)
      var chunk: [UInt16] = []
      var buffer: [UInt16] = []
      var start = pieces.startIndex
      while start < pieces.endIndex {
        chunk.removeAll(keepingCapacity: true)
        var end = start
        while end < pieces.endIndex, chunk.isEmpty || chunk.count < Self.chunkLimit {
          if end > start { chunk.append(0x0A) }
          chunk.append(contentsOf: pieces[end].utf16)
          end += 1
        }
        let chunkPieces = pieces[start..<end]
        try transform(chunk[...], into: &buffer)
        let lines = buffer.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.count == chunkPieces.count {
          results.append(contentsOf: lines.map { String(icuUTF16: Array($0)) })
        } else {
          for piece in chunkPieces {
            try transform(Array(piece.utf16)[...], into: &buffer)
            results.append(String(icuUTF16: buffer))
          }
        }
        start = end
      }
      return results
    }

    /// Transforms one chunk of UTF-16, leaving the result in `buffer`.
    private func transform(_ units: ArraySlice<UInt16>, into buffer: inout [UInt16])
      throws(ICUError)
    {
      var capacity = units.count * 2 + 16
      while true {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: units)
        buffer.append(contentsOf: repeatElement(0, count: capacity - units.count))
        var length = Int32(units.count)
        var status: Int32 = 0
        try withCopy { handle in
          buffer.withUnsafeMutableBufferPointer { pointer in
            vb_transliterator_transform(
              handle.pointer, pointer.baseAddress.unsafelyUnwrapped, &length, Int32(capacity),
              &status)
          }
        }
        if status == ICU.bufferOverflow, Int(length) > capacity {
          capacity = Int(length) + 16
          continue
        }
        try ICU.check(status, "cannot apply transform \"\(id)\"")
        buffer.removeSubrange(Int(length)...)
        return
      }
    }

    /// Splits UTF-16 text into lines (each keeping its line feed), and lines longer than
    /// ``chunkLimit`` into pieces that end after a whitespace unit where possible.
    static func chunks<View: BidirectionalCollection>(of units: View) -> [View.SubSequence]
    where View.Element == UInt16 {
      var chunks: [View.SubSequence] = []
      var start = units.startIndex
      var count = 0
      var lastBreak: View.Index? = nil
      var index = start
      while index != units.endIndex {
        let unit = units[index]
        let next = units.index(after: index)
        count += 1
        if unit == 0x0A {
          chunks.append(units[start..<next])
          start = next
          count = 0
          lastBreak = nil
        } else {
          if unit == 0x20 || unit == 0x09 { lastBreak = next }
          if count >= chunkLimit, !isHighSurrogate(unit) {
            let end = lastBreak ?? next
            chunks.append(units[start..<end])
            count = units.distance(from: end, to: next)
            start = end
            lastBreak = nil
          }
        }
        index = next
      }
      if start != units.endIndex { chunks.append(units[start...]) }
      return chunks
    }

    private static func isHighSurrogate(_ unit: UInt16) -> Bool { (0xD800...0xDBFF).contains(unit) }

    /// The ids of every transform ICU has registered, e.g. "Cyrillic-Latin", "Any-NFKC".
    public static func availableIDs() throws(ICUError) -> [String] {
      var status: Int32 = 0
      guard let enumeration = vb_transliterator_open_ids(&status), status <= 0 else {
        throw ICUError(status: max(status, 1), operation: "cannot list transforms")
      }
      defer { vb_enumeration_close(enumeration) }
      var ids: [String] = []
      var buffer = [UInt16](repeating: 0, count: 256)
      while true {
        let length = vb_enumeration_next(enumeration, &buffer, Int32(buffer.count), &status)
        try ICU.check(status, "cannot list transforms")
        if length < 0 { break }
        ids.append(String(icuUTF16: Array(buffer.prefix(Int(length)))))
      }
      return ids
    }
  }

  /// An ICU handle that may cross threads because every use is serialised by a lock.
  struct Handle: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
  }
}

/// A transform's rule text that ICU cannot compile, with the line of the first bad rule.
///
/// Its description reads like a compiler diagnostic:
/// `bgn_pcgn:12: the rule "а > > a ;" is not valid: U_MISSING_OPERATOR`.
public struct TransformRuleError: Error, Sendable, CustomStringConvertible {
  /// The name given to the rules (a scheme name or file path).
  public var id: String
  /// The 1-based line of the bad rule, or `nil` when ICU did not locate it.
  public var line: Int?
  /// The text of that line, trimmed.
  public var ruleText: String?
  /// ICU's error.
  public var icuError: ICUError

  init(id: String, rules: String, utf16Offset: Int, icuError: ICUError) {
    self.id = id
    self.icuError = icuError
    let units = Array(rules.utf16)
    guard utf16Offset >= 0, utf16Offset <= units.count else { return }
    let before = units[..<utf16Offset]
    let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
    let lineEnd = units[utf16Offset...].firstIndex(of: 0x0A) ?? units.count
    line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    let lineText = String(decoding: units[lineStart..<lineEnd], as: UTF16.self)
    ruleText = String(lineText.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }

  public var description: String {
    let place = line.map { "\(id):\($0)" } ?? id
    let rule = ruleText.map { " the rule \"\($0)\" is not valid:" } ?? " cannot compile the rules:"
    return "\(place):\(rule) \(icuError.statusName)"
  }
}
