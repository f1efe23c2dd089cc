extension PlaygroundLink {
    /// A link value Labbook refuses because the Playground would misbehave on it (no training,
    /// NaN data, a page error) or silently ignore it. It names the key as the link writes it
    /// (`batchSize`), never a command-line flag or directive key.
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        public enum Problem: String, Equatable, Sendable {
            /// Not a number by JavaScript's rules (`abc`, `5px`, `NaN`), or infinite.
            case notANumber
            /// A number outside what the Playground can train with.
            case outOfRange
            /// A fraction where only whole numbers mean something (batch size, layer sizes).
            case notWhole
            /// A name the Playground does not know (it would silently keep its default).
            case unknownValue
            /// A key the page cannot read without a value (`networkShape` alone stops the page).
            case missingValue
            /// Settings that together leave the network nothing to work with (no input, an
            /// empty training or test set, a batch that never fills).
            case unusable
        }

        /// The key as written in the link.
        public var key: String
        /// The value as the page reads it.
        public var value: String
        public var problem: Problem
        /// Why the value cannot be used.
        public var reason: String
        /// What would be valid.
        public var valid: String

        public init(key: String, value: String, problem: Problem, reason: String, valid: String) {
            self.key = key
            self.value = value
            self.problem = problem
            self.reason = reason
            self.valid = valid
        }

        public var description: String {
            "playground link: \(key)=\(value): \(reason); valid: \(valid)"
        }
    }

    /// A key that does not change training: it changes only the page (`hideText=true`, a
    /// control's `_hide`), does nothing at all (`cosX=true`), is not one the Playground reads,
    /// or leaves a default in place. Callers print each once.
    public struct Note: Hashable, Sendable, CustomStringConvertible {
        /// The key as written in the link.
        public var key: String
        /// The value as written, nil when the key had no `=`.
        public var value: String?
        public var message: String

        public var description: String {
            "playground link: \(key)\(value.map { "=\($0)" } ?? ""): \(message)"
        }
    }
}
