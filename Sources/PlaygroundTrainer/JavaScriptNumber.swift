/// Formats a double the way JavaScript's `String(number)` does (ECMAScript Number::toString),
/// which is how the Playground writes numbers into its URL: `0.001`, `0.00001`, `1e-7`, `10`.
public func javaScriptNumberString(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
    if value == 0 { return "0" }
    if value < 0 { return "-" + javaScriptNumberString(-value) }

    // Swift's description is the shortest round-trip form; take its digits and exponent.
    let text = "\(value)"
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mantissa = text[..<e]
        exponent = Int(text[text.index(after: e)...].replacingPlus()) ?? 0
    }
    var digits = ""
    var pointPosition = 0
    var seenPoint = false
    for character in mantissa {
        if character == "." {
            seenPoint = true
        } else {
            digits.append(character)
            if !seenPoint { pointPosition += 1 }
        }
    }
    // Strip leading zeros (moving the point) and trailing zeros.
    while digits.count > 1 && digits.first == "0" {
        digits.removeFirst()
        pointPosition -= 1
    }
    while digits.count > 1 && digits.last == "0" { digits.removeLast() }
    let k = digits.count
    let n = pointPosition + exponent  // value = 0.digits × 10^n

    if k <= n && n <= 21 {
        return digits + String(repeating: "0", count: n - k)
    }
    if 0 < n && n <= 21 {
        let index = digits.index(digits.startIndex, offsetBy: n)
        return digits[..<index] + "." + digits[index...]
    }
    if -6 < n && n <= 0 {
        return "0." + String(repeating: "0", count: -n) + digits
    }
    let exponentText = n - 1 >= 0 ? "+\(n - 1)" : "\(n - 1)"
    if k == 1 { return digits + "e" + exponentText }
    return String(digits.first!) + "." + digits.dropFirst() + "e" + exponentText
}

extension Substring {
    fileprivate func replacingPlus() -> Substring { first == "+" ? dropFirst() : self }
}
