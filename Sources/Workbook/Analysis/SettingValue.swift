import PlaygroundTrainer

/// One setting's value after parsing: typed, compared by meaning (`4,2` and `[4, 2]` are the
/// same hidden layers), and printed one canonical way in labels, tables and links. Made only by
/// the setting's entry in ``SettingKey/spec``, which also says how it is set.
public struct SettingValue: Hashable, Sendable {
    public let key: SettingKey
    /// The value as tables, panel titles and selectors show it: `relu`, `0.001`, `4,4`, `none`.
    public let text: String
    /// The number on a numeric axis (result-against-setting charts), when the setting has one.
    public let number: Double?
    /// The typed value (`Dataset`, `[Int]`, `Double`, …): what equality and hashing compare.
    private let payload: Payload
    private let write: @Sendable (inout ExperimentSettings) -> Void

    /// A typed value kept for comparison; only ``Sendable`` values are ever put in.
    private struct Payload: Hashable, @unchecked Sendable {
        let base: AnyHashable
    }

    init<T: Hashable & Sendable>(
        _ key: SettingKey, _ value: T, text: String, number: Double?,
        set: @escaping @Sendable (inout ExperimentSettings, T) -> Void
    ) {
        self.key = key
        self.text = text
        self.number = number
        payload = Payload(base: AnyHashable(value))
        write = { set(&$0, value) }
    }

    /// The typed value, when it is a `T` (`value(as: PlaygroundLinkValue.self)`).
    public func value<T>(as type: T.Type = T.self) -> T? { payload.base.base as? T }

    /// Sets the value on `settings`.
    func apply(to settings: inout ExperimentSettings) { write(&settings) }

    public static func == (a: SettingValue, b: SettingValue) -> Bool { a.key == b.key && a.payload == b.payload }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(payload)
    }
}

/// A Playground link with the configuration it produced (the link text is kept for messages).
public struct PlaygroundLinkValue: Hashable, Sendable {
    public var link: String
    public var configuration: TrainingConfiguration
    /// What the link says that does not change training (`hideText=true`, a control's
    /// `_hide`), for the analyser to report once as notes.
    public var notes: [String] = []
}
