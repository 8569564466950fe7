"""The report: claims table, explanations and figures, as Markdown and self-contained HTML.

Files are written atomically (a temporary file in the same folder, then ``os.replace``);
a manifest lists what the report wrote, so a second run replaces those files and removes
the ones it no longer writes, and never touches anything else in the folder.
"""

from __future__ import annotations

import base64
import datetime as _dt
import html
import json
import os
import sys
import tempfile
from pathlib import Path

from orbitcoop.markdown import render_markdown
from orbitcoop.window_section import WINDOW_DAYS, dv_curves, window_blocks, window_title, window_week

MANIFEST = ".orbitcoop-report.json"


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a report is for reading
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


#: Plain-words definitions for the report's readers (terms as orbitcoop uses them).
GLOSSARY = (
    ("Δv (delta-v)", "the change of speed a rocket must supply, in m/s; the fuel needed grows exponentially with it."),
    ("Parking orbit", "the low circular orbit (200 km here) a rocket reaches first, before the burns to its target."),
    (
        "Inclination",
        "the tilt of an orbit's plane to the equator; a site cannot launch directly into an orbit tilted"
        " less than its own latitude.",
    ),
    ("Plane change", "a burn that tilts the orbit; expensive, so it is done where the spacecraft is slow (at apogee)."),
    (
        "Dog-leg",
        "a turn during ascent to reach an orbit the site's safe launch directions do not give directly; it costs Δv.",
    ),
    (
        "Corridor",
        "the range of launch directions a site's range safety allows (so spent stages fall in the sea or empty land).",
    ),
    (
        "GTO",
        "geostationary transfer orbit: an ellipse from low orbit up to 35,786 km, from which the satellite raises"
        " itself into GEO. 'GTO-1500' is the transfer orbit that leaves the satellite 1500 m/s to do.",
    ),
    ("GEO", "geostationary orbit: circular, 35,786 km up, over the equator; where telecommunications satellites sit."),
    (
        "Supersynchronous transfer",
        "a GTO whose high point lies beyond GEO, which makes the plane change cheaper from high latitudes.",
    ),
    (
        "SSO",
        "sun-synchronous orbit: a near-polar orbit (about 98°) whose plane keeps the same angle to the Sun; used"
        " for Earth observation.",
    ),
    ("TLI", "trans-lunar injection: the burn that sends a spacecraft from Earth orbit towards the Moon."),
    (
        "C3",
        "characteristic energy of an escape trajectory, in km²/s² (twice the orbital energy per kilogram);"
        " zero is a bare escape, a Mars departure needs more.",
    ),
    (
        "Payload model",
        "orbitcoop's estimate of what a rocket lifts, from its stages and one published point"
        " (docs/validation.md); the band is its uncertainty.",
    ),
    ("Margin", "how far a number is from the threshold that decides the verdict; positive means the comparison holds."),
)


def _statement_blocks(r) -> list[tuple]:
    blocks = [
        ("h3", f"{r.id}"),
        ("quote", r.quote),
        (
            "p",
            f"Said by {r.speaker}; {r.source['publication']}, “{r.source['title']}”, {r.source['date']}."
            f" Kind: {r.kind.replace('-', ' ')}.",
        ),
        ("p", f"**Question tested.** {r.reading}"),
        ("p", f"**Verdict: {r.verdict}.**" + (f" Margin: {r.margin}." if r.margin else "")),
    ]
    if r.flip:
        blocks.append(("p", f"**Where it would flip.** {r.flip[0].upper() + r.flip[1:]}."))
    if r.payload:
        blocks.append(("p", f"**In payload terms.** {r.payload}."))
    if r.uncertainty:
        blocks.append(("p", f"**Uncertainty.** {r.uncertainty[0].upper() + r.uncertainty[1:]}."))
    blocks.append(("p", f"**The numbers.** {r.explanation}"))
    whys = [f"{q['asks']} {q['why']}" for q in r.questions if q["role"] == "test" and q["why"]]
    if whys:
        blocks += [("p", "**Why these thresholds.**"), ("ul", whys)]
    if r.assumptions:
        blocks += [("p", "**Reading and assumptions.**"), ("ul", list(r.assumptions))]
    if r.what_else:
        blocks += [("p", "**What else decides it.**"), ("ul", list(r.what_else))]
    return blocks


