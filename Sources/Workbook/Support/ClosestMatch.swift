/// The candidate nearest to `text` by edit distance, when it is close enough to be a typo
/// (at most a third of the longer word, and never the word itself).
public func closestMatch(to text: String, among candidates: [String]) -> String? {
    let lower = text.lowercased()
    var best: (String, Int)? = nil
    for candidate in candidates {
        let distance = editDistance(lower, candidate.lowercased())
        if distance == 0 { continue }
        if best == nil || distance < best!.1 { best = (candidate, distance) }
    }
    guard let (candidate, distance) = best else { return nil }
    let limit = max(1, max(lower.count, candidate.count) / 3)
    return distance <= limit ? candidate : nil
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
