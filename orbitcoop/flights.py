"""The flight record by site: each site's launches, and the bands of inclination it keeps flying.

Data from J. McDowell, GCAT (CC BY 4.0), shipped as ``orbitcoop/data/flight_record.csv``
(:mod:`orbitcoop.record` reads it and builds the bands the catalogue attaches to each site).
"""

from __future__ import annotations

from orbitcoop import record


def flown_envelope(site) -> tuple:
    """The flown envelope of ``site`` (an id, name or LaunchSite): bands of inclination with counts.

    Each :class:`~orbitcoop.sites.FlownBand` gives the band's edges, the number of successful
    launches since 1990 into low and medium orbits, their first and last years and the most
    frequent vehicles. A station's envelope is the union of its pads'; a pad without published
    limits of its own shares its station's.
    """
    from orbitcoop.sites import get_site

    return get_site(site).envelope


def flight_record(site=None, since=None):
    """The flight record as a :class:`pandas.DataFrame`: all launches, or those of ``site`` and its pads.

    ``since``: a year (``2000``) or an ISO date (``"2016-06-01"``). Columns: ``tag``, ``date``,
    ``site``/``pad`` (GCAT codes), ``site_id`` (the catalogue id of the pad or station, '' where
    the catalogue has no entry), ``vehicle``, ``outcome`` (GCAT launch code; ``OS…`` success),
    ``orbit`` (GCAT class), ``perigee_km``, ``apogee_km``, ``inclination_deg``, ``mission``.
    Data from J. McDowell, GCAT (CC BY 4.0).

    >>> df = flight_record("satish-dhawan", since=2023)
    >>> sorted(set(df["site_id"]))
    ['satish-dhawan-flp', 'satish-dhawan-slp']
    """
    import pandas as pd

    from orbitcoop.sites import catalogue, get_site

    cat = catalogue()
    by_site, by_pad = record.index_sites(cat)
    df = pd.DataFrame(list(record.rows()), columns=list(record.COLUMNS))
    df.insert(4, "site_id", [record.resolve_site(r, by_site, by_pad) for r in record.rows()])
    for col in ("perigee_km", "apogee_km", "inclination_deg"):
        df[col] = pd.to_numeric(df[col])
    if site is not None:
        s = get_site(site)
        ids = {s.id} | {p.id for p in cat if p.parent == s.id}
        df = df[df["site_id"].isin(ids)]
    if since is not None:
        df = df[df["date"] >= (f"{int(since):04d}" if isinstance(since, int) else str(since))]
    return df.reset_index(drop=True)
