/// The one rule every directive ID follows. IDs become file names (`ID-loss.png`) and page
/// anchors, so nothing but letters, digits, `-` and `_` may reach them: no path separators,
/// dots, quotes or spaces, whatever a chapter says.
enum DirectiveID {
    /// Why `id` is not valid, or nil when it is.
    static func problem(with id: String) -> String? {
        guard let first = id.unicodeScalars.first else { return "is empty" }
        let allowed = id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        guard allowed else { return "may only contain letters a–z, A–Z, digits, '-' and '_'" }
        guard first != "-" else { return "may not start with '-'" }
        guard id.count <= 80 else { return "is longer than 80 characters" }
        return nil
    }
}
