import Synchronization

/// A value made the first time it is asked for, once, whichever thread asks: for what
/// loads slowly and only some callers need.
public final class OnFirstUse<Value: Sendable>: Sendable {
  private let make: @Sendable () throws -> Value
  private let made = Mutex<Value?>(nil)

  public init(_ make: @escaping @Sendable () throws -> Value) {
    self.make = make
  }

  /// The value, made now if it has not been.
  public func value() throws -> Value {
    try made.withLock { made in
      if let made { return made }
      let value = try make()
      made = value
      return value
    }
  }
}
