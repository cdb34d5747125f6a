// SurgecastCLITests: tests in progress.
