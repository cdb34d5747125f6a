import Modeling
import TimeSeries

/// The few lines `surgecast fit` prints about the model it wrote.
enum FitSummary {
  static func text(_ model: FittedModel, seconds: Double, path: String) -> String {
    let d = model.diagnostics
    let scale = model.transform.lambda == 0
      ? "log" : "Box-Cox λ=\(model.transform.lambda)"
    let shareDown = NumberFormatting.percent(d.downWeightedShare)
    return """
      wrote \(path): \(model.training.series), \(d.rowsUsed) rows used \
      (\(d.rowsMissing) missing, \(d.rowsInOutages) in outages), \(d.columns) columns, \
      edf \(String(format: "%.1f", d.effectiveDegreesOfFreedom)), \(scale) scale, \
      penalty \(String(format: "%.3g", d.penalty)), \(shareDown) rows down-weighted, \
      fit \(String(format: "%.3f", seconds)) s

      """
  }
}
