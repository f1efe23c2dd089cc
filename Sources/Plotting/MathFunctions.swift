#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The few libm functions the layout needs, in one place so the rest of the module stays plain Swift.
@inline(__always) func log10Of(_ x: Double) -> Double { log10(x) }
@inline(__always) func powerOf10(_ exponent: Int) -> Double { pow(10, Double(exponent)) }
@inline(__always) func powerOf10Fractional(_ exponent: Double) -> Double { pow(10, exponent) }
@inline(__always) func powFraction(_ base: Double, _ exponent: Double) -> Double { pow(base, exponent) }
