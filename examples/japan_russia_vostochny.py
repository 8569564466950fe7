"""Japan–Russia at Vostochny (South China Morning Post, 3 Oct 2016), checked with orbital mechanics.

Claims: Tanegashima is "too far north" for big telecom satellites; sites further north, like
Vostochny, are "ideal" for polar orbits; joint projects at Vostochny would help Japan launch.
"""

import astropy.units as u

import orbitcoop as oc
from orbitcoop.orbits import SSO

MPS = u.m / u.s


def main():
    print("1. GEO from Tanegashima versus sites nearer the equator")
    geo = {s: oc.assess(s, "geo") for s in ("kourou", "wenchang", "cape-canaveral", "tanegashima", "vostochny")}
    for site, a in geo.items():
        print(
            f"   {site:<15} latitude {oc.get_site(site).latitude_deg:5.1f}°"
            f"  Δv to GEO {a.total_dv.to_value(MPS):6.0f} m/s"
            f"  (penalty vs the equator {a.dv_penalty.to_value(MPS):+4.0f} m/s, {a.strategy})"
        )
    extra = (geo["tanegashima"].total_dv - geo["kourou"].total_dv).to_value(MPS)
    print(
        f"   Tanegashima pays {extra:.0f} m/s more than Kourou for GEO: the 30° plane change a GTO from 30° N"
        " must remove. Cape Canaveral, at 28.5° N, pays almost as much."
    )

    print("2. Polar and sun-synchronous orbits: does latitude help?")
    for orbit in ("polar", SSO(700)):
        row = {s: oc.assess(s, orbit) for s in ("kourou", "tanegashima", "vostochny")}
        name = row["kourou"].orbit
        parts = ", ".join(f"{s} {a.total_dv.to_value(MPS):.0f} m/s" for s, a in row.items())
        print(f"   {name}: {parts}")
    print(
        "   A polar orbit must cancel the site's eastward speed; at 52° N there is less to cancel, but the"
        " saving is under 10 m/s against Tanegashima. Latitude buys almost nothing for polar orbits;"
        " what matters is an open corridor to the north or south."
    )
    site = oc.get_site("vostochny")
    print(
        f"   Vostochny's published inclination range: {site.inclination_limits[0].min_deg:g}–"
        f"{site.inclination_limits[0].max_deg:g}° (SSO at ~98° is inside)."
    )

    print("3. Would launching Japanese payloads from Vostochny help?")
    for orbit in ("geo", SSO(700), "iss"):
        a, b = oc.assess("tanegashima", orbit), oc.assess("vostochny", orbit)
        d = (b.total_dv - a.total_dv).to_value(MPS)
        print(f"   {a.orbit:<28} Vostochny {'+' if d >= 0 else '−'}{abs(d):.0f} m/s versus Tanegashima")
    print(
        "   Only GEO changes materially, and for the worse. The case for Vostochny would have to rest on"
        " rockets, cost or capacity, not on the site's physics."
    )


if __name__ == "__main__":
    main()
