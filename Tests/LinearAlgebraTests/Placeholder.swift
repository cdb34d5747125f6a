// LinearAlgebraTests: tests in progress.
