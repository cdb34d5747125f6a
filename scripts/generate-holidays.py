#!/usr/bin/env python3
"""Generate Surgecast's built-in public-holiday tables from the PyPI `holidays` package.

Writes, relative to the repository root:
  Datasets/calendars/KR.csv, Datasets/calendars/US.csv   (columns: date,name,substitute)
  Sources/HolidayCalendars/Generated/HolidayTables.swift  (the same CSV text as string literals)

Usage (development time only; the Swift test suite never needs Python):
  pip install holidays
  python3 scripts/generate-holidays.py            # regenerate the committed files
  python3 scripts/generate-holidays.py --check    # regenerate into a temp dir and diff

Naming: every source holiday name is mapped through an explicit table below to a stable
snake_case name; an unknown name stops the script, so a new `holidays` release that adds or
renames a holiday is noticed instead of silently leaking a display name into the data.
Substitute (KR "alternative", US "observed") days carry the name of the holiday they stand in
for and substitute=1. Seollal and Chuseok: all three days share one name.
One-off days (KR election days and temporary public holidays) are kept, under the names
`election_day` and `temporary_holiday`, because they are real days off that shape traffic;
Swift's `Holiday.isOneOff` flags them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import pathlib
import sys
import tempfile

FIRST_YEAR = 1995
LAST_YEAR = 2045

ROOT = pathlib.Path(__file__).resolve().parent.parent
CSV_DIR = pathlib.Path("Datasets/calendars")
SWIFT_FILE = pathlib.Path("Sources/HolidayCalendars/Generated/HolidayTables.swift")

KR_NAMES = {
    "New Year's Day": "new_years_day",
    "The day preceding Korean New Year": "seollal",
    "Korean New Year": "seollal",
    "The second day of Korean New Year": "seollal",
    "Independence Movement Day": "independence_movement_day",
    "Tree Planting Day": "tree_planting_day",
    "Labor Day": "labor_day",
    "Children's Day": "childrens_day",
    "Buddha's Birthday": "buddhas_birthday",
    "Memorial Day": "memorial_day",
    "Constitution Day": "constitution_day",
    "Liberation Day": "liberation_day",
    "The day preceding Chuseok": "chuseok",
    "Chuseok": "chuseok",
    "The second day of Chuseok": "chuseok",
    "National Foundation Day": "national_foundation_day",
    "Hangul Day": "hangul_day",
    "Christmas Day": "christmas",
    # One-off days off.
    "Presidential Election Day": "election_day",
    "National Assembly Election Day": "election_day",
    "Local Election Day": "election_day",
    "Temporary Public Holiday": "temporary_holiday",
    "2002 FIFA World Cup National Team Semi-Finals Celebrations": "temporary_holiday",
    # Armed Forces Day stopped being a public holiday after 1990; within 1995-2045 it appears
    # only as the one-off temporary holiday of 1 October 2024.
    "Armed Forces Day": "temporary_holiday",
}
KR_SUBSTITUTE_PREFIX = "Alternative holiday for "

US_NAMES = {
    "New Year's Day": "new_years_day",
    "Martin Luther King Jr. Day": "martin_luther_king_day",
    "Washington's Birthday": "washingtons_birthday",
    "Memorial Day": "memorial_day",
    "Juneteenth National Independence Day": "juneteenth",
    "Independence Day": "independence_day",
    "Labor Day": "labor_day",
    "Columbus Day": "columbus_day",
    "Veterans Day": "veterans_day",
    "Thanksgiving Day": "thanksgiving",
    "Christmas Day": "christmas",
}
US_SUBSTITUTE_SUFFIX = " (observed)"


def split_substitute(country: str, label: str) -> tuple[str, bool]:
    """Return (base display name, is substitute) for one display label."""
    if country == "KR" and label.startswith(KR_SUBSTITUTE_PREFIX):
        return label[len(KR_SUBSTITUTE_PREFIX):], True
    if country == "US" and label.endswith(US_SUBSTITUTE_SUFFIX):
        return label[: -len(US_SUBSTITUTE_SUFFIX)], True
    return label, False


def rows_for(country: str) -> list[tuple[str, str, int]]:
    import holidays  # imported here so `--help` works without the package

    names = {"KR": KR_NAMES, "US": US_NAMES}[country]
    # One year of margin on each side: a US "observed" day can fall in the previous year
    # (New Year's Day on a Saturday is observed on 31 December). Rows are kept by date year.
    years = range(FIRST_YEAR - 1, LAST_YEAR + 2)
    if country == "KR":
        source = holidays.KR(years=years, language="en_US")
    else:
        source = holidays.US(years=years)  # no subdivision: federal holidays only
    rows: set[tuple[str, str, int]] = set()
    for day, labels in source.items():
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            continue
        for label in labels.split("; "):
            base, substitute = split_substitute(country, label)
            if base not in names:
                sys.exit(f"generate-holidays: unmapped {country} holiday {label!r} on {day}")
            rows.add((day.isoformat(), names[base], int(substitute)))
    return sorted(rows)


def csv_text(rows: list[tuple[str, str, int]]) -> str:
    lines = ["date,name,substitute"] + [f"{d},{n},{s}" for d, n, s in rows]
    return "\n".join(lines) + "\n"


def swift_text(tables: dict[str, str]) -> str:
    out = [
        "// GENERATED by scripts/generate-holidays.py: do not edit by hand.",
        "// Provenance and rules: Datasets/calendars/README.md. Each literal equals the CSV",
        "// Datasets/calendars/<COUNTRY>.csv byte for byte (a test checks it).",
        "",
        "extension HolidayTables {",
        "  /// First year of every built-in table.",
        f"  static let firstYear = {FIRST_YEAR}",
        "  /// Last year of every built-in table.",
        f"  static let lastYear = {LAST_YEAR}",
    ]
    for country, text in tables.items():
        assert '"""' not in text and "\\" not in text
        out += [
            "",
            f"  /// Contents of Datasets/calendars/{country}.csv.",
            f"  static let {country.lower()}CSV = \"\"\"",
            text.rstrip("\n"),
            "",
            "\"\"\"",
        ]
    out.append("}")
    return "\n".join(out) + "\n"


