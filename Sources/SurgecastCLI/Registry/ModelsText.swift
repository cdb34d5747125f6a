import Foundation
import ModelRegistry

/// Text renderings of `models show` and `models diff`.
enum ModelsText {
  static func show(_ d: ModelDescription) throws -> String {
    var text = """
      model \(d.name)@v\(d.version)  (\(d.path))
      generator \(d.generator), schema \(d.schemaVersion)

      training
        series       \(d.training.series)
        window       \(d.training.start) to \(d.training.end) (step \(d.training.stepSeconds) s, \(d.training.timeZone))
        fingerprint  \(d.training.fingerprint)

      fit
        rows used \(d.diagnostics.rowsUsed) of \(d.diagnostics.slots) (\(d.diagnostics.rowsMissing) missing, \(d.diagnostics.rowsInOutages) in outages)
        columns \(d.diagnostics.columns), edf \(format(d.diagnostics.effectiveDegreesOfFreedom)), penalty \(format(d.diagnostics.penalty)), GCV \(format(d.diagnostics.gcvScore))
        residual scale \(format(d.diagnostics.residualScale)), down-weighted \(NumberFormatting.percent(d.diagnostics.downWeightedShare)), condition \(format(d.diagnostics.conditionEstimate))

      """
    if let metrics = d.metrics, !metrics.isEmpty {
      text += "metrics (stored when published)\n"
      for key in metrics.keys.sorted() { text += "  \(key) \(format(metrics[key] ?? .nan))\n" }
      text += "\n"
    }
    text += "\nspec\n"
    for line in try JSONOutput.encode(d.spec).split(separator: "\n").dropFirst().dropLast() {
      text += "  " + line.trimmingCharacters(in: .whitespaces) + "\n"
    }
    return text
  }

  static func diff(_ diff: ModelDiff, top: Int) -> String {
    guard !diff.isEmpty else { return "\(diff.old) and \(diff.new) are identical\n" }
    var text = "\(diff.old) → \(diff.new)\n"
    func fields(_ title: String, _ changes: [ModelDiff.FieldChange]) {
      guard !changes.isEmpty else { return }
      text += "\n\(title)\n"
      var table = TextTable([("field", .left), ("old", .right), ("new", .right)])
      for change in changes { table.append([change.field, change.old, change.new]) }
      text += table.rendered(indent: "  ")
    }
    fields("training", diff.trainingChanges)
    fields("spec", diff.specChanges)
    text += "\ncoefficients: \(diff.coefficientChanges.count) changed or added/removed, "
      + "\(diff.coefficientsUnchanged) unchanged\n"
    if !diff.coefficientChanges.isEmpty, top > 0 {
      var table = TextTable([
        ("column", .left), ("old", .right), ("new", .right), ("change", .right),
      ])
      for change in diff.coefficientChanges.prefix(top) {
        table.append([
          change.column, change.old.map(format) ?? "—", change.new.map(format) ?? "—",
          change.change.map(format) ?? "",
        ])
      }
      text += table.rendered(indent: "  ")
      if diff.coefficientChanges.count > top {
        text += "  … \(diff.coefficientChanges.count - top) more (--top, or --format json)\n"
      }
    }
    if !diff.metricChanges.isEmpty {
      text += "\nfit figures\n"
      var table = TextTable([("metric", .left), ("old", .right), ("new", .right)])
      for change in diff.metricChanges {
        table.append([change.metric, change.old.map(format) ?? "—", change.new.map(format) ?? "—"])
      }
      text += table.rendered(indent: "  ")
    }
    return text
  }

  static func format(_ value: Double) -> String { String(format: "%.4g", value) }
}
