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
    print("   Both sites reach these orbits directly by geometry. No launch-azimuth corridor is published for")
    print("   either, so orbitcoop cannot confirm that range safety allows the southward SSO trajectory.")
    tli = {s: oc.assess(s, "tli").total_dv.to_value(MPS) for s in ("tanegashima", "cape-canaveral", "kourou")}
    print(
        "Lunar missions with the US: trans-lunar injection from "
        + ", ".join(f"{s} {v:.0f} m/s" for s, v in tli.items())
    )
    print(
        f"   The spread is {max(tli.values()) - min(tli.values()):.0f} m/s:"
        " for the Moon the launch site hardly matters."
    )


if __name__ == "__main__":
    main()
