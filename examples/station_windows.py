"""Launch windows to the stations in the articles: Tanegashima → ISS (SCMP 2016) and Vostochny → Tiangong (SCMP 2020).

A station's plane is fixed in space while the Earth turns under it. Tanegashima (30.4° N) passes
under the ISS plane twice a day; Vostochny (51.9° N) never passes under Tiangong's 41.5° plane,
so "working together on a Chinese station" from Vostochny would mean one expensive chance a day.
The nodes come from fixed element sets (orbitcoop.window_section.WINDOW_TARGETS gives their sources).
"""

import re

import astropy.units as u
import pandas as pd

import orbitcoop as oc
from orbitcoop.orbits import as_target
from orbitcoop.window_section import WINDOW_TARGETS

MPS = u.m / u.s


def station(target):
    """The station's orbit with the node of its element set, and the date it was published."""
    _, raan, epoch, *_ = next(t for t in WINDOW_TARGETS if t[0] == target)
    return as_target(target).with_node(raan=raan, epoch=epoch), epoch[:10]


def main():
    iss, day = station("iss")
    w = oc.launch_windows("tanegashima", iss, day, days=2, dv_budget=100 * MPS)
    print(f"Tanegashima → ISS, {day} and the day after (node: {iss.node}):")
    for _, r in w.iterrows():
        half = (r["window_close"] - r["time"]).total_seconds() / 60.0
        print(
            f"   {r['time']:%Y-%m-%d %H:%M:%S} UTC  {r['direction']:<5}  azimuth {r['azimuth_deg']:5.1f}°"
            f"  lead {r['lead_min']:4.1f} min  Δv {r['dv_m_s']:.0f} m/s  open ±{half:.1f} min for 100 m/s"
        )
    south = w[w["direction"] == "south"]
    htv = next(f for f in oc.get_site("tanegashima").flown if f.mission.startswith("HTV4"))
    flown_az = re.search(r"azimuth ([\d.]+) deg", htv.mission)[1]  # the catalogue's sourced record
    shift = 1440.0 - (south["time"].iloc[1] - south["time"].iloc[0]).total_seconds() / 60.0
    print(
        f"   HTV flew the southbound window (first azimuth {flown_az}° instead of the direct"
        f" {south['azimuth_deg'].iloc[0]:.1f}°, then a dog-leg; {htv.source.split(',')[0]});"
        " the northbound one would head north-east over Japan."
        f" The window comes {shift:.0f} min earlier each day; lift-off is"
        f" {south['lead_min'].iloc[0]:.1f} min before the pad crosses the plane, so that the first leg"
        " heads east of it."
    )

    tiangong, day = station("tiangong")
    w = oc.launch_windows(["vostochny", "jiuquan", "wenchang"], tiangong, day)
    print(f"\nTiangong from Vostochny and China's own sites, {day}:")
    for _, r in w.iterrows():
        print(f"   {r['site']:<10} {r['time']:%H:%M:%S} UTC  {r['direction']:<7}  Δv {r['dv_m_s']:.0f} m/s")
    best = w[w["site"] != "vostochny"]["dv_m_s"].min()
    v = w[w["site"] == "vostochny"].iloc[0]
    late = v["time"] + pd.Timedelta(minutes=30)
    dv_late = oc.dv_vs_time("vostochny", tiangong, late.strftime("%Y-%m-%dT%H:%M:%S")).to_value(MPS)
    print(
        f"   Vostochny never passes under the plane: its closest approach costs {v['dv_m_s']:.0f} m/s,"
        f" {v['dv_m_s'] - best:+.0f} m/s against China's own windows, and 30 min later {dv_late:.0f} m/s."
    )


if __name__ == "__main__":
    main()
