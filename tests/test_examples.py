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
