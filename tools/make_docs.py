"""Regenerate the generated parts of docs/ from the data files.

    python tools/make_docs.py        # rewrite docs/catalogue.md
    python tools/make_docs.py --check  # exit 1 if it is out of date (tests/test_docs.py)
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def catalogue_markdown() -> str:
    from orbitcoop.sites import catalogue

    lines = [
        "# Launch-site catalogue",
        "",
        "Generated from `orbitcoop/data/launch_sites.toml` by `tools/make_docs.py`; do not edit by hand.",
        "Grades: [A] primary (agency, operator, user's manual), [B] encyclopedia or press quoting the",
        "operator, [C] secondary compilation. Positions are geodetic, north and east positive.",
        "A corridor is a published range of ground launch azimuths (clockwise); an inclination limit a",
        "published range of inclinations. *unknown* means no source was found: orbitcoop then judges",
        "reachability by geometry alone and says so.",
        "",
        "| id | name | country | status | lat ° | lon ° | corridor / inclination limits | position source |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for s in catalogue():
        corr = [f"{c.azimuth_min_deg:g}°→{c.azimuth_max_deg:g}°" for c in s.corridors]
        lims = [
            f"i {'' if c.min_deg is None else f'{c.min_deg:g}'}–{'' if c.max_deg is None else f'{c.max_deg:g}'}°"
            for c in s.inclination_limits
        ]
        constraint = ", ".join(corr + lims) or "*unknown*"
        src = s.position_source.replace("|", "/")
        if len(src) > 140:
            src = src[:137] + "…"
        name = s.name + (f" (pad of {s.parent})" if s.parent else "")
        lines.append(
            f"| `{s.id}` | {name} | {s.country} | {s.status} | {s.latitude_deg:.4f} | "
            f"{s.longitude_deg:.4f} | {constraint} | {src} |"
        )
    lines += ["", "The sources of corridors, limits, elevations and flown inclinations are in the data file.", ""]
    return "\n".join(lines)


def main(argv):
    target = ROOT / "docs" / "catalogue.md"
    text = catalogue_markdown()
    if "--check" in argv:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            print(f"{target} is out of date: run python tools/make_docs.py")
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
