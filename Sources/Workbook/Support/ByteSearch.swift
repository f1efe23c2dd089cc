extension String.UTF8View {
    /// Whether these bytes hold `needle`'s UTF-8 bytes, found with a first-byte scan over the
    /// contiguous storage (a `String`'s own), falling back to the generic search otherwise.
    func containsBytes(of needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        let found = withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.count >= pattern.count else { return false }
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last {
                guard let next = bytes[index...last].firstIndex(of: first) else { return false }
                if bytes[next..<(next + pattern.count)].elementsEqual(pattern) { return true }
                index = next + 1
            }
            return false
        }
        return found ?? (firstRange(of: pattern) != nil)
    }
}
