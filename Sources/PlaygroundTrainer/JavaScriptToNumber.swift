/// Converts text to a number the way JavaScript's unary `+` does (ECMAScript StringToNumber),
/// which is how the Playground reads every number from its link: surrounding white space is
/// ignored, an empty text is 0, `Infinity`, `1e999` and `-1e999` are infinite, `0x1A`, `0o17`
/// and `0b101` are integers, and anything else that is not a whole decimal literal (`5px`,
/// `1,5`, `nan`, `inf`) is NaN.
///
/// Never traps: the caller range-checks the result before converting it to an integer.
public func javaScriptToNumber<S: StringProtocol>(_ text: S) -> Double {
    let trimmed = trimmingJavaScriptWhiteSpace(Substring(text))
    if trimmed.isEmpty { return 0 }
    let scalars = Array(trimmed.unicodeScalars)
    if let value = nonDecimalInteger(scalars) { return value }
    return decimalLiteral(scalars) ?? .nan
}

/// `0x…`, `0o…`, `0b…` (no sign allowed, as in JavaScript); nil when the text is not one.
private func nonDecimalInteger(_ s: [Unicode.Scalar]) -> Double? {
    guard s.count >= 2, s[0] == "0" else { return nil }
    let radix: Double
    switch s[1] {
    case "x", "X": radix = 16
    case "o", "O": radix = 8
    case "b", "B": radix = 2
    default: return nil
    }
    guard s.count > 2 else { return .nan }
    var value = 0.0
    // Exact up to 2^53, which is all any link key can use; beyond, the value is only
    // range-checked and refused, so the last bit of rounding does not matter.
    for scalar in s[2...] {
        guard let digit = Int(String(scalar), radix: Int(radix)) else { return .nan }
        value = value * radix + Double(digit)
    }
    return value
}

/// `[+|-] (Infinity | digits [. digits] [e [+|-] digits] | . digits [e …])`, or nil.
private func decimalLiteral(_ s: [Unicode.Scalar]) -> Double? {
    var index = 0
    var sign = ""
    if index < s.count, s[index] == "+" || s[index] == "-" {
        sign = s[index] == "-" ? "-" : ""
        index += 1
    }
    if String(String.UnicodeScalarView(s[index...])) == "Infinity" {
        return sign == "-" ? -.infinity : .infinity
    }
    func digits() -> String {
        var text = ""
        while index < s.count, ("0"..."9").contains(s[index]) {
            text.unicodeScalars.append(s[index])
            index += 1
        }
        return text
    }
    let whole = digits()
    var fraction = ""
    if index < s.count, s[index] == "." {
        index += 1
        fraction = digits()
    }
    guard !whole.isEmpty || !fraction.isEmpty else { return nil }
    var exponent = "0"
    if index < s.count, s[index] == "e" || s[index] == "E" {
        index += 1
        var exponentSign = ""
        if index < s.count, s[index] == "+" || s[index] == "-" {
            exponentSign = s[index] == "-" ? "-" : ""
            index += 1
        }
        let exponentDigits = digits()
        guard !exponentDigits.isEmpty else { return nil }
        exponent = exponentSign + exponentDigits
    }
    guard index == s.count else { return nil }
    // A canonical literal that Swift's parser rounds correctly, as JavaScript does
    // (overflow gives ±infinity, underflow ±0).
    let literal = "\(sign)\(whole.isEmpty ? "0" : whole).\(fraction.isEmpty ? "0" : fraction)e\(exponent)"
    return Double(literal)
}

/// JavaScript's StrWhiteSpaceChar: white space (including no-break and other Zs spaces and
/// the byte-order mark) and line terminators.
func isJavaScriptWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0xFEFF, 0x2028, 0x2029: return true
    default: return scalar.properties.generalCategory == .spaceSeparator
    }
}

/// `String.prototype.trim`.
func trimmingJavaScriptWhiteSpace(_ text: Substring) -> Substring {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isJavaScriptWhiteSpace($0) }),
        let last = scalars.lastIndex(where: { !isJavaScriptWhiteSpace($0) })
    else { return "" }
    return Substring(scalars[first...last])
}
