/// Names a result series after its label set, the way Prometheus prints it.
public enum SeriesNaming {
  /// `metric{a="x",b="y"}` with labels sorted by name; `{a="x"}` without a metric name; the
  /// query itself when the label set is empty (an aggregate such as `sum(rate(x[5m]))`).
  public static func name(of labels: [String: String], query: String) -> String {
    let metric = labels["__name__"] ?? ""
    let rest = labels.filter { $0.key != "__name__" }.sorted { $0.key < $1.key }
    if rest.isEmpty { return metric.isEmpty ? query : metric }
    let inner = rest.map { "\($0.key)=\"\(escaped($0.value))\"" }.joined(separator: ",")
    return "\(metric){\(inner)}"
  }

  private static func escaped(_ value: String) -> String {
    var out = ""
    for character in value {
      switch character {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      default: out.append(character)
      }
    }
    return out
  }
}
