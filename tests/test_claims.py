"""The claims engine: verdicts computed from numbers, data that can flip them, clear errors."""

import json
from dataclasses import replace

import pytest

from orbitcoop.claims import VERDICTS, ClaimsFileError, evaluate_claims, load_claims
from orbitcoop.sites import Catalogue, catalogue


@pytest.fixture(scope="module")
def results():
    return {r.id: r for r in evaluate_claims()}


def test_every_claim_has_the_documented_fields(results):
    assert len(results) >= 7
    for r in results.values():
        d = r.to_dict()
        assert set(d) == {"id", "quote", "source", "verdict", "numbers", "explanation", "assumptions"}
        assert d["verdict"] in VERDICTS
        assert set(d["source"]) >= {"publication", "title", "date"}
        assert d["explanation"] and d["numbers"]
        json.dumps(d)


def test_verdicts_follow_the_physics(results):
    # GEO from 30.4° N costs ~420 m/s more than Kourou but only ~50 m/s more than the Cape.
    assert results["tanegashima-too-far-north-for-geo"].verdict == "partly"
    # Latitude buys < 10 m/s for polar orbits; only Tanegashima's flown polar dog-leg (a route in
    # the catalogue) makes the far-north site cheaper, so the claim holds against it alone.
    polar = results["far-north-sites-ideal-for-polar"]
    assert polar.verdict == "partly"
    diffs = {(c["reference"], c["orbit"]): c["difference_m_s"] for c in polar.numbers["comparisons"]}
    assert -10 < diffs[("kourou", "polar")] < 0 and diffs[("tanegashima", "polar")] < -300
    assert "against tanegashima for polar" in polar.explanation
    assert results["russia-china-space-station"].verdict == "contradicted"
    assert results["japanese-astronaut-on-the-moon"].verdict == "outside orbital mechanics"
    assert results["japan-small-reconnaissance-satellites"].verdict == "supported"


def test_explanations_quote_the_numbers(results):
    r = results["tanegashima-too-far-north-for-geo"]
    diffs = {c["reference"]: c["difference_m_s"] for c in r.numbers["comparisons"]}
    assert diffs["kourou"] > 300 and 0 < diffs["cape-canaveral"] < 100
    assert f"{abs(diffs['kourou']):.0f} m/s more than kourou" in r.explanation


def test_changing_site_data_flips_a_verdict():
    # Move Tanegashima to the equator: the GEO claim is then contradicted by the same code.
    cat = catalogue()
    moved = replace(cat.get("tanegashima"), latitude_deg=0.5)
    sites = [moved if s.id == "tanegashima" else s for s in cat]
    flipped = {r.id: r for r in evaluate_claims(catalogue=Catalogue(sites))}
    assert flipped["tanegashima-too-far-north-for-geo"].verdict == "contradicted"


def test_user_claims_file(tmp_path):
    p = tmp_path / "mine.toml"
    p.write_text("""
[[claim]]
id = "kourou-cheaper-than-baikonur-for-geo"
quote = "Kourou beats Baikonur for GEO"
[claim.source]
publication = "me"
title = "notes"
date = "2026-11-21"
[claim.question]
metric = "dv_difference"
site = "kourou"
references = ["baikonur"]
orbits = ["geo"]
comparison = "less"
threshold_m_s = 300
""")
    (r,) = evaluate_claims(p)
    assert r.verdict == "supported"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (
            'quote = "q"\n[claim.source]\npublication = "p"\ntitle = "t"\ndate = "d"\n[claim.question]\nmetric = "x"\n',
            ["claim #0 (id 'c1')", "metric 'x'"],
        ),
        (
            'quote = "q"\n[claim.source]\npublication = "p"\ntitle = "t"\n[claim.question]\nmetric = "policy"\n',
            ["claim #0 (id 'c1') source", "missing field 'date'"],
        ),
        (
            'quote = "q"\n[claim.source]\npublication = "p"\ntitle = "t"\ndate = "d"\n[claim.question]\n'
            'metric = "reachable"\nsites = ["tanegashma"]\norbits = ["iss"]\nexpect = true\n',
            ["claim #0 (id 'c1') question", "unknown launch site 'tanegashma'", "tanegashima"],
        ),
        (
            'quote = "q"\n[claim.source]\npublication = "p"\ntitle = "t"\ndate = "d"\n[claim.question]\n'
            'metric = "spread"\nsites = ["kourou", "wenchang"]\norbits = ["leo:400"]\nthreshold_m_s = 5\n',
            ["orbit 'leo:400'"],
        ),
        (
            'quote = "q"\n[claim.source]\npublication = "p"\ntitle = "t"\ndate = "d"\n[claim.question]\n'
            'metric = "spread"\nsites = ["kourou", "wenchang"]\norbits = ["iss"]\nthreshold_m_s = -5\n',
            ["threshold_m_s = -5.0"],
        ),
    ],
)
def test_malformed_claims_name_entry_and_field(tmp_path, body, words):
    p = tmp_path / "bad.toml"
    p.write_text('[[claim]]\nid = "c1"\n' + body)
    with pytest.raises(ClaimsFileError) as err:
        load_claims(p)
    for w in words:
        assert w in str(err.value)


