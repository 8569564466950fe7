"""Architecture checks that run with the tests: the import-linter contracts and the no-JIT path."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold():
    # pyproject.toml: orbitcoop.core never imports astropy/pandas/boinor/matplotlib; layers cli > api > core.
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    out = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "broken" in out.stdout and "0 broken" in out.stdout


def test_ruff_lint_and_format():
    exe = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    paths = ["orbitcoop", "tests", "benchmarks", "examples", "tools"]
    for args in (["check", *paths], ["format", "--check", *paths]):
        out = subprocess.run([exe, *args], cwd=ROOT, capture_output=True, text=True)
        assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-1000:]


@pytest.mark.slow  # a pytest subprocess
def test_pure_python_path_matches_the_twins():
    """NUMBA_DISABLE_JIT=1 runs the kernels as plain Python: a small subset must still agree."""
    env = dict(os.environ, NUMBA_DISABLE_JIT="1")
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        str(ROOT / "tests" / "test_twins.py"),
        str(ROOT / "tests" / "test_published.py"),
        "-k",
        "geodesy or azimuths or gto_geo or sso or hohmann or ground_azimuth",
    ]
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert " passed" in out.stdout


def test_jit_flag_reports_state():
    from orbitcoop.core.jit import JIT_ENABLED

    assert JIT_ENABLED is (os.environ.get("NUMBA_DISABLE_JIT", "0") in ("0", ""))


PACKAGE = ROOT / "orbitcoop"
MAX_MODULE_LINES = 500
# Private names imported across modules, each with the reason it is not fixed yet.
PRIVATE_IMPORTS_ALLOWED: set[tuple[str, str, str]] = set()  # none: every shared name is public


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        yield path, ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_no_module_is_longer_than_the_limit():
    long = {name: n for path, name in _modules() if (n := len(path.read_text().splitlines())) > MAX_MODULE_LINES}
    assert not long, f"split these modules (over {MAX_MODULE_LINES} lines): {long}"


def test_no_module_imports_a_private_name_of_another():
    import ast

    found = set()
    for path, name in _modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("orbitcoop"):
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__") and node.module != name:
                        found.add((name, node.module, alias.name))
    assert found <= PRIVATE_IMPORTS_ALLOWED, sorted(found - PRIVATE_IMPORTS_ALLOWED)


def test_layers_contract_names_every_top_level_module():
    import tomllib

    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    (layers,) = [c["layers"] for c in contracts if c["type"] == "layers"]
    named = {m.strip() for layer in layers for m in layer.replace(":", "|").split("|")}
    top = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"} | {
        p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()
    }
    assert {f"orbitcoop.{m}" for m in top} == named


def test_catalogues_load_without_numba():
    # The catalogues need no kernels: orbitcoop.core's package imports nothing (each user imports its kernels).
    code = "import sys, orbitcoop.sites, orbitcoop.vehicles; print('numba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_no_submodule_is_named_like_a_public_function():
    # Importing orbitcoop.<name> sets the package attribute <name> to the module, replacing the
    # lazily loaded function of that name (hence payloads.py and losses.py, not payload.py/calibration.py).
    import orbitcoop

    clashes = {p.stem for p in PACKAGE.glob("*.py")} & (set(orbitcoop._PUBLIC) - {"orbits"})
    assert not clashes
