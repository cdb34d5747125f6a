import ArgumentParser

/// `--format`: how a command renders its result.
public enum OutputFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
  /// Aligned tables for people.
  case text
  /// JSON with sorted keys, for scripts; byte-identical across runs on the same input.
  case json
}
