import ArgumentParser
import Workbook

/// `labbook train --figure`'s values and their help come from ``ExperimentFigure`` itself, so
/// a figure added there (a ``FigureKind`` drawn per combination) is an option here unedited.
extension ExperimentFigure: ExpressibleByArgument {
    public static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.summary) })
    }
}
