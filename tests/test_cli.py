"""The command line: tables, --json, errors on stderr with a non-zero exit code."""

import json

import pytest

from orbitcoop.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_sites_table_and_json(capsys):
    code, out, _ = run(capsys, "sites")
    assert code == 0 and "tanegashima" in out and "corridor / inclination limits" in out
    code, out, _ = run(capsys, "sites", "--json", "--status", "retired")
    rows = json.loads(out)
    assert rows and all(r["status"] == "retired" for r in rows)


def test_assess_table_and_json(capsys):
    code, out, _ = run(capsys, "assess", "tanegashima", "geo")
    assert code == 0 and "gto split" in out and "penalty" in out
    code, out, _ = run(capsys, "assess", "vostochny", "sso:700", "--json")
    d = json.loads(out)
    assert d["site"] == "vostochny" and d["direct"] is True and d["dv_m_s"]["total"] > 7000


@pytest.mark.parametrize(
    "orbit",
    [
        "iss",
        "tiangong",
        "geo",
        "gto",
        "gps",
        "glonass",
        "galileo",
        "beidou",
        "molniya",
        "tli",
        "polar",
        "leo:400:51.6",
        "sso:700",
        "gto:250:35786",
    ],
)
def test_compare_accepts_every_orbit_form(capsys, orbit):
    code, out, _ = run(capsys, "compare", orbit, "--sites", "kourou,tanegashima", "--json")
    assert code == 0
    assert {r["site"] for r in json.loads(out)} == {"kourou", "tanegashima"}


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["assess", "tanegashma", "iss"], ["unknown launch site", "tanegashima"]),
        (["assess", "kourou", "leo:400:200"], ["inclination = 200", "0–180°"]),
        (["assess", "kourou", "leo:-50:51.6"], ["below the surface"]),
        (["compare", "nonsense"], ["unknown orbit"]),
        (["report", "--out", "/proc/orbitcoop-report"], ["/proc/orbitcoop-report"]),
    ],
)
def test_errors_go_to_stderr(capsys, argv, words):
    code, out, err = run(capsys, *argv)
    assert code != 0 and out == ""
    for w in words:
        assert w in err


def test_sweep_writes_netcdf(capsys, tmp_path):
    import xarray as xr

    path = tmp_path / "grid.nc"
    code, out, _ = run(
        capsys, "sweep", "--sites", "kourou,baikonur", "--inclination", "0:90:30", "--altitude", "400", "--vehicle",
        "vega-c", "--out", str(path),
    )  # fmt: skip
    assert code == 0 and "4 inclination" in out
    ds = xr.load_dataset(path)
    assert list(ds.inclination.values) == [0.0, 30.0, 60.0, 90.0] and ds.payload_kg.dims[0] == "vehicle"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--inclination", "0:18x", "--altitude", "400"], ["--inclination", "START:STOP:STEP"]),
        (["--inclination", "10:0:1", "--altitude", "400"], ["STOP >= START"]),
        (["--inclination", "0:190:10", "--altitude", "400"], ["inclination = 190"]),
        (["--sites", "nowhere", "--inclination", "0", "--altitude", "400"], ["unknown launch site"]),
    ],
)
def test_sweep_errors_are_one_line(capsys, tmp_path, argv, words):
    code, out, err = run(capsys, "sweep", *argv, "--out", str(tmp_path / "g.nc"))
    assert code == 2 and out == "" and err.count("\n") == 1 and err.startswith("orbitcoop: error: ")
    for w in words:
        assert w in err


def test_payload_distribution_and_can_launch_from_the_command_line(capsys):
    # Issue 16.3: the payload as a distribution and the probability of lifting a mass, in the CLI.
    import json

    assert main(["payload", "vega-c", "sso:700", "--samples", "500", "--mass", "2000", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)["distribution"]
    assert d["samples"] == 500 and d["p10_kg"] < d["p50_kg"] < d["p90_kg"] and 0.0 < d["probability"] < 1.0
    assert main(["can-launch", "3000", "sso:700", "--vehicles", "vega-c,falcon-9", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["vehicle"] for r in rows} == {"vega-c", "falcon-9"} and all(0.0 <= r["probability"] <= 1.0 for r in rows)
    for argv in (["payload", "vega-c", "sso:700", "--mass", "5"], ["can-launch", "3000", "iss", "--vehicles", ","]):
        assert main(argv) == 2
        assert capsys.readouterr().err.startswith("orbitcoop: error: ")


def test_one_shot_commands_run_plain_python_kernels_with_the_same_answers():
    # Issue 16.1: a one-shot `orbitcoop assess` spent ~0.2 s loading numba's compiled kernels for a
    # handful of points; it now runs them as plain Python. The output must not change.
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    env = {k: v for k, v in os.environ.items() if k != "NUMBA_DISABLE_JIT"} | {"PYTHONPATH": str(root)}
    for args in (["assess", "vostochny", "sso:700", "--json"], ["compare", "geo", "--json"]):
        outs = [
            subprocess.run(
                [sys.executable, "-m", "orbitcoop", *args], env=env | extra, capture_output=True, text=True, timeout=300
            )
            for extra in ({}, {"ORBITCOOP_JIT": "1"})
        ]
        assert all(o.returncode == 0 for o in outs), [o.stderr[-500:] for o in outs]
        assert outs[0].stdout == outs[1].stdout


def test_tables_print_zero_not_minus_zero():
    from orbitcoop.terminal import table

    text = table([{"x": -0.3, "y": -1e-9}], [("x", "x", "+.0f"), ("y", "y", ".2f")])
    assert "-0" not in text and "+0" in text and "0.00" in text
