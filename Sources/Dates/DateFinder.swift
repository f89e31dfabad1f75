/// Finds temporal expressions in text (being written).
public struct DateFinder: Sendable {}
