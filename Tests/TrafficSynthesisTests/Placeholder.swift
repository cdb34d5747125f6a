// TrafficSynthesisTests: tests in progress.
