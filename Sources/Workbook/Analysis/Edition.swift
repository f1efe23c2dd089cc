/// Which answers a build contains.
public enum Edition: String, CaseIterable, Sendable {
    /// Everything, answers included, and an answer key at the end (the default).
    case instructor
    /// No answers, explanations or instructor-only blocks: absent from the HTML, not hidden.
    case student
}
