"""Italy–Japan on launchers (Il Sole 24 Ore): H3 from Tanegashima and Vega from Kourou as mutual backups.

The site side is computed here; payload in kilograms needs the vehicle model.
"""

import astropy.units as u

import orbitcoop as oc
from orbitcoop.orbits import LEO, SSO

MPS = u.m / u.s


def main():
    print("Same target orbits from Tanegashima (H3) and Kourou (Vega):")
    for orbit in (SSO(700), LEO(500, 90), LEO(500, 5.3), "gto", "geo"):
        a, b = oc.assess("tanegashima", orbit), oc.assess("kourou", orbit)
        d = (a.total_dv - b.total_dv).to_value(MPS)
        corridor = {True: "in corridor", False: "outside corridor", None: "corridor unknown"}
        print(
            f"   {a.orbit:<26} Tanegashima {a.total_dv.to_value(MPS):6.0f} m/s "
            f"({a.strategy}, {corridor[a.in_corridor]});"
            f" Kourou {b.total_dv.to_value(MPS):6.0f} m/s ({b.strategy}, {corridor[b.in_corridor]});"
            f" difference {d:+.0f} m/s"
        )
    print("   For Vega's market (sun-synchronous and polar orbits) the two sites are within a few tens of m/s:")
    print("   either site can serve the other's payloads as far as geometry goes. Kourou's published corridor")
    print(
        "   ends at −10.5° (north-north-west); a 700 km SSO needs slightly more westerly, so Vega pays a small dogleg."
    )
    print("   Low-inclination and GEO missions favour Kourou by hundreds of m/s.")
    print("   Whether H3 can carry Vega payloads and vice versa is a payload question: the claims engine")
    print("   marks it 'needs vehicle model'.")


if __name__ == "__main__":
    main()
