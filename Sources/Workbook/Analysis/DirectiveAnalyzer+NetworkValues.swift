import ChapterMarkdown
import PlaygroundTrainer
import Plotting

extension DirectiveAnalyzer {
    /// The keys of the numbers inside a network: `weights-on-links` for the network figure,
    /// `neuron`, `point` and `neuron-epoch` for the neuron figure.
    static let networkValueKeys = ["weights-on-links", "neuron", "point", "neuron-epoch", "example", "label"]

    /// Checks the network-value keys once the settings and `show` are known, and fills `spec`.
    mutating func networkValues(_ entries: [YAMLMapping.Entry], spec: inout ExperimentSpec, directive: Directive) {
        let byKey = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        let showLocation = directive.body.entry("show")?.value.location ?? directive.location
        if let entry = byKey["weights-on-links"] {
            spec.weightsOnLinks = bool(entry.value, key: "weights-on-links")
            if spec.weightsOnLinks { checkLabelledNetworkSize(spec, at: entry.value.location) }
            if spec.weightsOnLinks && !spec.figures.contains(.network) {
                diagnostics.error(
                    "weights-on-links writes the values on the network figure, which this experiment does not show",
                    at: entry.keyLocation, hint: "add network to show, e.g. show: [boundary, network]", id: .figureNotShown,
                    end: entry.keyEnd)
            }
        }
        let showsNeuron = spec.figures.contains(.neuron)
        let showsBackprop = spec.figures.contains(.backprop)
        for key in ["neuron", "point", "neuron-epoch"] where !showsNeuron && !(showsBackprop && key != "neuron") {
            if let entry = byKey[key] {
                diagnostics.error(
                    "\(key) belongs to the neuron figure\(key == "neuron" ? "" : " or the backprop figure"), which this experiment does not show",
                    at: entry.keyLocation, hint: "add neuron to show, e.g. show: [network, neuron]", id: .figureNotShown, end: entry.keyEnd)
            }
        }
        for key in ["example", "label"] where !showsBackprop {
            if let entry = byKey[key] {
                diagnostics.error(
                    "\(key) belongs to the backprop figure, which this experiment does not show", at: entry.keyLocation,
                    hint: "add backprop to show, e.g. show: [network, backprop]", id: .figureNotShown, end: entry.keyEnd)
            }
        }
        if showsBackprop { backprop(byKey, spec: &spec, at: showLocation) }
        guard showsNeuron else { return }
        let configuration = spec.base.configuration
        guard let nameEntry = byKey["neuron"] else {
            diagnostics.error(
                "show: neuron needs the key neuron naming the neuron", at: showLocation,
                hint: "e.g. neuron: 1.1 (first hidden layer, top neuron) or neuron: output", id: .missingKey)
            return
        }
        guard let pointEntry = byKey["point"] else {
            diagnostics.error(
                "show: neuron needs the key point, the input (x1, x2) worked through", at: showLocation,
                hint: "e.g. point: [1.5, -2] (each from -6 to 6)", id: .missingKey)
            return
        }
        // Each key is checked, so one build reports every mistake.
        let named = neuronName(nameEntry.value, configuration: configuration)
        let point = point(pointEntry.value)
        let network = byKey["neuron-epoch"].map { neuronNetwork($0.value, budget: configuration.epochs) }
        guard let (layer, index, name) = named, let point else { return }
        // A sweep may change the network's shape: the neuron must exist in every combination.
        for combination in spec.combinations {
            let sizes = combination.settings.configuration.layerSizes
            guard layer < sizes.count, index < sizes[layer], (layer == sizes.count - 1) == (name == "output") else {
                diagnostics.error(
                    "neuron: \(name) is not a neuron of the combination \(combination.label)", at: nameEntry.value.location,
                    hint: "name a neuron every combination has", id: .badValue, end: nameEntry.value.end)
                return
            }
        }
        var neuron = NeuronSpec(name: name, layer: layer, index: index, x1: point.0, x2: point.1)
        if let network = network ?? nil { neuron.network = network }
        spec.neuron = neuron
    }

