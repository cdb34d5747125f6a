import Synchronization

/// The design frames of the last few grids fitted, shared by the series of a batch.
///
/// Memory stays bounded: at most `capacity` frames are kept (a year of hourly data is about
/// 16 MB of design; 400 days of 5-minute data about 240 MB), the oldest is dropped first.
/// Two workers that miss on the same key at once both build it and the first one is kept:
/// frames of equal keys are identical, so who wins does not change any result.
public final class DesignFrameCache: Sendable {
  private let frames = Mutex<[DesignFrame]>([])
  private let capacity: Int

  /// - Parameter capacity: frames kept (at least 1).
  public init(capacity: Int = 2) {
    self.capacity = max(1, capacity)
  }

  /// The frame for `key`, built (and remembered) if no kept frame has that key.
  func frame(for key: DesignFrame.Key, seriesName: String) throws -> DesignFrame {
    if let kept = frames.withLock({ $0.first { $0.key == key } }) { return kept }
    let built = try DesignFrame(key: key, seriesName: seriesName)
    return frames.withLock { kept in
      if let existing = kept.first(where: { $0.key == key }) { return existing }
      kept.append(built)
      if kept.count > capacity { kept.removeFirst(kept.count - capacity) }
      return built
    }
  }
}

extension DesignFrameCache {
  /// Frames kept now (for tests of the bound).
  var keptCount: Int { frames.withLock { $0.count } }
}
