"""Italy–Japan on launchers (Il Sole 24 Ore): H3 from Tanegashima and Vega from Kourou as mutual backups.

First the site side (Δv to the same orbits from both sites), then the payloads: each launcher
from its own site, and each as a what-if from the other's site.
"""

import astropy.units as u

import orbitcoop as oc
from orbitcoop.orbits import LEO, SSO

MPS = u.m / u.s
CORRIDOR = {True: "in corridor", False: "outside corridor", None: "corridor unknown"}


def main():
    print("Same target orbits from Tanegashima (H3) and Kourou (Vega):")
    for orbit in (SSO(700), LEO(500, 90), LEO(500, 5.3), "gto", "geo"):
        a, b = oc.assess("tanegashima", orbit), oc.assess("kourou", orbit)
        d = (a.total_dv - b.total_dv).to_value(MPS)
        side = [f"{x.total_dv.to_value(MPS):6.0f} m/s ({x.strategy}, {CORRIDOR[x.in_corridor]})" for x in (a, b)]
        print(f"   {a.orbit:<28} Tanegashima {side[0]}; Kourou {side[1]}; {d:+.0f} m/s")
    sso = oc.assess("tanegashima", SSO(700))
    print(f"   Tanegashima's sun-synchronous launches fly a dog-leg ({sso.dv.dogleg.to_value(MPS):.0f} m/s here):")
    print("   " + next(n for n in sso.notes if n.startswith("flown route")))

    print("\nPayload to a 700 km SSO and a 500 km polar orbit [kg] (band from the loss uncertainty):")
    cases = [
        ("h3-30", "tanegashima"),
        ("h3-24", "tanegashima"),
        ("vega-c", "kourou"),
        ("vega", "kourou"),
        ("vega-c", "tanegashima"),  # what-if: Vega-C flown from Japan
        ("h3-30", "kourou"),  # what-if: H3-30 flown from French Guiana
    ]
    for vehicle, site in cases:
        row = []
        for orbit in ("sso:700", "leo:500:90"):
            e = oc.payload(vehicle, site, orbit)
            row.append(
                f"{e.mass.to_value(u.kg):6.0f} ({e.mass_low.to_value(u.kg):.0f}–{e.mass_high.to_value(u.kg):.0f})"
            )
        what_if = "" if site in oc.get_vehicle(vehicle).home_sites else "  what-if"
        print(f"   {vehicle:<7} from {site:<12} {row[0]:>22} {row[1]:>22}{what_if}")

    h3 = oc.payload("h3-30", "tanegashima", "sso:700").mass
    vc = oc.payload("vega-c", "kourou", "sso:700").mass
    verdict = "can" if h3 > vc else "cannot"
    print(f"\n   H3-30 from Tanegashima {verdict} carry what Vega-C carries from Kourou to a 700 km SSO")
    print(f"   ({h3.to_value(u.kg):.0f} kg against {vc.to_value(u.kg):.0f} kg); the reverse holds only for payloads")
    print(f"   of at most {vc.to_value(u.kg):.0f} kg. Accuracy of these estimates: docs/validation.md.")
    # Epsilon-class satellites: the claims file's test (the enhanced Epsilon's published payloads).
    vega = next(r for r in oc.evaluate_claims() if r.id == "japan-could-rely-on-vega")
    print(f"   Japan's small satellites fly on Epsilon; 'the Japanese could rely on Vega' is {vega.verdict}:")
    for q in (q for q in vega.questions if q["role"] == "test"):
        for d in q["comparisons"]:
            spare = d["payload_kg"] - d["reference_payload_kg"]
            print(
                f"   - {d['reference']}; Vega-C from Kourou lifts {d['payload_kg']:.0f} kg to {d['orbit']},"
                f" {abs(spare):.0f} kg {'to spare' if spare >= 0 else 'too little'}."
            )


if __name__ == "__main__":
    main()
