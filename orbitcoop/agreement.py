"""The site limits against the flight record: does orbitcoop allow what each site has flown?

Every successful orbital launch since 1990 in the shipped record (J. McDowell, GCAT) whose first
payload went to low or medium Earth orbit (GCAT classes LLEO, LEO, MEO: the catalogued inclination
is the launch plane), from a pad or station the catalogue lists, not air-launched, is assessed
from its own pad (or station, where GCAT names no catalogued pad) into its own orbit.

- *below the site's latitude*: the catalogued inclination is below the pad's geocentric latitude,
  so an upper stage turned the plane after the ascent (O3b, SES); these are priced as plane
  changes and left out of the rate;
- *called outside*: a direct launch whose plane the site's limits (published corridors and limits,
  widened by its flown envelope and, for a station, its pads') exclude: ``in_corridor is False``.

``tests/test_flight_record.py`` holds the rate to at most 1 %; ``docs/catalogue.md`` reports it.
"""

from __future__ import annotations

from orbitcoop import record
from orbitcoop.assessment import compare
from orbitcoop.orbits import Elliptical
from orbitcoop.sites import catalogue, get_site

#: The bound the tests hold: at most this share of direct tested launches may be called outside.
MAX_OUTSIDE_SHARE = 0.01


def tested_launches():
    """(catalogue id, record row) for every tested launch (see the module docstring)."""
    by_site, by_pad = record.index_sites(catalogue())
    out = []
    for row in record.rows():
        sid = record.resolve_site(row, by_site, by_pad)
        if sid and record.envelope_launch(row):
            out.append((sid, row))
    return out


def record_agreement(site_of=None):
    """A DataFrame, one row per tested launch: what orbitcoop says of the plane it flew.

    Columns: ``site`` (catalogue id), ``date``, ``vehicle``, ``inclination_deg``, ``direct``,
    ``in_corridor`` (True, False or "unknown"), ``dogleg_m_s``. ``site_of`` maps each
    :class:`~orbitcoop.sites.LaunchSite` before assessing (e.g. to strip its flown envelope and see
    what the published limits alone say). Batched: one :func:`compare` call per site.
    """
    import pandas as pd

    groups: dict[str, list[dict]] = {}
    for sid, row in tested_launches():
        groups.setdefault(sid, []).append(row)
    out = []
    for sid, rows in groups.items():
        site = get_site(sid) if site_of is None else site_of(get_site(sid))
        orbits = [
            Elliptical(
                float(r["perigee_km"]), max(float(r["perigee_km"]), float(r["apogee_km"])), float(r["inclination_deg"])
            )
            for r in rows
        ]
        df = compare([site], orbits)
        for r, a in zip(rows, df.itertuples(index=False), strict=True):
            out.append(
                {
                    "site": sid,
                    "date": r["date"],
                    "vehicle": r["vehicle"],
                    "inclination_deg": float(r["inclination_deg"]),
                    "direct": bool(a.direct),
                    "in_corridor": a.in_corridor,
                    "dogleg_m_s": float(a.dogleg_m_s),
                }
            )
    return pd.DataFrame(out)


def agreement_summary(df=None) -> dict:
    """Counts behind the agreement figure: tested, below the site's latitude, direct, called outside."""
    df = record_agreement() if df is None else df
    direct = df[df["direct"]]
    outside = direct[direct["in_corridor"].map(lambda c: c is False)]
    return {
        "tested": len(df),
        "below_latitude": int((~df["direct"]).sum()),
        "direct": len(direct),
        "outside": len(outside),
        "outside_share": len(outside) / max(len(direct), 1),
        "outside_rows": outside,
    }
