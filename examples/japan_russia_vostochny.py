"""Japan–Russia at Vostochny (South China Morning Post, 3 Oct 2016), checked with orbital mechanics.

Statements: Tanegashima is "too far north" for big telecom satellites; sites further north, like
Vostochny, are "ideal" for polar orbits; joint projects at Vostochny. Every comparison printed
below is computed from the numbers printed next to it.
"""

import astropy.units as u

import orbitcoop as oc
from orbitcoop.orbits import SSO

MPS = u.m / u.s
MATERIAL_M_S = 50.0  # the threshold the claims file uses for 'material' on these orbits (docs/claims.md)


def _more_less(d):
    return f"{abs(d):.0f} m/s {'more' if d >= 0 else 'less'}"


def main():
    print("1. GEO from Tanegashima versus sites nearer the equator")
    geo = {s: oc.assess(s, "geo") for s in ("kourou", "wenchang", "cape-canaveral", "tanegashima", "vostochny")}
    for site, a in geo.items():
        print(
            f"   {site:<15} latitude {oc.get_site(site).latitude_deg:5.1f}°"
            f"  Δv to GEO {a.total_dv.to_value(MPS):6.0f} m/s"
            f"  (penalty vs the equator {a.dv_penalty.to_value(MPS):+4.0f} m/s, {a.strategy})"
        )
    dv = {s: a.total_dv.to_value(MPS) for s, a in geo.items()}
    extra = dv["tanegashima"] - dv["kourou"]
    cape = dv["cape-canaveral"] - dv["kourou"]
    print(
        f"   Tanegashima needs {_more_less(extra)} than Kourou for GEO. Cape Canaveral"
        f" ({oc.get_site('cape-canaveral').latitude_deg:.1f}° N) needs {_more_less(cape)} than Kourou:"
        f" {100 * cape / extra:.0f} % of Tanegashima's excess."
    )

    print("2. Polar and sun-synchronous orbits: does latitude help?")
    for orbit in ("polar", SSO(700)):
        row = {s: oc.assess(s, orbit) for s in ("kourou", "tanegashima", "vostochny")}
        name = row["kourou"].orbit
        parts = ", ".join(f"{s} {a.total_dv.to_value(MPS):.0f} m/s ({a.strategy})" for s, a in row.items())
        print(f"   {name}: {parts}")
        v = row["vostochny"].total_dv.to_value(MPS)
        vs_k = v - row["kourou"].total_dv.to_value(MPS)
        vs_t = v - row["tanegashima"].total_dv.to_value(MPS)
        leg = row["tanegashima"].dv.dogleg.to_value(MPS)
        print(
            f"   Vostochny needs {_more_less(vs_k)} than Kourou and {_more_less(vs_t)} than Tanegashima;"
            f" Tanegashima's figure includes a {leg:.0f} m/s dog-leg (its flown route)."
        )
    site = oc.get_site("vostochny")
    lo, hi = site.inclination_limits[0].min_deg, site.inclination_limits[0].max_deg
    i_sso = oc.assess("vostochny", SSO(700)).launch_inclination.to_value(u.deg)
    inside = "inside" if lo <= i_sso <= hi else "outside"
    print(f"   Vostochny's published inclination range: {lo:g}–{hi:g}°; a 700 km SSO ({i_sso:.1f}°) is {inside} it.")

    print("3. Would launching Japanese payloads from Vostochny help?")
    changes = []
    for orbit in ("geo", SSO(700), "iss"):
        a, b = oc.assess("tanegashima", orbit), oc.assess("vostochny", orbit)
        d = (b.total_dv - a.total_dv).to_value(MPS)
        print(f"   {a.orbit:<28} Vostochny {d:+.0f} m/s versus Tanegashima")
        if abs(d) >= MATERIAL_M_S:
            changes.append(f"{a.orbit} ({'dearer' if d > 0 else 'cheaper'} by {abs(d):.0f} m/s)")
    ways = {c.split("(")[1].split()[0] for c in changes}
    verdict = {2: "cuts both ways", 1: f"only makes orbits {next(iter(ways), '')}", 0: "changes nothing material"}
    print(
        f"   Beyond ±{MATERIAL_M_S:.0f} m/s: "
        + (", ".join(changes) if changes else "none")
        + f". Moving to Vostochny {verdict[len(ways)]}; a case for it also rests on rockets, cost and"
        " sanctions (docs/claims.md, 'what else decides it')."
    )


if __name__ == "__main__":
    main()
