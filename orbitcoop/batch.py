"""Many rows at once: :func:`assess_many` and :func:`payload_many`, one output row per input row.

Input rows repeat: 10⁵ rows of a mission list name a few dozen sites and orbits. Both
functions factorise the rows into their unique (site, orbit[, parking altitude]) pairs,
evaluate those once through the vectorised engine (one :func:`orbitcoop.assessment.plan_pairs`
call per parking altitude; :func:`orbitcoop.payload_table` per vehicle) and broadcast the
results back with one ``take`` per column: no Python loop over rows.

>>> df = assess_many({"site": ["kourou", "baikonur", "kourou"], "orbit": ["geo", "iss", "geo"]})
>>> list(df["site"]), list(df["strategy"])
(['kourou', 'baikonur', 'kourou'], ['gto split', 'direct', 'gto split'])

:func:`strategy_codes` is the strategy of :func:`orbitcoop.assessment.describe` as an integer
array over a whole :class:`~orbitcoop.assessment.Plan` (the code of each word is its position
in :class:`orbitcoop.outcomes.Strategy`), for grids too large to describe pair by pair.
"""

from __future__ import annotations

import numpy as np

from orbitcoop.assessment import R_EQ, compare_row, plan_pairs
from orbitcoop.defaults import DEFAULT_MAX_APOGEE_ALTITUDE, DEFAULT_PARKING_ALTITUDE
from orbitcoop.errors import InputRangeError
from orbitcoop.outcomes import Strategy
from orbitcoop.reach import REACH_TOLERANCE_RAD

#: Strategy words in code order: ``STRATEGIES[code]``.
STRATEGIES = tuple(Strategy)
_CODE = {s: k for k, s in enumerate(STRATEGIES)}
#: ``"0: direct; 1: plane change; ..."``: the legend written into datasets (a string, so NetCDF keeps it).
STRATEGY_LEGEND = "; ".join(f"{k}: {s.value}" for k, s in enumerate(STRATEGIES))

_PARKING_KM = float(DEFAULT_PARKING_ALTITUDE.to_value("km"))
_MAX_APOGEE_KM = float(DEFAULT_MAX_APOGEE_ALTITUDE.to_value("km"))


def strategy_codes(plan, apogee_km, geostationary) -> np.ndarray:
    """The strategy of every pair of ``plan`` as int8 codes into :data:`STRATEGIES`.

    The same rules as :func:`orbitcoop.assessment.describe` (tests/test_batch.py checks them pair
    by pair): direct unless the plane is turned or a flown route is charged; a turn is a plane
    change, or a dogleg where the corridor forces part of it; a turned transfer to a higher orbit
    splits it (``gto split`` to GEO), unless the supersynchronous transfer is cheaper.
    ``apogee_km`` and ``geostationary``: the target orbits' apogee altitude and GEO flag (arrays
    broadcasting against the plan).
    """
    turned = plan.di >= REACH_TOLERANCE_RAD
    base = np.where(plan.dogleg == 0.0, _CODE[Strategy.PLANE_CHANGE], _CODE[Strategy.DOGLEG])
    split = np.where(plan.dogleg == 0.0, _CODE[Strategy.PLANE_CHANGE_SPLIT], _CODE[Strategy.DOGLEG_SPLIT])
    higher = plan.r1 < R_EQ + np.asarray(apogee_km) * 1e3 - 1.0
    code = np.where(~turned & ~(plan.route > 0.0), _CODE[Strategy.DIRECT], base)
    code = np.where(
        turned & ~plan.use_ss & ~plan.escape & higher, np.where(geostationary, _CODE[Strategy.GTO_SPLIT], split), code
    )
    code = np.where(turned & plan.use_ss, _CODE[Strategy.SUPERSYNCHRONOUS], code)
    return code.astype(np.int8)


def _columns(rows, required, optional=()):
    """``{name: 1-d array}`` of a DataFrame or a mapping of arrays/lists, and the input index."""
    import pandas as pd

    df = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(dict(rows))
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise InputRangeError(f"rows need the columns {', '.join(required)}; missing: {', '.join(missing)}")
    cols = {c: df[c].to_numpy() for c in (*required, *optional) if c in df.columns}
    return cols, df.index


def _codes(values):
    """Codes into the unique values of a 1-d object array, and those values (first-seen order)."""
    import pandas as pd

    codes, uniques = pd.factorize(values, sort=False)
    if (codes < 0).any():
        raise InputRangeError("rows have a missing (None/NaN) site, orbit or vehicle")
    return codes, list(uniques)


def _parking_codes(cols, n):
    """Codes into the unique parking altitudes [km] of the rows, and the checked altitudes."""
    import astropy.units as u

    from orbitcoop._inputs import ALTITUDE_RANGE, MAX_ALTITUDE_KM, values

    if "parking_altitude_km" not in cols:
        return np.zeros(n, dtype=np.int64), [_PARKING_KM]
    km = values(
        np.asarray(cols["parking_altitude_km"], dtype=np.float64) << u.km,
        "km",
        "parking_altitude_km",
        0.0,
        MAX_ALTITUDE_KM,
        ALTITUDE_RANGE,
    )
    uniq, codes = np.unique(km, return_inverse=True)
    return codes.reshape(-1), [float(x) for x in uniq]