def claims_blocks(results) -> list[tuple]:
    """The statements table, one section per article (its bottom line, then its statements) and the
    glossary; shared by the report and docs/claims.md (tools/make_docs.py)."""
    from orbitcoop.claims import article_bottom_lines

    blocks = [
        ("h2", "Statements"),
        (
            "table",
            ["statement", "kind", "verdict", "margin or key numbers"],
            [[r.id, r.kind, str(r.verdict), r.key_numbers] for r in results],
        ),
    ]
    for aid, line in article_bottom_lines(results).items():
        blocks += [("h2", next(r.source["title"] for r in results if r.article == aid)), ("p", line)]
        for r in results:
            if r.article == aid:
                blocks += _statement_blocks(r)
    blocks += [("h2", "Glossary"), ("ul", [f"**{term}**: {text}" for term, text in GLOSSARY])]
    return blocks


def build_blocks(results, figures, windows=()) -> list[tuple]:
    """The report's content as neutral blocks, rendered to Markdown and HTML alike."""
    import orbitcoop
    from orbitcoop.sites import catalogue

    today = _dt.date.today().isoformat()
    blocks = [
        ("h1", "orbitcoop report: launch claims checked with orbital mechanics"),
        (
            "p",
            f"Generated {today} by orbitcoop {orbitcoop.__version__} from its built-in catalogue of "
            f"{len(catalogue())} launch sites and pads. Δv figures are kinematic: insertion into a 200 km "
            "parking orbit minus what Earth's rotation gives, plus the transfer to the target orbit "
            "(no gravity, drag or steering losses). Each statement is read in the most charitable way "
            "orbital mechanics can decide; statements of fact or policy are marked outside orbital "
            "mechanics and their numbers are context. Verdicts are computed, never written in the data.",
        ),
    ]
    blocks += claims_blocks(results)
    blocks += payload_blocks()
    blocks += list(windows)
    blocks.append(("h2", "Figures"))
    for alt, path in figures:
        blocks.append(("img", alt, path))
    return blocks


#: Monte Carlo draws behind the payload table's 10–90 % ranges (each row's draws, one kernel call).
PAYLOAD_SAMPLES = 2000


def payload_blocks(orbits=("gtodv:1500", "sso:700"), sites=("kourou", "wenchang", "tanegashima", "vostochny")):
    """Payload what-ifs: every vehicle with a payload model, from the four main sites."""
    from orbitcoop.performance import payload_table, validation_summary
    from orbitcoop.validation import coverage_summary

    df = payload_table(sites=list(sites), orbits=list(orbits), samples=PAYLOAD_SAMPLES)
    if df.empty:
        return []
    summary, cover = validation_summary(), coverage_summary()
    header = ["vehicle", "orbit", *sites]
    rows = []
    for (vehicle, orbit), g in df.groupby(["vehicle", "orbit"], sort=False):
        by_site = {r.site: r for r in g.itertuples(index=False)}
        rows.append(
            [
                vehicle,
                orbit,
                *(
                    f"{by_site[s].payload_kg:,.0f} kg ({by_site[s].p10_kg:,.0f}–{by_site[s].p90_kg:,.0f})"
                    for s in sites
                ),
            ]
        )
    return [
        ("h2", "Payload what-ifs"),
        (
            "p",
            "Each rocket with a payload model, flown (or imagined) from each of the four main sites. "
            f"Model accuracy on its {summary['points']} validation points: median |error| "
            f"{summary['median_abs_error_pct']:.0f} %, worst {summary['worst_abs_error_pct']:.0f} % "
            "(docs/validation.md says where and why it is off). In brackets, the 10–90 % range of "
            f"{PAYLOAD_SAMPLES:,} Monte Carlo draws over the data's uncertainty and the model's error; "
            f"{cover['inside']} of {cover['points']} published figures, each held out of its own vehicle's "
            "error estimate, fell inside such a range. GTO-1500 is the transfer orbit that leaves "
            "1500 m/s to GEO.",
        ),
        ("table", header, rows),
    ]


