/// Returns the candidate closest to `word` for a "did you mean …?" hint, or `nil`.
///
/// Uses the optimal-string-alignment distance (Levenshtein plus adjacent transposition,
/// so `valeu` → `value` costs 1), compared case-insensitively. A candidate is only
/// suggested when it is close enough to be a plausible typo: at most 1 edit for
/// words up to 5 characters, 2 up to 8, otherwise 3. Ties go to the earlier
/// candidate, which keeps the output deterministic.
public func suggestion(for word: String, among candidates: [String]) -> String? {
    let target = Array(word.lowercased())
    let limit = target.count <= 5 ? 1 : (target.count <= 8 ? 2 : 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(target, Array(candidate.lowercased()))
        guard distance <= limit else { continue }
        if best == nil || distance < best!.distance { best = (candidate, distance) }
    }
    return best?.candidate
}

/// Optimal string alignment distance between two character arrays.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                value = min(value, previous2[j - 2] + 1)
            }
            current[j] = value
        }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
}
