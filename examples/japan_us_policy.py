"""Japan's revised space policy (June 2020): small reconnaissance satellites and cooperation with the US."""

import astropy.units as u

import orbitcoop as oc
from orbitcoop.orbits import LEO, SSO

MPS = u.m / u.s


def main():
    print("Small intelligence-gathering satellites from Japan's own sites:")
    for site in ("tanegashima", "uchinoura"):
        for orbit in (SSO(500), LEO(500, 45)):
            a = oc.assess(site, orbit)
            az = (
                a.azimuth.to_value(u.deg)
                if a.launch_inclination.to_value(u.deg) < 90
                else a.azimuth_south.to_value(u.deg)
            )
            print(
                f"   {site:<12} → {a.orbit:<18} direct={a.direct}, launch azimuth {az:5.1f}°,"
                f" Δv {a.total_dv.to_value(MPS):.0f} m/s"
                f" ({'corridor unknown' if a.in_corridor is None else a.in_corridor})"
            )
    rows = [oc.assess(site, orbit) for site in ("tanegashima", "uchinoura") for orbit in (SSO(500), LEO(500, 45))]
    direct = sum(bool(a.direct) for a in rows)
    unknown = sum(a.in_corridor is None for a in rows)
    print(f"   {direct} of {len(rows)} site–orbit pairs are reachable directly by geometry; for {unknown} of them")
    print("   no launch-azimuth corridor is published, so range safety is not checked there.")
    tli = {s: oc.assess(s, "tli").total_dv.to_value(MPS) for s in ("tanegashima", "cape-canaveral", "kourou")}
    print(
        "Lunar missions with the US: trans-lunar injection from "
        + ", ".join(f"{s} {v:.0f} m/s" for s, v in tli.items())
    )
    spread = max(tli.values()) - min(tli.values())
    material = 100.0  # the claims file's 'material' Δv difference (docs/claims.md)
    print(
        f"   The spread is {spread:.0f} m/s, {'under' if spread < material else 'over'} the {material:.0f} m/s"
        f" the claims treat as material: for the Moon the launch site {'hardly ' if spread < material else ''}matters."
    )


if __name__ == "__main__":
    main()
