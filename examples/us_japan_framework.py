"""US–Japan Space Framework Agreement (January 2023): ISS, Gateway and the Moon."""

import astropy.units as u

import orbitcoop as oc

MPS = u.m / u.s


def main():
    print("ISS (51.64°) from the partners' sites:")
    rows = {
        site: oc.assess(site, "iss") for site in ("tanegashima", "cape-canaveral", "kourou", "baikonur", "vostochny")
    }
    extra = {s: (a.dv.plane_change + a.dv.dogleg).to_value(MPS) for s, a in rows.items()}
    for site, a in rows.items():
        print(
            f"   {site:<15} min inclination {a.min_inclination.to_value(u.deg):5.2f}°  in reach={a.direct!s:<5}"
            f" azimuth {a.azimuth.to_value(u.deg):5.1f}°  Δv {a.total_dv.to_value(MPS):5.0f} m/s"
            f"  turn {extra[site]:5.1f} m/s ({a.strategy})"
        )
    direct = [s for s in rows if extra[s] < 1.0 and rows[s].direct]
    other = [s for s in rows if s not in direct]
    print(f"   Direct (no turn): {', '.join(direct)}." + (" A turn needed: " if other else ""), end="")
    print(
        ", ".join(
            f"{s} ({rows[s].strategy} {extra[s]:.1f} m/s"
            + (", though the plane is in its geometric reach)" if rows[s].direct else ")")
            for s in other
        )
        + ("." if other else "")
    )
    tli = {s: oc.assess(s, "tli") for s in ("tanegashima", "ksc", "kourou")}
    print(
        "Trans-lunar injection (Gateway, Artemis): "
        + ", ".join(f"{s} {a.total_dv.to_value(MPS):.0f} m/s" for s, a in tli.items())
    )
    print("   'A Japanese astronaut on the lunar surface' is a policy goal: orbitcoop prices the trip, it does")
    print("   not decide who goes.")


if __name__ == "__main__":
    main()
