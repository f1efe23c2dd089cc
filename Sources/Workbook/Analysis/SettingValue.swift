import PlaygroundTrainer

/// One setting's value after parsing: typed, compared by meaning (`4,2` and `[4, 2]` are the
/// same `.hidden([4, 2])`), and printed one canonical way in labels, tables and links.
public enum SettingValue: Hashable, Sendable {
    case dataset(Dataset)
    /// An own data set read from a CSV file (`dataset: data/points.csv`).
    case pointSet(PointSet)
    case cells(Int)
    case features([Feature])
    case hidden([Int])
    case activation(Activation)
    case learningRate(Double)
    case batchSize(Int)
    case trainRatio(Double)
    case noise(Double)
    case regularization(Regularization)
    case regularizationRate(Double)
    case seed(String)
    case seeds(Int)
    case resets(Int)
    case epochs(Int)
    case until(StopRule?)
    case loss(LossFunction)
    case initialization(Initialization)
    /// A Playground link read on top of the settings before it.
    case playgroundLink(PlaygroundLinkValue)

    public var key: SettingKey {
        switch self {
        case .dataset, .pointSet: .dataset
        case .cells: .cells
        case .features: .features
        case .hidden: .hidden
        case .activation: .activation
        case .learningRate: .learningRate
        case .batchSize: .batchSize
        case .trainRatio: .trainRatio
        case .noise: .noise
        case .regularization: .regularization
        case .regularizationRate: .regularizationRate
        case .seed: .seed
        case .seeds: .seeds
        case .resets: .resets
        case .epochs: .epochs
        case .until: .until
        case .loss: .loss
        case .initialization: .initialization
        case .playgroundLink: .playgroundURL
        }
    }

    /// The value as tables, panel titles and selectors show it: `relu`, `0.001`, `4,4`, `none`.
    public var text: String {
        switch self {
        case .dataset(let v): v.rawValue
        case .pointSet(let v): v.path
        case .cells(let v): String(v)
        case .features(let v): v.map(\.name).joined(separator: ", ")
        case .hidden(let v): v.isEmpty ? "none" : v.map(String.init).joined(separator: ",")
        case .activation(let v): v.rawValue
        case .learningRate(let v), .trainRatio(let v), .noise(let v), .regularizationRate(let v):
            javaScriptNumberString(v)
        case .batchSize(let v), .seeds(let v), .resets(let v), .epochs(let v): String(v)
        case .regularization(let v): v.rawValue
        case .seed(let v): v
        case .until(let v): v?.description ?? "none"
        case .loss(let v): v.rawValue
        case .initialization(let v): v.rawValue
        case .playgroundLink(let v): v.link
        }
    }

    /// The number on a numeric axis (result-against-setting charts), when the setting has one.
    public var number: Double? {
        switch self {
        case .learningRate(let v), .trainRatio(let v), .noise(let v), .regularizationRate(let v): v
        case .batchSize(let v), .epochs(let v), .cells(let v): Double(v)
        default: nil
        }
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
