"""Generated documentation stays in step with the data."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow  # regenerates every document (make_docs --check)
def test_catalogue_doc_is_current():
    out = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_docs.py"), "--check"], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_ascent_experiment_quoted_in_validation_doc():
    # docs/validation.md quotes tools/ascent_experiment.py: the ascent loss it finds grows by about
    # 300 m/s from H-IIA 202's 4 t GTO calibration to its 10 t LEO point.
    sys.path.insert(0, str(ROOT / "tools"))
    import ascent_experiment as ax

    from orbitcoop.vehicles import get_vehicle

    v = get_vehicle("h-iia-202")
    grows = ax.ascent_loss(v, 10000.0) - ax.ascent_loss(v, 4000.0)
    assert 290.0 < grows < 320.0
    assert "grows by 304 m/s" in (ROOT / "docs" / "validation.md").read_text().replace("\n", " ")
