import Foundation

/// Where a build's missing runs are trained when not in the build's own process
/// (`labbook build --executor slurm`): something that trains run jobs into the cache, anywhere
/// that sees the cache folder, and returns once they are there or throws. The build then reads
/// them from the cache like runs of an earlier build, so its output is the same bytes as a
/// build that trained them itself.
public protocol RemoteTraining: Sendable {
    /// Trains `jobs` into `cache`. `estimatedCPUSeconds` is the build's estimate of their cost.
    func train(_ jobs: [RunJob], cache: BuildCache, estimatedCPUSeconds: Double) throws
}

/// Runs the remote training reported done but the cache still lacks (a shard that exited
/// without saving them, or a shared filesystem that does not show them to this machine).
public struct MissingRunsError: Error, CustomStringConvertible {
    public var cache: URL
    public var missing: Int
    public var description: String {
        "\(cache.path): \(missing) run\(missing == 1 ? " is" : "s are") still missing from the cache after training elsewhere; is the cache folder the same shared folder on every node?"
    }
}

/// What `labbook plan` finds: the runs a build needs that the cache lacks.
public struct RunPlan: Sendable {
    /// The runs to train, each once, in the order the book first needs them.
    public var missing: [RunJob]
    /// Distinct runs the build needs, cached or not.
    public var totalRuns: Int
    public var estimatedCPUSeconds: Double

    /// `2000 of 2000 runs to train: about 2 min of CPU time`.
    public var summary: String {
        "\(missing.count) of \(totalRuns) run\(totalRuns == 1 ? "" : "s") to train: about \(WorkEstimate.duration(estimatedCPUSeconds)) of CPU time"
    }
}
