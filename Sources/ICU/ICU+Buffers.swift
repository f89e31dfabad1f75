extension ICU {
  /// Runs an ICU function that writes UTF-16 into a caller's buffer, growing the buffer once
  /// if ICU reports that it needs more room, and returns what it wrote.
  ///
  /// `fill` receives the destination, its capacity and the status to set, and returns the
  /// length ICU needed (which may exceed the capacity on overflow).
  static func withResizingUTF16Buffer(
    capacity initialCapacity: Int,
    operation: @autoclosure () -> String,
    _ fill: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
  ) throws(ICUError) -> [UInt16] {
    var capacity = max(initialCapacity, 16)
    while true {
      var status: Int32 = 0
      var buffer = [UInt16](repeating: 0, count: capacity)
      let needed = buffer.withUnsafeMutableBufferPointer { destination in
        // A non-empty array's base address is never nil.
        fill(destination.baseAddress.unsafelyUnwrapped, Int32(capacity), &status)
      }
      if status == bufferOverflow, Int(needed) > capacity {
        capacity = Int(needed)
        continue
      }
      try check(status, operation())
      buffer.removeSubrange(Int(needed)...)
      return buffer
    }
  }

  /// Calls `body` with the UTF-16 code units of `text` and their count.
  static func withUTF16<Result>(
    _ text: some StringProtocol,
    _ body: (UnsafePointer<UInt16>, Int32) throws(ICUError) -> Result
  ) throws(ICUError) -> Result {
    let units = Array(text.utf16) + [0]
    return try units.withUnsafeBufferPointer { (source) throws(ICUError) -> Result in
      try body(source.baseAddress.unsafelyUnwrapped, Int32(units.count - 1))
    }
  }
}

extension String {
  /// A string from UTF-16 code units written by ICU; lone surrogates become U+FFFD.
  init(icuUTF16 units: [UInt16]) {
    self = String(decoding: units, as: UTF16.self)
  }
}
