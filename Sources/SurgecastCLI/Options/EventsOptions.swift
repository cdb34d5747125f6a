import ArgumentParser

/// The optional calendar-events file shared by commands that use events.
public struct EventsOptions: ParsableArguments {
  @Option(
    name: .customLong("events"),
    help: ArgumentHelp(
      "Events CSV: Surgecast format (name,kind,start,end[,scale,lift,scenario]) or Prophet's "
        + "holidays format (holiday,ds,lower_window,upper_window).",
      valueName: "file"))
  public var eventsFile: String?

  public init() {}
}
