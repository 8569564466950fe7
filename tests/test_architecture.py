"""Architecture checks that run with the tests: the import-linter contracts and the no-JIT path."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

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