    /// The backprop figure's example (`example: K`, or `point:` with `label:`) and network
    /// (`neuron-epoch`, `initial` by default); its table has a row per link, so the network is
    /// as small as a labelled one.
    private mutating func backprop(_ byKey: [String: YAMLMapping.Entry], spec: inout ExperimentSpec, at showLocation: SourceLocation) {
        let configuration = spec.base.configuration
        let network = byKey["neuron-epoch"].map { neuronNetwork($0.value, budget: configuration.epochs) }
        let largest = spec.combinations.map { NetworkParameters.linkCount(layerSizes: $0.settings.configuration.layerSizes) }.max() ?? 0
        if largest > NetworkDiagram.maximumLabelledLinks {
            diagnostics.error(
                "show: backprop lists every weight of the network, but this one has \(largest); at most \(NetworkDiagram.maximumLabelledLinks) fit",
                at: showLocation, hint: "use a smaller network (e.g. 2 inputs, hidden [3]: 9 weights)", id: .tooManyLinks)
            return
        }
        var example: BackpropSpec.Example? = nil
        switch (byKey["example"], byKey["point"]) {
        case (let entry?, nil):
            let fewest = spec.combinations.map(\.settings.configuration.trainCount).min() ?? configuration.trainCount
            if let k = entry.value.scalar?.intValue, (1...max(fewest, 1)).contains(k) {
                example = .training(k)
            } else {
                diagnostics.error(
                    "example: '\(entry.value.scalar?.text ?? entry.value.kindDescription)' is not a training example",
                    at: entry.value.location,
                    hint: "valid: 1 to \(fewest), the row of the downloads' data file (the order the trainer steps in)", id: .badValue,
                    end: entry.value.end)
            }
        case (nil, let pointEntry?):
            guard let labelEntry = byKey["label"] else {
                diagnostics.error(
                    "point needs a label for the backward pass: the target the output is compared with", at: pointEntry.keyLocation,
                    hint: "add e.g. label: 1 (or -1)", id: .missingKey, end: pointEntry.keyEnd)
                break
            }
            let point = point(pointEntry.value)
            let label = labelEntry.value.scalar?.doubleValue
            let valid = configuration.isRegression ? label?.isFinite == true : (label == 1 || label == -1)
            if !valid {
                diagnostics.error(
                    "label: '\(labelEntry.value.scalar?.text ?? labelEntry.value.kindDescription)' is not a label of this data set",
                    at: labelEntry.value.location, hint: configuration.isRegression ? "a number" : "valid: 1, -1", id: .badValue,
                    end: labelEntry.value.end)
            }
            if let point, let label, valid { example = .point(x1: point.0, x2: point.1, label: label) }
        case (_?, _?):
            diagnostics.error(
                "backprop takes either example or point, not both", at: byKey["example"]!.keyLocation,
                hint: "example: K is the K-th training example; point: [x1, x2] with label: 1 is any point", id: .badValue)
        case (nil, nil):
            diagnostics.error(
                "show: backprop needs the example that goes backward through the network", at: showLocation,
                hint: "e.g. example: 1 (the first training example) or point: [1.5, -2] with label: 1", id: .missingKey)
        }
        guard let example else { return }
        var backprop = BackpropSpec(example: example)
        if let network = network ?? nil { backprop.network = network }
        spec.backprop = backprop
    }

    /// A labelled network has at most ``NetworkDiagram/maximumLabelledLinks`` links in every
    /// combination (a sweep may change its size).
    private mutating func checkLabelledNetworkSize(_ spec: ExperimentSpec, at location: SourceLocation) {
        let limit = NetworkDiagram.maximumLabelledLinks
        let largest =
            spec.combinations.map(\.settings.configuration).max {
                NetworkParameters.linkCount(layerSizes: $0.layerSizes) < NetworkParameters.linkCount(layerSizes: $1.layerSizes)
            } ?? spec.base.configuration
        let links = NetworkParameters.linkCount(layerSizes: largest.layerSizes)
        guard links > limit else { return }
        let shape =
            "\(largest.features.count) input\(largest.features.count == 1 ? "" : "s"), hidden [\(largest.hidden.map(String.init).joined(separator: ", "))]"
        diagnostics.error(
            "weights-on-links: this network has \(links) weights (\(shape)); their values are written on at most \(limit) links, above that the numbers would cover each other",
            at: location,
            hint: "use a smaller network (e.g. 2 inputs, hidden [3]: 9 weights), or the neuron figure for one neuron's numbers",
            id: .tooManyLinks)
    }

    /// `1.2` or `output`: a neuron (not an input) of the configuration.
    private mutating func neuronName(_ value: YAMLValue, configuration: TrainingConfiguration) -> (Int, Int, String)? {
        let sizes = configuration.layerSizes
        var valid: [String] = []
        for layer in 1..<sizes.count {
            for index in 0..<sizes[layer] {
                let name = NodeName.name(layer: layer, index: index, configuration: configuration)
                valid.append(name)
                if let text = value.scalar?.text.trimmingCharacters(in: " ").lowercased(), text == name {
                    return (layer, index, name)
                }
            }
        }
        diagnostics.error(
            "neuron: '\(value.scalar?.text ?? value.kindDescription)' is not a neuron of this network", at: value.location,
            hint: "valid: \(valid.joined(separator: ", ")) (hidden neurons are layer.position from the top)", id: .badValue, end: value.end)
        return nil
    }

    /// `[x1, x2]`, each on the Playground's plane (−6 to 6).
    private mutating func point(_ value: YAMLValue) -> (Double, Double)? {
        let numbers = (value.sequence ?? []).compactMap { $0.scalar?.doubleValue }
        guard numbers.count == 2, value.sequence?.count == 2, numbers.allSatisfy({ $0.isFinite && abs($0) <= 6 }) else {
            diagnostics.error(
                "point takes two numbers [x1, x2], each from -6 to 6 (the Playground's plane)", at: value.location,
                hint: "e.g. point: [1.5, -2]", id: .badValue, end: value.end)
            return nil
        }
        return (numbers[0], numbers[1])
    }

    /// `initial`, `final` or an epoch of the run.
    private mutating func neuronNetwork(_ value: YAMLValue, budget: Int) -> NeuronSpec.Network? {
        let text = value.scalar?.text.lowercased() ?? ""
        if text == "initial" { return .initial }
        if text == "final" { return .final }
        if let epoch = value.scalar?.intValue, (0...budget).contains(epoch) { return epoch == 0 ? .initial : .epoch(epoch) }
        diagnostics.error(
            "neuron-epoch: '\(value.scalar?.text ?? value.kindDescription)' is not a network of this run", at: value.location,
            hint: "valid: initial, final, or an epoch from 0 to \(budget)", id: .badValue, end: value.end)
        return nil
    }
}
