"""The report: files written, atomically replaced, stale ones removed, nothing else touched."""

import json
import re

from orbitcoop.cli import main
from orbitcoop.report import MANIFEST, write_report


def test_report_twice_is_clean(tmp_path):
    out = tmp_path / "rep"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    messages = []
    paths = write_report(out, progress=messages.append)
    assert messages[0].startswith("[1/") and messages[-1].startswith("[11/11]")
    md = (out / "report.md").read_text()
    html = (out / "report.html").read_text()
    # Payload what-ifs carry their Monte Carlo 10-90 % range (issue 16.3).
    assert "10–90 % range of 2,000 Monte Carlo draws" in md
    assert "tanegashima-too-far-north-for-geo" in md and "| statement | kind | verdict | margin or key numbers |" in md
    # A journalist's report: per article a bottom line, per statement the tested question, the flip
    # point and what else decides it, and a glossary.
    for words in ("**Question tested.**", "**Where it would flip.**", "**What else decides it.**", "## Glossary"):
        assert words in md
    assert "statements checked" in md and "<strong>Verdict: supported.</strong>" in html
    assert "data:image/png;base64," in html and html.count("<figure>") == 9
    for name in (
        "geo_penalty.png",
        "dv_vs_inclination.png",
        "corridors.png",
        "latitude_map.png",
        "payload_validation.png",
        "launch_windows.png",
        "dv_vs_time.png",
        "cheapest_site.png",
        "payload_map.png",
    ):
        assert (out / "figures" / name).read_bytes()[:4] == b"\x89PNG"
    # Launch windows (issue 15) for the articles' stations, from fixed element sets, with sentences
    # computed from them: Jiuquan and Wenchang pass under Tiangong's plane, Vostochny never does.
    section = md.split("## Launch windows")[1].split("## Figures")[0]
    assert "Over the 7 days from 2019-12-09" in section and "Over the 7 days from 2023-09-07" in section
    assert "jiuquan (41.0° N, 16 windows" in section and "At vostochny (51.9° N" in section
    # A stale file listed in the manifest goes; the user's own file stays; no temporaries remain.
    (out / "figures" / "old.png").write_bytes(b"x")
    manifest = json.loads((out / MANIFEST).read_text())
    manifest["files"].append("figures/old.png")
    (out / MANIFEST).write_text(json.dumps(manifest))
    write_report(out, progress=lambda m: None)
    assert not (out / "figures" / "old.png").exists()
    assert (out / "notes.txt").read_text() == "mine"
    assert not [p for p in out.rglob("*") if p.name.startswith(".") and p.name != MANIFEST]
    assert set(paths) == set(json.loads((out / MANIFEST).read_text())["files"])


def test_cli_claims_and_report(tmp_path, capsys):
    assert main(["claims"]) == 0
    out = capsys.readouterr().out
    # One verdict per statement since issue 14: the Tanegashima statement (once 'partly' against the
    # Cape) is read against an equatorial site and is supported; the JSON gains kind, margin, flip...
    assert "tanegashima-too-far-north-for-geo" in out and "supported" in out
    assert main(["claims", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"id", "quote", "source", "verdict", "numbers", "explanation", "assumptions"} <= set(rows[0])
    assert {"kind", "speaker", "reading", "margin", "flip", "payload", "what_else", "questions"} <= set(rows[0])
    assert main(["report", "--out", str(tmp_path / "r")]) == 0
    assert (tmp_path / "r" / "report.html").exists()
    assert main(["claims", "--file", str(tmp_path / "nope.toml")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_window_section_is_computed_and_deterministic():
    from orbitcoop.window_section import window_blocks, window_week

    week = window_week()
    iss = week["iss"][2]
    # Vostochny (51.9° N) never passes under the ISS plane (51.64°): one closest approach a day; the
    # others two windows a day, coming ~23 min earlier each day (23.4 min/day: docs/windows.md, CRS-19).
    assert set(iss.loc[iss["site"] == "vostochny", "direction"]) == {"closest"}
    assert {"north", "south"} == set(iss.loc[iss["site"] == "tanegashima", "direction"])
    text = " ".join(b[1] for b in window_blocks(week) if b[0] == "p")
    assert "The windows come 23 min earlier each day" in text
    assert text == " ".join(b[1] for b in window_blocks(window_week()) if b[0] == "p")
    # Each fixed node is checked against a published lift-off on it: Progress MS-13 from Baikonur
    # (09:34:11 UTC, 3 days before the ISS elements) and Shenzhou-17 from Jiuquan (03:14:02 UTC, 49 days
    # after the Tianhe elements), both within a minute of the model's window.
    checks = re.findall(r"lifted off at \d\d:\d\d:\d\d, (\d+) s (?:earlier|later)", text)
    assert len(checks) == 2 and all(int(x) < 90 for x in checks)
    # Jiuquan is Tiangong's cheapest site; Baikonur and Vostochny pay a plane change of over 1 km/s.
    tg = week["tiangong"][2]
    closest = tg.groupby("site")["dv_m_s"].min()
    assert closest["baikonur"] - closest["jiuquan"] > 1000 and closest["vostochny"] - closest["jiuquan"] > 1000