def render_html(blocks, root: Path) -> str:
    def inline(text):
        esc = html.escape(text)
        parts = esc.split("**")
        return "".join(f"<strong>{p}</strong>" if k % 2 else p for k, p in enumerate(parts))

    body = []
    for b in blocks:
        kind = b[0]
        if kind in ("h1", "h2", "h3", "h4"):
            body.append(f"<{kind}>{html.escape(b[1])}</{kind}>")
        elif kind == "p":
            body.append(f"<p>{inline(b[1])}</p>")
        elif kind == "quote":
            body.append(f"<blockquote>{html.escape(b[1])}</blockquote>")
        elif kind == "ul":
            body.append("<ul>" + "".join(f"<li>{inline(x)}</li>" for x in b[1]) + "</ul>")
        elif kind == "table":
            head = "".join(f"<th>{html.escape(h)}</th>" for h in b[1])
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in r) + "</tr>" for r in b[2])
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif kind == "img":
            data = base64.b64encode((root / b[2]).read_bytes()).decode()
            body.append(
                f'<figure><img alt="{html.escape(b[1])}" src="data:image/png;base64,{data}">'
                f"<figcaption>{html.escape(b[1])}</figcaption></figure>"
            )
    style = (
        "body{font-family:sans-serif;max-width:1100px;margin:2em auto;line-height:1.45}"
        "table{border-collapse:collapse;font-size:0.9em}td,th{border:1px solid #ccc;padding:4px 6px;"
        "vertical-align:top}blockquote{color:#444;border-left:4px solid #ccc;margin-left:0;padding-left:1em}"
        "img{max-width:100%}"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>orbitcoop report</title><style>{style}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def write_report(out="report", claims_path=None, progress=None) -> dict:
    """Write report.md, report.html and figures/*.png into ``out``; return the paths written."""
    from orbitcoop import heatmaps, plots
    from orbitcoop.claims import evaluate_claims
    from orbitcoop.sites import list_sites

    say = progress or (lambda msg: print(msg, file=sys.stderr, flush=True))
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    steps = 11
    say(f"[1/{steps}] evaluating claims")
    results = evaluate_claims(claims_path)
    say(f"[2/{steps}] launch windows")
    week = window_week()
    fig_dir = root / "figures"
    fig_dir.mkdir(exist_ok=True)
    sites = list_sites()
    main = [s for s in sites if s.id in plots.MAIN_SITES]
    roses = main + [s for s in sites if not s.parent and s.constraints_known and s not in main]
    makers = [
        ("GEO Δv penalty by site", "geo_penalty.png", lambda p: plots.geo_penalty_bars(p)),
        ("Insertion Δv vs target inclination", "dv_vs_inclination.png", lambda p: plots.dv_vs_inclination(p)),
        ("Launch-azimuth corridors", "corridors.png", lambda p: plots.corridor_roses(p, roses)),
        ("Site latitudes", "latitude_map.png", lambda p: plots.latitude_map(p, sites)),
        ("Payload model against published figures", "payload_validation.png", lambda p: plots.payload_validation(p)),
        ("Cheapest site by inclination and altitude", "cheapest_site.png", lambda p: heatmaps.cheapest_site_map(p)),
        ("Payload by vehicle and site", "payload_map.png", lambda p: heatmaps.payload_map(p)),
        (
            f"Launch windows over {WINDOW_DAYS} days: ISS and Tiangong from the articles' sites",
            "launch_windows.png",
            lambda p: plots.launch_window_week(p, [(window_title(t, w), w[2]) for t, w in week.items()]),
        ),
        (
            "Δv against lift-off time over a day: the windows' dips, and sites that never pass under the plane",
            "dv_vs_time.png",
            lambda p: plots.dv_against_time(
                p,
                [(f"{week[t][0].name}, {week[t][1]}", c) for t, c in dv_curves(week).items()],
            ),
        ),
    ]
    figures = []
    for k, (alt, name, make) in enumerate(makers, start=3):
        say(f"[{k}/{steps}] figure: {alt}")
        target = fig_dir / name
        fd, tmp = tempfile.mkstemp(dir=fig_dir, prefix=f".{name}.", suffix=".png")
        os.close(fd)
        try:
            make(tmp)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        figures.append((alt, Path("figures") / name))
    blocks = build_blocks(results, figures, window_blocks(week))
    say(f"[{steps - 1}/{steps}] writing report.md")
    _atomic_write(root / "report.md", render_markdown(blocks).encode("utf-8"))
    say(f"[{steps}/{steps}] writing report.html")
    _atomic_write(root / "report.html", render_html(blocks, root).encode("utf-8"))
    written = ["report.md", "report.html", *(f.as_posix() for _, f in figures)]
    manifest = root / MANIFEST
    if manifest.exists():
        try:
            previous = json.loads(manifest.read_text(encoding="utf-8")).get("files", [])
        except (ValueError, OSError):
            previous = []
        for stale in set(previous) - set(written):
            p = (root / stale).resolve()
            if root.resolve() in p.parents and p.is_file():
                p.unlink()
    _atomic_write(manifest, json.dumps({"files": written}, indent=1).encode("utf-8"))
    return {name: root / name for name in written}
