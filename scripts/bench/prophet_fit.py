#!/usr/bin/env python3
"""Times Prophet's fit on a Surgecast series CSV, for `surgecast-bench fit` (side by side).

Prints one line `prophet_fit_seconds <median>` on success; exits 3 when Prophet is not
installed (`pip install prophet`), so the benchmark can say so instead of failing.

Prophet settings: its defaults for the data's frequency (daily and weekly seasonality, yearly
when the history spans more than two years), plus the promotion/holiday events as Prophet
holidays, which is the closest equivalent of what `surgecast fit` learns. Only `fit` is
timed (not the import, not the data loading), median of --repeat runs.
"""
import argparse
import logging
import statistics
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--events")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    try:
        import pandas as pd
        from prophet import Prophet
    except ImportError:
        print("prophet not installed", file=sys.stderr)
        return 3
    logging.getLogger("cmdstanpy").setLevel(logging.WARNING)
    logging.getLogger("prophet").setLevel(logging.WARNING)

    frame = pd.read_csv(args.data)
    time_column = next(c for c in frame.columns if c.lower() in ("timestamp", "ds", "time", "t"))
    value_column = next(c for c in frame.columns if c.lower() in ("value", "y"))
    history = pd.DataFrame({
        "ds": pd.to_datetime(frame[time_column], utc=True).dt.tz_localize(None),
        "y": frame[value_column],
    })
    holidays = None
    if args.events:
        events = pd.read_csv(args.events)
        rows = []
        for _, event in events.iterrows():
            if event.get("kind") == "outage":
                continue
            start = pd.to_datetime(event["start"], utc=True).tz_localize(None)
            rows.append({"holiday": event["name"], "ds": start.normalize(),
                         "lower_window": 0, "upper_window": 0})
        holidays = pd.DataFrame(rows) if rows else None

    times = []
    for _ in range(max(1, args.repeat)):
        model = Prophet(holidays=holidays)
        start = time.perf_counter()
        model.fit(history)
        times.append(time.perf_counter() - start)
    print(f"prophet_fit_seconds {statistics.median(times):.4f} rows {len(history)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
