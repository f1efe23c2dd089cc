import Foundation

/// CPU seconds (user + system, all threads) this process has used so far. Phases of a build are
/// timed with it as well as with the clock, because on a shared machine the wall time also
/// counts other processes' load.
enum ProcessCPU {
    static func seconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
