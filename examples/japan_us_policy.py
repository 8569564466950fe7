"""Japan's revised space policy (June 2020): small reconnaissance satellites and cooperation with the US."""

import astropy.units as u

import orbitcoop as oc
from orbitcoop.orbits import LEO, SSO

MPS = u.m / u.s


def _turn(a) -> float:
    """The plane change and dog-leg an assessment charges [m/s]: zero when the site reaches the plane directly."""
    return float((a.dv.plane_change + a.dv.dogleg).to_value(MPS))


def main():
    print("Small intelligence-gathering satellites from Japan's own sites:")
    rows = {}
    for site in ("tanegashima", "uchinoura"):
        for orbit in (SSO(500), LEO(500, 45)):
            a = rows[site, orbit.name] = oc.assess(site, orbit)
            az = (
                a.azimuth.to_value(u.deg)
                if a.launch_inclination.to_value(u.deg) < 90
                else a.azimuth_south.to_value(u.deg)
            )
            print(
                f"   {site:<12} → {a.orbit:<18} in reach={a.direct}, launch azimuth {az:5.1f}°,"
                f" Δv {a.total_dv.to_value(MPS):.0f} m/s, of which turn {_turn(a):.0f} m/s ({a.strategy},"
                f" {'corridor unknown' if a.in_corridor is None else 'in corridor' if a.in_corridor else 'outside'})"
            )
    direct = [k for k, a in rows.items() if a.direct and _turn(a) < 1.0]
    turned = {k: _turn(a) for k, a in rows.items() if a.direct and _turn(a) >= 1.0}
    unknown = sum(a.in_corridor is None for a in rows.values())
    print(
        f"   {len(direct)} of {len(rows)} site–orbit pairs are reached directly; "
        + "; ".join(f"{s} flies a dog-leg to {o} ({x:.0f} m/s, its flown route)" for (s, o), x in turned.items())
        + "."
    )
    print(f"   For {unknown} of them no launch-azimuth corridor is published, so range safety is not checked there.")
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