def generate(root: pathlib.Path) -> list[pathlib.Path]:
    tables = {country: csv_text(rows_for(country)) for country in ("KR", "US")}
    written = []
    (root / CSV_DIR).mkdir(parents=True, exist_ok=True)
    for country, text in tables.items():
        path = root / CSV_DIR / f"{country}.csv"
        path.write_text(text)
        written.append(path.relative_to(root))
    (root / SWIFT_FILE).parent.mkdir(parents=True, exist_ok=True)
    (root / SWIFT_FILE).write_text(swift_text(tables))
    written.append(SWIFT_FILE)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--check", action="store_true",
        help="regenerate into a temporary directory and diff against the committed files")
    args = parser.parse_args()
    import holidays

    if not args.check:
        for path in generate(ROOT):
            print(f"wrote {path}")
        print(f"holidays {holidays.__version__}, years {FIRST_YEAR}-{LAST_YEAR}")
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        differing = 0
        for rel in generate(pathlib.Path(tmp)):
            fresh = (pathlib.Path(tmp) / rel).read_text().splitlines(keepends=True)
            committed_path = ROOT / rel
            committed = committed_path.read_text().splitlines(keepends=True) \
                if committed_path.exists() else []
            diff = list(difflib.unified_diff(committed, fresh, f"committed/{rel}", f"fresh/{rel}"))
            if diff:
                differing += 1
                sys.stdout.writelines(diff)
        if differing:
            print(f"generate-holidays --check: {differing} file(s) differ "
                  f"(holidays {holidays.__version__})")
            return 1
        print(f"generate-holidays --check: up to date (holidays {holidays.__version__})")
        return 0


if __name__ == "__main__":
    sys.exit(main())
