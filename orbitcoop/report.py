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


def _key_numbers(result) -> str:
    n = result.numbers
    if "payloads" in n:
        return "; ".join(
            f"{r['orbit']}: {r['vehicle']}@{r['site']} {r['payload_kg']:.0f} kg vs "
            + (
                f"@{r['reference']} {r['reference_payload_kg']:.0f} kg ({r['difference_pct']:+.0f} %)"
                if "reference" in r
                else f"{r['reference_vehicle']}@{r['reference_site']} {r['reference_payload_kg']:.0f} kg"
            )
            for r in n["payloads"]
        )
    if "comparisons" in n:
        return "; ".join(f"{c['orbit']}: {c['difference_m_s']:+.0f} m/s vs {c['reference']}" for c in n["comparisons"])
    if "spread" in n:
        return "; ".join(f"{r['orbit']}: spread {r['spread_m_s']:.0f} m/s" for r in n["spread"])
    if "reachability" in n:
        return "; ".join(f"{r['site']}→{r['orbit']}: {'yes' if r['reachable'] else 'no'}" for r in n["reachability"])
    return "; ".join(
        f"{o}: " + ", ".join(f"{s} {v['total_dv_m_s']:.0f}" for s, v in by.items()) + " m/s"
        for o, by in n["assessments"].items()
    )


def build_blocks(results, figures) -> list[tuple]:
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
            "(no gravity, drag or steering losses). Verdicts are computed from these numbers and each "
            "claim's stated threshold.",
        ),
        ("h2", "Claims"),
        (
            "table",
            ["claim", "source", "verdict", "key numbers"],
            [[r.id, f"{r.source['publication']}, {r.source['date']}", r.verdict, _key_numbers(r)] for r in results],
        ),
    ]
    for r in results:
        blocks += [
            ("h3", r.id),
            ("quote", r.quote),
            ("p", f"Source: {r.source['publication']}, “{r.source['title']}”, {r.source['date']}."),
            ("p", f"Verdict: **{r.verdict}**. {r.explanation}"),
            ("ul", list(r.assumptions)),
        ]
    blocks += payload_blocks()
    blocks.append(("h2", "Figures"))
    for alt, path in figures:
        blocks.append(("img", alt, path))
    return blocks


def payload_blocks(orbits=("gtodv:1500", "sso:700"), sites=("kourou", "wenchang", "tanegashima", "vostochny")):
    """Payload what-ifs: every vehicle with a payload model, from the four main sites."""
    from orbitcoop.performance import payload_table, validation_summary

    df = payload_table(sites=list(sites), orbits=list(orbits))
    if df.empty:
        return []
    summary = validation_summary()
    header = ["vehicle", "orbit", *sites]
    rows = []
    for (vehicle, orbit), g in df.groupby(["vehicle", "orbit"], sort=False):
        by_site = dict(zip(g["site"], g["payload_kg"], strict=True))
        rows.append([vehicle, orbit, *(f"{by_site[s]:,.0f} kg" for s in sites)])
    return [
        ("h2", "Payload what-ifs"),
        (
            "p",
            "Each rocket with a payload model, flown (or imagined) from each of the four main sites. "
            f"Model accuracy on its {summary['points']} validation points: median |error| "
            f"{summary['median_abs_error_pct']:.0f} %, worst {summary['worst_abs_error_pct']:.0f} % "
            "(docs/validation.md says where and why it is off). GTO-1500 is the transfer orbit that leaves "
            "1500 m/s to GEO.",
        ),
        ("table", header, rows),
    ]


def render_markdown(blocks) -> str:
    out = []
    for b in blocks:
        kind = b[0]
        if kind in ("h1", "h2", "h3"):
            out.append("#" * int(kind[1]) + " " + b[1])
        elif kind == "p":
            out.append(b[1])
        elif kind == "quote":
            out.append("> " + b[1])
        elif kind == "ul":
            out.append("\n".join(f"- {x}" for x in b[1]))
        elif kind == "table":
            header, rows = b[1], b[2]
            cell = lambda x: str(x).replace("|", "/")  # noqa: E731
            out.append(
                "| "
                + " | ".join(header)
                + " |\n|"
                + "---|" * len(header)
                + "\n"
                + "\n".join("| " + " | ".join(cell(c) for c in r) + " |" for r in rows)
            )
        elif kind == "img":
            out.append(f"![{b[1]}]({b[2].as_posix()})")
        out.append("")
    return "\n".join(out)


def render_html(blocks, root: Path) -> str:
    def inline(text):
        esc = html.escape(text)
        parts = esc.split("**")
        return "".join(f"<strong>{p}</strong>" if k % 2 else p for k, p in enumerate(parts))

    body = []
    for b in blocks:
        kind = b[0]
        if kind in ("h1", "h2", "h3"):
            body.append(f"<{kind}>{html.escape(b[1])}</{kind}>")
        elif kind == "p":
            body.append(f"<p>{inline(b[1])}</p>")
        elif kind == "quote":
            body.append(f"<blockquote>{html.escape(b[1])}</blockquote>")
        elif kind == "ul":
            body.append("<ul>" + "".join(f"<li>{html.escape(x)}</li>" for x in b[1]) + "</ul>")
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
    from orbitcoop import plots
    from orbitcoop.claims import evaluate_claims
    from orbitcoop.sites import list_sites

    say = progress or (lambda msg: print(msg, file=sys.stderr, flush=True))
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    steps = 8
    say(f"[1/{steps}] evaluating claims")
    results = evaluate_claims(claims_path)
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
    ]
    figures = []
    for k, (alt, name, make) in enumerate(makers, start=2):
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
    blocks = build_blocks(results, figures)
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
