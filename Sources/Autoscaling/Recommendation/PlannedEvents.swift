import Modeling
import TimeSeries

extension FittedModel {
  /// The planned events a forecast should be given: those the model does not already carry.
  ///
  /// A model keeps the promotions around its training window (`trainingEvents`, up to about
  /// two weeks past its end) and adds them to every forecast design; passing the same event
  /// again as planned would count its effect twice (a ×2.4 flash-sale hour becoming ×5.8).
  /// Replays and recommendations hand over a whole events file, so they drop the repeats.
  public func eventsNotYetKnown(_ planned: [Event]) -> [Event] {
    planned.filter { !trainingEvents.contains($0) }
  }
}
