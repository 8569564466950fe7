"""Generated documentation stays in step with the data."""

import re
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
    # docs/validation.md quotes tools/ascent_experiment.py, filled in by make_docs from the tool's own
    # functions: the ascent loss it finds grows by about 300 m/s from H-IIA 202's 4 t GTO
    # calibration to its 10 t LEO point, and the doc says by how much exactly.
    sys.path.insert(0, str(ROOT / "tools"))
    import ascent_experiment as ax

    from orbitcoop.vehicles import get_vehicle

    v = get_vehicle("h-iia-202")
    grows = ax.ascent_loss(v, 10000.0) - ax.ascent_loss(v, 4000.0)
    assert 290.0 < grows < 320.0
    assert f"grows by {grows:.0f} m/s" in (ROOT / "docs" / "validation.md").read_text().replace("\n", " ")


#: Figures with a unit typed into a template: none may be, but for these (a goal is not a result).
TYPED_ALLOWED = {"5 %", "15 %"}


@pytest.mark.parametrize("template", sorted((ROOT / "docs" / "templates").glob("*.md")), ids=lambda p: p.name)
def test_templates_type_no_figure(template):
    # Every figure of a generated doc comes from the data or a computation through a $placeholder
    # (tools/make_docs.py), so none goes stale; the schema example of claims.md is TOML, not prose.
    text = template.read_text(encoding="utf-8").split("```")
    prose = "".join(text[::2])
    typed = set(re.findall(r"(?<![\w.$-])\d[\d,.]*\s?(?:%|°|km/s|km|m/s|kg|kN|t\b)", prose))
    assert typed <= TYPED_ALLOWED, typed - TYPED_ALLOWED


def test_report_and_docs_render_markdown_alike():
    # orbitcoop.markdown is the one Markdown writer: the report uses it (no copy of its own).
    from orbitcoop import markdown, report
    from orbitcoop.claims import evaluate_claims

    blocks = [*report.claims_blocks(evaluate_claims()), ("table", ["a", "b"], []), ("table", ["a"], [["x|y"]])]
    assert report.render_markdown is markdown.render_markdown
    assert "| x/y |" in markdown.render_markdown(blocks)
