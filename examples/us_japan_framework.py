"""US–Japan Space Framework Agreement (January 2023): ISS, Gateway and the Moon."""

import astropy.units as u

import orbitcoop as oc

MPS = u.m / u.s


def main():
    print("ISS (51.64°) from the partners' sites:")
    for site in ("tanegashima", "cape-canaveral", "kourou", "baikonur", "vostochny"):
        a = oc.assess(site, "iss")
        extra = (a.dv.plane_change + a.dv.dogleg).to_value(MPS)
        print(
            f"   {site:<15} min inclination {a.min_inclination.to_value(u.deg):5.2f}°  direct={a.direct!s:<5}"
            f" azimuth {a.azimuth.to_value(u.deg):5.1f}°  Δv {a.total_dv.to_value(MPS):5.0f} m/s"
            f"  extra {extra:4.1f} m/s"
        )
    rows = {
        site: oc.assess(site, "iss") for site in ("tanegashima", "cape-canaveral", "kourou", "baikonur", "vostochny")
    }
    direct = [s for s, a in rows.items() if a.direct]
    other = {s: (a.dv.plane_change + a.dv.dogleg).to_value(MPS) for s, a in rows.items() if not a.direct}
    print(f"   Direct: {', '.join(direct)}." + (" Not direct: " if other else ""), end="")
    print(", ".join(f"{s} (extra {x:.1f} m/s)" for s, x in other.items()) + ("." if other else ""))
    tli = {s: oc.assess(s, "tli") for s in ("tanegashima", "ksc", "kourou")}
    print(
        "Trans-lunar injection (Gateway, Artemis): "
        + ", ".join(f"{s} {a.total_dv.to_value(MPS):.0f} m/s" for s, a in tli.items())
    )
    print("   'A Japanese astronaut on the lunar surface' is a policy goal: orbitcoop prices the trip, it does")
    print("   not decide who goes.")


if __name__ == "__main__":
    main()