def test_not_toml_and_missing_file(tmp_path):
    p = tmp_path / "x.toml"
    p.write_text("[[claim]\n")
    with pytest.raises(ClaimsFileError, match="not valid TOML"):
        load_claims(p)
    with pytest.raises(ClaimsFileError, match="cannot read"):
        load_claims(tmp_path / "missing.toml")


def test_payload_claims(results):
    tonnes = results["tanegashima-geo-penalty-in-tonnes"]
    assert tonnes.verdict == "supported"
    row = tonnes.numbers["payloads"][0]
    assert row["vehicle"] == "h-iia-202" and row["difference_pct"] < -10
    # H3-30 lifts more to SSO from Tanegashima than Vega-C from Kourou: it can stand in.
    h3 = results["h3-alternative-to-vega"]
    assert h3.verdict == "supported" and "h3-30" in h3.explanation
    soyuz = results["soyuz-vostochny-vs-kourou"]
    assert soyuz.verdict == "partly"  # like Baikonur, far from Kourou


def test_payload_claim_with_unknown_vehicle_is_a_clear_error(tmp_path):
    p = tmp_path / "c.toml"
    p.write_text(
        '[[claim]]\nid = "x"\nquote = "q"\n[claim.source]\npublication = "p"\ntitle = "t"\ndate = "d"\n'
        '[claim.question]\nmetric = "payload_covers"\nvehicle = "h4"\nsite = "kourou"\n'
        'reference_vehicle = "vega"\nreference_site = "kourou"\norbits = ["sso:700"]\n'
    )
    with pytest.raises(ClaimsFileError, match="vehicle: unknown vehicle 'h4'"):
        load_claims(p)


def test_payload_claim_waits_for_missing_vehicle_data(tmp_path, monkeypatch):
    # A vehicle whose upper-stage Isp is not published (here PSLV-XL without its PS4 figure, as the
    # catalogue had it before a source was found): the claim says so, no number is made up.
    from orbitcoop.vehicles import get_vehicle, vehicles

    v = get_vehicle("pslv-xl")
    stages = tuple(replace(s, isp_vac_s=None) if s.id == "ps4" else s for s in v.stages)
    monkeypatch.setitem(vehicles(), "pslv-xl", replace(v, stages=stages))
    p = tmp_path / "c.toml"
    p.write_text(
        '[[claim]]\nid = "pslv"\nquote = "q"\n[claim.source]\npublication = "p"\ntitle = "t"\ndate = "d"\n'
        '[claim.question]\nmetric = "payload_covers"\nvehicle = "pslv-xl"\nsite = "satish-dhawan"\n'
        'reference_vehicle = "h-iia-202"\nreference_site = "tanegashima"\norbits = ["gto"]\n'
    )
    (r,) = evaluate_claims(p)
    assert r.verdict == "needs vehicle model" and "pslv-xl" in r.explanation and "lacks" in r.explanation
