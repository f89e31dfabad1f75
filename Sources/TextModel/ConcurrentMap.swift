import Dispatch
import Synchronization

extension Collection where Self: Sendable, Index == Int, Element: Sendable {
  /// `transform` applied to every element on up to `jobs` threads, results in order.
  ///
  /// Each thread takes the next element not yet taken, so that no thread idles while
  /// another still has a queue of costly elements. The first error thrown (in element
  /// order) is rethrown after all finish.
  public func concurrentMap<Result: Sendable, Failure: Error>(
    jobs: Int, _ transform: @Sendable (Element) throws(Failure) -> Result
  ) throws(Failure) -> [Result] {
    let results = Mutex([Swift.Result<Result, Failure>?](repeating: nil, count: count))
    let workers = Swift.max(1, Swift.min(jobs, count))
    let start = startIndex
    let next = Atomic(0)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let offset = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard offset < count else { return }
        let result = Swift.Result { () throws(Failure) in try transform(self[start + offset]) }
        results.withLock { $0[offset] = result }
      }
    }
    return try results.withLock { results throws(Failure) in
      try results.map { result throws(Failure) in try result.unsafelyUnwrapped.get() }
    }
  }
}

extension Collection where Element: Collection {
  /// The elements' elements, in order, in one array allocated once: unlike `flatMap`, no
  /// growing and copying, which for a collection's worth of fingerprints means hundreds of
  /// megabytes copied and freshly faulted in.
  public func concatenated() -> [Element.Element] {
    var result: [Element.Element] = []
    result.reserveCapacity(reduce(0) { $0 + $1.count })
    for part in self { result.append(contentsOf: part) }
    return result
  }
}
