import Foundation

/// The `snapshots` key of an experiment: the epochs at which the representative run's network
/// is drawn by the figures of training over time.
public enum SnapshotSchedule: Sendable, Hashable {
    /// `snapshots: [0, 10, 100, final]`: the epochs written; `final` is the run's last epoch.
    case epochs([Int], includesFinal: Bool)
    /// `snapshots: 8`: epoch 0, then epochs spaced evenly on a log scale from 1 to the last.
    case logSpaced(count: Int)

    /// What timelines use when `snapshots` is not given.
    static let standard = SnapshotSchedule.logSpaced(count: 5)
    /// More panels than this no longer read side by side.
    static let maximumCount = 12

    /// The epochs for a run whose last recorded epoch is `lastEpoch` (its stop or its budget),
    /// increasing and distinct; epochs the run never reached are left out.
    func epochs(lastEpoch: Int) -> [Int] {
        var result: Set<Int>
        switch self {
        case .epochs(let list, let includesFinal):
            result = Set(list.filter { $0 <= lastEpoch })
            if includesFinal { result.insert(lastEpoch) }
        case .logSpaced(let count):
            result = [lastEpoch]
            if count > 1 { result.insert(0) }
            let steps = count - 2
            if steps > 0 && lastEpoch > 0 {
                for i in 0..<steps {
                    // 1 = E^0 … E^((steps-1)/steps); E itself is already in.
                    result.insert(Int(pow(Double(lastEpoch), Double(i) / Double(steps)).rounded()))
                }
            }
        }
        return result.sorted()
    }

    var keyText: String {
        switch self {
        case .epochs(let list, let includesFinal): "snapshots=\(list)\(includesFinal ? "+final" : "")"
        case .logSpaced(let count): "snapshots=log\(count)"
        }
    }
}
