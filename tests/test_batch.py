"""assess_many / payload_many against compare / payload_table, and strategy_codes against describe."""

import math

import numpy as np
import pandas as pd
import pytest

import orbitcoop
from orbitcoop.assessment import compare, describe, plan_pairs
from orbitcoop.batch import STRATEGIES, strategy_codes
from orbitcoop.errors import InputRangeError
from orbitcoop.orbits import TargetOrbit, as_target
from orbitcoop.payloads import payload_table
from orbitcoop.sites import get_site, list_sites

SITES = ["kourou", "baikonur", "tanegashima", "vandenberg", "vostochny"]
ORBITS = ["iss", "geo", "gto", "sso:700", "polar", "tli", "leo:500:45"]


def test_assess_many_rows_equal_compare_rows():
    rng = np.random.default_rng(1)
    rows = pd.DataFrame({"site": rng.choice(SITES, 300), "orbit": rng.choice(ORBITS, 300)}, index=range(10, 310))
    got = orbitcoop.assess_many(rows)
    assert list(got["index"]) == list(rows.index)
    ref = compare(SITES, ORBITS).set_index(["site", "orbit"])
    orbit_ids = {o: as_target(o).id or as_target(o).name for o in ORBITS}
    want = ref.loc[list(zip(rows["site"], rows["orbit"].map(orbit_ids), strict=True))].reset_index()
    cols = list(ref.reset_index().columns)
    pd.testing.assert_frame_equal(got[cols], want[cols])
    assert list(got.columns) == ["index", *cols, "parking_altitude_km"]


def test_assess_many_parking_altitudes_match_assess():
    rows = {
        "site": ["kourou", "kourou", "baikonur"],
        "orbit": ["geo", "geo", "iss"],
        "parking_altitude_km": [250, 180, 250],
    }
    got = orbitcoop.assess_many(rows)
    import astropy.units as u

    for k in range(3):
        a = orbitcoop.assess(rows["site"][k], rows["orbit"][k], rows["parking_altitude_km"][k] * u.km)
        assert got.loc[k, "total_dv_m_s"] == a.total_dv.to_value("m/s")
        assert got.loc[k, "strategy"] == a.strategy


@pytest.mark.parametrize(
    "rows, match",
    [
        ({"site": ["kourou"]}, "missing: orbit"),
        ({"site": ["kourou"], "orbit": [None]}, "missing"),
        ({"site": ["kourou"], "orbit": ["geo"], "parking_altitude_km": [-5.0]}, "parking_altitude_km = -5"),
    ],
)
def test_assess_many_rejects_bad_rows(rows, match):
    with pytest.raises(InputRangeError, match=match):
        orbitcoop.assess_many(rows)


def test_assess_many_empty():
    assert orbitcoop.assess_many({"site": [], "orbit": []}).empty


def test_strategy_codes_match_describe_pair_by_pair():
    sites = [s for s in list_sites(status="active")]
    rng = np.random.default_rng(2)
    targets = [as_target(o) for o in ORBITS]
    targets += [
        TargetOrbit("c", a, a, i) for a, i in zip(rng.uniform(150, 3000, 40), rng.uniform(0, 180, 40), strict=True)
    ]
    ps = [s for s in sites for _ in targets]
    po = targets * len(sites)
    plan = plan_pairs(ps, po, 200.0, 100000.0)
    codes = strategy_codes(plan, np.array([o.apogee_altitude_km for o in po]), np.array([o.geostationary for o in po]))
    words = [STRATEGIES[c] for c in codes]
    assert words == [describe(k, plan, s, o).strategy for k, (s, o) in enumerate(zip(ps, po, strict=True))]
    assert len(set(words)) >= 5  # the grid exercises most of the rules


def test_payload_many_matches_payload_table():
    rows = pd.DataFrame(
        {
            "vehicle": ["vega-c", "soyuz-2.1b-fregat", "vega-c", "vega-c"],
            "site": ["kourou", "baikonur", "Kourou", "kourou"],
            "orbit": ["sso:700", "geo", "sso:700", "geo"],
        }
    )
    got = orbitcoop.payload_many(rows)
    for k, r in rows.iterrows():
        ref = payload_table([r["vehicle"]], [r["site"]], [r["orbit"]]).iloc[0]
        assert got.loc[k, "site"] == ref["site"] and got.loc[k, "payload_kg"] == ref["payload_kg"]
        assert got.loc[k, "reason"] == ref["reason"]
    assert got.loc[0, "payload_kg"] == got.loc[2, "payload_kg"]


def test_payload_many_refuses_a_parking_altitude():
    with pytest.raises(InputRangeError, match="parking"):
        orbitcoop.payload_many(
            {"vehicle": ["vega-c"], "site": ["kourou"], "orbit": ["geo"], "parking_altitude_km": [300]}
        )


def test_strategy_legend_names_every_code():
    from orbitcoop.batch import STRATEGY_LEGEND

    assert all(f"{k}: {s.value}" in STRATEGY_LEGEND for k, s in enumerate(STRATEGIES))
    assert not math.isnan(get_site("kourou").latitude_deg)


def test_plan_of_many_pairs_equals_plans_of_one_pair():
    """plan_pairs works per distinct (site, speed) and (site, inclination): batching must not change a bit."""
    import dataclasses

    sites = list_sites()
    targets = [as_target(o) for o in [*ORBITS, "c3:12", "c3:5:30", "gtodv:1500", "molniya"]]
    targets += [TargetOrbit("c", 150.0, 150.0, 97.0), TargetOrbit("c", 35786.0, 35786.0, 0.0)]
    ps, po = [s for s in sites for _ in targets], targets * len(sites)
    many = plan_pairs(ps, po, 180.0, 100000.0)
    for k in range(0, len(ps), 7):
        one = plan_pairs([ps[k]], [po[k]], 180.0, 100000.0)
        for f in dataclasses.fields(one):
            assert np.array_equal(getattr(many, f.name)[k : k + 1], getattr(one, f.name), equal_nan=True), f.name
