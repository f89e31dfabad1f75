import Synchronization

/// Memos that threads borrow one at a time: each call gets a memo no other call is using,
/// so calls on several threads never wait for each other while they work, and what one
/// call learns serves the next call that borrows the same memo.
public final class MemoPool<Memo: Sendable>: Sendable {
  private let idle = Mutex<[Memo]>([])
  private let makeMemo: @Sendable () -> Memo

  /// A pool that makes a memo with `makeMemo` when all are borrowed.
  public init(_ makeMemo: @escaping @Sendable () -> Memo) {
    self.makeMemo = makeMemo
  }

  /// Calls `body` with a memo that no other call uses meanwhile.
  public func withMemo<Result>(_ body: (inout Memo) throws -> Result) rethrows -> Result {
    var memo = idle.withLock { $0.popLast() } ?? makeMemo()
    defer { idle.withLock { $0.append(memo) } }
    return try body(&memo)
  }
}
