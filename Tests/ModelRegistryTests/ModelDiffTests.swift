import Foundation
import Modeling
import Testing

@testable import ModelRegistry

@Suite("ModelDiff")
struct ModelDiffTests {
  func stored(_ model: FittedModel, version: Int, metrics: [String: Double]? = nil)
    -> StoredModel
  {
    StoredModel(name: "web", version: version, path: "", model: model, metrics: metrics)
  }

  @Test func identicalModelsHaveNoDifferences() throws {
    let model = CommittedModel.model
    let diff = try ModelDiff(old: stored(model, version: 1), new: stored(model, version: 2))
    #expect(diff.isEmpty)
    #expect(diff.coefficientsUnchanged == model.coefficients.count)
  }

  @Test func plantedChangesAreReportedExactly() throws {
    let old = CommittedModel.model
    var new = old
    new.spec.dailyOrder += 2
    new.spec.penalty = 0.25
    new.coefficients[3] += 1.5
    new.coefficients[7] -= 0.25
    new.columnLabels.append("extra")
    new.coefficients.append(2)
    new.diagnostics.residualScale *= 2
    new.training.end += 3600
    let diff = try ModelDiff(
      old: stored(old, version: 1, metrics: ["mase": 0.8]),
      new: stored(new, version: 2, metrics: ["mase": 0.7]))
    #expect(diff.old == "web@v1" && diff.new == "web@v2")
    #expect(diff.specChanges.map(\.field) == ["dailyOrder", "penalty"])
    #expect(diff.specChanges[0].old == "\(old.spec.dailyOrder)")
    #expect(diff.specChanges[0].new == "\(old.spec.dailyOrder + 2)")
    #expect(diff.specChanges[1].new == "0.25")
    #expect(diff.trainingChanges.map(\.field) == ["end"])
    let changes = diff.coefficientChanges
    #expect(changes.count == 3)
    #expect(changes[0].column == "extra" && changes[0].old == nil && changes[0].new == 2)
    #expect(changes[1].column == old.columnLabels[3] && changes[1].change == 1.5)
    #expect(changes[2].column == old.columnLabels[7] && changes[2].change == -0.25)
    #expect(diff.coefficientsUnchanged == old.coefficients.count - 2)
    #expect(
      diff.metricChanges == [
        .init(metric: "mase", old: 0.8, new: 0.7),
        .init(
          metric: "residualScale", old: old.diagnostics.residualScale,
          new: old.diagnostics.residualScale * 2),
      ])
  }
}
