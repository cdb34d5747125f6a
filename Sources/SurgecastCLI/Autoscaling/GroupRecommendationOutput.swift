import Autoscaling

/// The combined output of `recommend` for a group of models: text blocks per series, JSON of
/// one recommendation document per series (`docs/schemas/recommendation-group.schema.json`),
/// or KEDA's metrics-api document per series.
enum GroupRecommendationOutput {
  struct Document: Encodable {
    var schema_version = 1
    var recommendations: [String: RecommendationDocument]
    var models: [String: String]
    var failures: [String: String]
  }

  struct KEDADocument: Encodable {
    var series: [String: KEDAMetricDocument]
  }

  static func render(_ outcome: ModelGroup.Outcome<RecommendationDocument>, format: RecommendationFormat)
    throws -> String
  {
    let bySeries = outcome.results.map { ($0.member.training.series, $0.output) }
    switch format {
    case .text:
      return bySeries.map { RecommendationText.render($0.1) }.joined(separator: "\n")
    case .json:
      var document = Document(recommendations: [:], models: [:], failures: [:])
      for (member, recommendation) in outcome.results {
        document.recommendations[member.training.series] = recommendation
        document.models[member.training.series] = "\(member.name)@v\(member.version)"
      }
      for failure in outcome.failures { document.failures[failure.name] = failure.message }
      return try JSONOutput.encode(document) + "\n"
    case .keda:
      let document = KEDADocument(
        series: Dictionary(
          bySeries.map { ($0.0, KEDAMetricDocument($0.1)) }, uniquingKeysWith: { first, _ in first }))
      return try JSONOutput.encode(document) + "\n"
    case .hpa:
      throw InternalError("--format hpa with a group passed the command's check")
    }
  }
}
