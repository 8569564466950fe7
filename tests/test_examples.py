"""Every example script runs and prints its findings with numbers."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.py"))


def test_there_is_an_example_per_article():
    names = {p.stem for p in EXAMPLES}
    assert {
        "japan_russia_vostochny",
        "italy_japan_vega_h3",
        "japan_us_policy",
        "us_japan_framework",
        "china_russia",
        "geo_penalty_by_latitude",
        "station_windows",
    } <= names


@pytest.mark.slow  # one subprocess per example
@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.stem)
def test_example_runs(script):
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert re.search(r"\d+ m/s", out.stdout)


def test_vostochny_example_sentences_match_its_numbers():
    # Issue 14: the example printed "under 10 m/s" next to -874 m/s and "only GEO changes" next to
    # SSO -874 and ISS -439. Its summary line must list exactly the orbits its own numbers put beyond
    # the threshold it names.
    script = next(p for p in EXAMPLES if p.stem == "japan_russia_vostochny")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300).stdout
    deltas = dict(re.findall(r"^   (\S.*?\S)\s+Vostochny ([+-]\d+) m/s versus Tanegashima", out, re.M))
    (line,) = [x for x in out.splitlines() if "Beyond ±" in x]
    limit = float(re.search(r"Beyond ±(\d+) m/s", line)[1])
    assert deltas
    for orbit, d in deltas.items():
        assert (orbit in line) == (abs(float(d)) >= limit), (orbit, d, line)
    assert "under 10 m/s" not in out and "Only GEO" not in out


def _run(stem):
    script = next(p for p in EXAMPLES if p.stem == stem)
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300).stdout


def test_direct_means_no_turn_in_the_examples():
    # Tanegashima reaches the ISS and SSO planes only by a dog-leg (its flown routes): the examples
    # once printed 'direct=True' and 'Direct: tanegashima' next to a 435 m/s turn.
    out = _run("us_japan_framework")
    (line,) = [x for x in out.splitlines() if "Direct (no turn):" in x]
    assert "tanegashima" not in line.split("A turn needed")[0] and "tanegashima (dogleg" in line
    assert "3 of 4 site–orbit pairs are reached directly" in _run("japan_us_policy")


def test_windows_example_reads_its_numbers():
    out = _run("station_windows")
    assert "The window comes 23 min earlier each day" in out
    m = re.search(r"closest approach costs (\d+) m/s, \+(\d+) m/s against China's own windows", out)
    assert m and int(m[2]) > 1000
    assert "Jiuquan flies it directly" in _run("china_russia")
