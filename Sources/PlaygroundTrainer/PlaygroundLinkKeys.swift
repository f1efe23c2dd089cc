/// The keys the deployed Playground's state reads from a link (`State.PROPS` in the
/// `gh-pages` bundle), which is what Labbook accepts.
extension PlaygroundLink {
    /// How the deployed page reads each key of its state (`State.PROPS`, in its order).
    public enum KeyType: Sendable {
        case name([String])
        case number
        case boolean
        case text
        case numberList
    }

    /// Every key the deployed page's state reads from a link, in its order, with its type.
    /// Besides these, any key ending in `_hide` is read as a boolean.
    public static let deployedKeys: [(key: String, type: KeyType)] = [
        ("activation", .name(["relu", "tanh", "sigmoid", "linear"])),
        ("regularization", .name(["none", "L1", "L2"])),
        ("batchSize", .number),
        ("dataset", .name(["circle", "xor", "gauss", "spiral"])),
        ("regDataset", .name(["reg-plane", "reg-gauss"])),
        ("learningRate", .number),
        ("regularizationRate", .number),
        ("noise", .number),
        ("networkShape", .numberList),
        ("seed", .text),
        ("showTestData", .boolean),
        ("discretize", .boolean),
        ("percTrainData", .number),
        ("x", .boolean), ("y", .boolean), ("xTimesY", .boolean), ("xSquared", .boolean),
        ("ySquared", .boolean), ("cosX", .boolean), ("sinX", .boolean), ("cosY", .boolean),
        ("sinY", .boolean),
        ("collectStats", .boolean),
        ("tutorial", .text),
        ("problem", .name(["classification", "regression"])),
        ("initZero", .boolean),
        ("hideText", .boolean),
    ]
}
