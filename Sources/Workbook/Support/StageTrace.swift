import Foundation

/// Where a build's time goes, stage by stage: with `LABBOOK_TRACE=1` in the environment each
/// stage prints one line to standard error, `trace: pages 12.3 ms (CPU 11.9 ms)`, the wall
/// time and the process's CPU time since the stage before (all threads; on a shared machine
/// the CPU time is the honest figure). Off by default, and then it costs one branch per stage.
/// Used to find what `labbook serve` spends a rebuild on.
struct StageTrace {
    static let enabled = ProcessInfo.processInfo.environment["LABBOOK_TRACE"].map { !$0.isEmpty && $0 != "0" } ?? false

    private var wall = Date()
    private var cpu = enabled ? ProcessCPU.seconds() : 0

    /// Ends the stage called `name` and starts the next.
    mutating func mark(_ name: String) {
        guard Self.enabled else { return }
        let now = Date()
        let cpuNow = ProcessCPU.seconds()
        let line = String(format: "trace: %@ %.1f ms (CPU %.1f ms)\n", name, now.timeIntervalSince(wall) * 1000, (cpuNow - cpu) * 1000)
        FileHandle.standardError.write(Data(line.utf8))
        wall = now
        cpu = cpuNow
    }
}
