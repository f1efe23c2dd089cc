#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The Playground's random number generator: seedrandom 2.4.4's ARC4 stream
/// seeded with a string, producing doubles in [0, 1) with 53 random bits.
///
/// Every number the Playground draws (data, shuffle, initial weights) comes from
/// one such stream, in a fixed order, so reproducing it exactly is what makes a
/// run here match the run a student sees on playground.tensorflow.org.
public struct SeedRandom: Sendable {
    private var state: [UInt8]
    private var i: Int = 0
    private var j: Int = 0
    /// How many doubles have been drawn since seeding (the traces record these counts).
    public private(set) var drawCount = 0

    /// Seeds the stream the way `Math.seedrandom(seed)` does for a string seed.
    public init(seed: String) {
        var key: [Int] = []
        var smear = 0
        for (index, codeUnit) in seed.utf16.enumerated() {
            let slot = index & 255
            let previous = slot < key.count ? key[slot] : 0
            smear ^= previous &* 19
            let value = (smear &+ Int(codeUnit)) & 255
            if slot < key.count { key[slot] = value } else { key.append(value) }
        }
        if key.isEmpty { key = [0] }

        var s = [UInt8](repeating: 0, count: 256)
        for index in 0..<256 { s[index] = UInt8(index) }
        var jj = 0
        for index in 0..<256 {
            let t = Int(s[index])
            jj = (jj + key[index % key.count] + t) & 255
            s[index] = s[jj]
            s[jj] = UInt8(t)
        }
        state = s
        _ = nextBytes(256)  // seedrandom discards the first 256 bytes.
    }

    /// `g(count)`: the next `count` bytes as a big-endian integer.
    private mutating func nextBytes(_ count: Int) -> UInt64 {
        var result: UInt64 = 0
        var ii = i, jj = j
        for _ in 0..<count {
            ii = (ii + 1) & 255
            let t = state[ii]
            jj = (jj + Int(t)) & 255
            state[ii] = state[jj]
            state[jj] = t
            let byte = state[(Int(state[ii]) + Int(t)) & 255]
            result = result &* 256 &+ UInt64(byte)
        }
        i = ii
        j = jj
        return result
    }

    /// One draw `u` in [0, 1), computed with the same double arithmetic as seedrandom.
    public mutating func next() -> Double {
        drawCount += 1
        var n = Double(nextBytes(6))
        var d = 281_474_976_710_656.0  // 2^48
        var x = 0.0
        while n < 4_503_599_627_370_496.0 {  // 2^52
            n = (n + x) * 256
            d *= 256
            x = Double(nextBytes(1))
        }
        while n >= 9_007_199_254_740_992.0 {  // 2^53
            n /= 2
            d /= 2
            x = (x / 2).rounded(.down)
        }
        return (n + x) / d
    }

    /// The Playground's `randUniform(a, b)`: `u·(b − a) + a`.
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        next() * (high - low) + low
    }

    /// The Playground's `normalRandom(mean, variance)` (polar method, only v1 used).
    mutating func normal(mean: Double, variance: Double) -> Double {
        var v1: Double, v2: Double, s: Double
        repeat {
            v1 = 2 * next() - 1
            v2 = 2 * next() - 1
            s = v1 * v1 + v2 * v2
        } while s > 1
        let z = (-2 * log(s) / s).squareRoot() * v1
        return mean + variance.squareRoot() * z
    }
}