def assess_many(rows, max_apogee_altitude=DEFAULT_MAX_APOGEE_ALTITUDE):
    """:func:`orbitcoop.compare`'s row for each input row, evaluated once per unique pair.

    ``rows``: a DataFrame, or a mapping of equal-length arrays/lists, with columns ``site``,
    ``orbit`` (anything :func:`orbitcoop.assess` takes) and optionally ``parking_altitude_km``
    (plain floats; default 200 km). The result has the input's ``index`` first, then compare's
    columns and ``parking_altitude_km``, in input order.

    >>> assess_many({"site": ["kourou"], "orbit": ["sso:700"], "parking_altitude_km": [250.0]}).loc[0, "strategy"]
    'direct'
    """
    import pandas as pd

    from orbitcoop._inputs import altitude_km, as_sites
    from orbitcoop.orbits import as_target

    cols, index = _columns(rows, ("site", "orbit"), ("parking_altitude_km",))
    n = len(index)
    s_code, s_uniq = _codes(cols["site"])
    o_code, o_uniq = _codes(cols["orbit"])
    p_code, p_uniq = _parking_codes(cols, n)
    # An empty table is an empty answer (as_sites refuses an empty list: for compare it is a mistake).
    sites, orbits = (as_sites(s_uniq) if len(s_uniq) else []), [as_target(o) for o in o_uniq]
    max_apo = altitude_km(max_apogee_altitude, "max_apogee_altitude")
    # One key per row; the unique keys are the pairs to evaluate.
    key = (p_code * len(s_uniq) + s_code) * len(o_uniq) + o_code
    keys, inverse = np.unique(key, return_inverse=True)
    ko, rest = np.divmod(keys, len(o_uniq))[::-1]
    kp, ks = np.divmod(rest, len(s_uniq))
    table = []
    for parking in np.unique(kp):
        sel = np.flatnonzero(kp == parking)
        ps, po = [sites[j] for j in ks[sel]], [orbits[j] for j in ko[sel]]
        plan = plan_pairs(ps, po, p_uniq[parking], max_apo)
        for k, (s, o) in enumerate(zip(ps, po, strict=True)):
            row = compare_row(k, plan, s, o)
            row["parking_altitude_km"], row["_key"] = p_uniq[parking], int(sel[k])
            table.append(row)
    # Rows of `table` follow np.unique(kp) then sel: put them back in key order before broadcasting.
    order = [t.pop("_key") for t in table]
    unique_df = pd.DataFrame(table)
    unique_df.index = order
    unique_df = unique_df.sort_index()
    out = unique_df.take(inverse.reshape(-1)).reset_index(drop=True)
    out.insert(0, "index", index)
    return out


def payload_many(rows):
    """:func:`orbitcoop.payload_table`'s row for each input row (columns ``vehicle``, ``site``, ``orbit``).

    One :func:`orbitcoop.payload_table` call per unique vehicle, over its unique sites × orbits,
    then broadcast back. The payload model flies from its own parking orbit (200 km): a
    ``parking_altitude_km`` column is not accepted. Vehicles the model cannot estimate (missing
    data) get NaN payloads and the reason ``"no estimate"``.

    >>> payload_many({"vehicle": ["vega-c"], "site": ["kourou"], "orbit": ["sso:700"]}).loc[0, "payload_kg"].round(-2)
    np.float64(2200.0)
    """
    import pandas as pd

    from orbitcoop._inputs import as_sites
    from orbitcoop.orbits import as_target
    from orbitcoop.payloads import payload_table
    from orbitcoop.vehicles import get_vehicle

    cols, index = _columns(rows, ("vehicle", "site", "orbit"))
    if "parking_altitude_km" in (rows.columns if isinstance(rows, pd.DataFrame) else rows):
        raise InputRangeError("payload_many takes no parking_altitude_km: the payload model flies from 200 km")
    v_code, v_uniq = _codes(cols["vehicle"])
    s_code, s_uniq = _codes(cols["site"])
    o_code, o_uniq = _codes(cols["orbit"])
    # Spellings of one vehicle, site or orbit ("Kourou", "kourou") share one id: re-code on the ids.
    v_code, v_ids = _codes(np.asarray([get_vehicle(v).id for v in v_uniq], dtype=object)[v_code])
    site_ids = [s.id for s in as_sites(s_uniq)] if len(s_uniq) else []
    s_code, s_ids = _codes(np.asarray(site_ids, dtype=object)[s_code])
    first = {}
    for o in o_uniq:
        t = as_target(o)
        first.setdefault(t.id or t.name, t)
    o_code, o_ids = _codes(np.asarray([(as_target(o).id or as_target(o).name) for o in o_uniq], dtype=object)[o_code])
    targets = [first[i] for i in o_ids]
    v_uniq, s_uniq, o_uniq = v_ids, s_ids, o_ids
    nv, ns, no = len(v_uniq), len(s_uniq), len(o_uniq)
    # Dense (vehicle, site, orbit) cube of results over the unique values; each row reads its cell.
    cube = {c: np.full(nv * ns * no, np.nan) for c in ("payload_kg", "low_kg", "high_kg")}
    reason = np.full(nv * ns * no, "no estimate", dtype=object)
    key = (v_code * ns + s_code) * no + o_code
    for iv in range(nv):
        mine = key[v_code == iv]
        si = np.unique((mine // no) % ns)
        oi = np.unique(mine % no)
        df = payload_table([v_ids[iv]], [s_ids[j] for j in si], [targets[j] for j in oi])
        if df.empty:
            continue
        s_pos = {s_ids[j]: j for j in si}
        o_pos = {o_ids[j]: j for j in oi}
        cell = (iv * ns + df["site"].map(s_pos).to_numpy()) * no + df["orbit"].map(o_pos).to_numpy()
        for c in cube:
            cube[c][cell] = df[c].to_numpy()
        reason[cell] = df["reason"].to_numpy()
    out = pd.DataFrame(
        {
            "index": index,
            "vehicle": np.asarray(v_ids, dtype=object)[v_code],
            "site": np.asarray(s_ids, dtype=object)[s_code],
            "orbit": np.asarray(o_ids, dtype=object)[o_code],
            **{c: v[key] for c, v in cube.items()},
            "reason": reason[key],
        }
    )
    return out
