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
