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
