"""Build orbitcoop/data/flight_record.csv, the flight record shipped with orbitcoop, from GCAT.

    python tools/build_flight_record.py [GCAT_LAUNCHES_CSV]

Input: the shared extract of J. McDowell's GCAT (General Catalog of Artificial Space Objects,
planet4589.org/space/gcat), one row per orbital launch attempt 1957-2023 with the first payload's
orbit (default /work/shared/data/flight_record/gcat_launches_1957_2023.csv; see the README there).
Output: the same rows, only the columns orbitcoop reads, numbers as GCAT prints them, sorted by
date and tag, with a '#' header naming the source and its licence. Deterministic: re-running on
the same input rewrites the file byte for byte.

GCAT's site and pad codes are kept as they are; the catalogue (orbitcoop/data/launch_sites.toml,
fields ``gcat_sites`` and ``gcat_pads``) maps them to catalogue ids, so the mapping has one home.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_EXTRACT = Path("data") / "flight_record" / "gcat_launches_1957_2023.csv"
# The shared folder beside the checkout (as CI lays it out), else the workplace's.
DEFAULT_INPUT = next(
    (
        p / _EXTRACT
        for p in (Path(__file__).resolve().parents[2] / "shared", Path("/work/shared"))
        if (p / _EXTRACT).exists()
    ),
    Path("/work/shared") / _EXTRACT,
)
OUTPUT = ROOT / "orbitcoop" / "data" / "flight_record.csv"

# output column <- GCAT column
COLUMNS = {
    "tag": "Launch_Tag",
    "date": "Launch_Date",
    "site": "Launch_Site",
    "pad": "Launch_Pad",
    "vehicle": "LV_Type",
    "outcome": "LaunchCode",
    "orbit": "OpOrbit",
    "perigee_km": "Perigee",
    "apogee_km": "Apogee",
    "inclination_deg": "Inc",
    "mission": "Mission",
}

HEADER = """\
# orbitcoop flight record: every orbital launch attempt 1957-2023 with its first payload's orbit.
# Data from GCAT (J. McDowell, GCAT, planet4589.org/space/gcat), licensed CC BY 4.0; derived by
# tools/build_flight_record.py (columns selected and renamed, rows sorted, blanks trimmed; no value changed).
# outcome: GCAT LaunchCode (OS... orbital success, OF... failure). orbit: GCAT OpOrbit class.
# perigee_km/apogee_km/inclination_deg: the first payload's orbit near launch (about two days after;
# Falcon 9: its second stage); for payloads that reached GEO the final orbit, not the launch plane.
# site/pad: GCAT codes, mapped to catalogue ids by gcat_sites/gcat_pads in launch_sites.toml.
"""


def _number(text: str) -> str:
    """GCAT's number without a trailing '.0' (the file stays small; the value is unchanged)."""
    text = text.strip()
    if not text:
        return ""
    value = float(text)
    return f"{value:.0f}" if value.is_integer() else repr(value)


def build(source: Path) -> str:
    with source.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rows.sort(key=lambda r: (r["Launch_Date"], r["Launch_Tag"]))
    out = io.StringIO()
    out.write(HEADER)
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    numeric = {"perigee_km", "apogee_km", "inclination_deg"}
    for r in rows:
        w.writerow([_number(r[src]) if col in numeric else r[src].strip() for col, src in COLUMNS.items()])
    return out.getvalue()


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_INPUT
    text = build(source)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {text.count(chr(10)) - HEADER.count(chr(10)) - 1} launches")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
