/// Shard `index` of `count` (`--shard I/N`, counted from 0 like Slurm's array task IDs): the
/// jobs at positions `index`, `index + count`, `index + 2·count` … of a jobs file. Dealt in
/// turn rather than cut into blocks, so the large experiments of one chapter spread over every
/// shard instead of landing on one.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// `I/N` with 0 ≤ I < N; nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// The jobs of this shard, in file order.
    public func select<T>(_ items: [T]) -> [T] {
        stride(from: index, to: items.count, by: count).map { items[$0] }
    }
}
