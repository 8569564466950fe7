"""China–Russia space cooperation (South China Morning Post, Dec 2020): station, navigation, the Moon."""

import astropy.units as u

import orbitcoop as oc

MPS = u.m / u.s


def main():
    print("Tiangong (41.5°) from Russian sites:")
    for site in ("baikonur", "vostochny", "plesetsk"):
        a = oc.assess(site, "tiangong")
        extra = (a.dv.plane_change + a.dv.dogleg).to_value(MPS)
        print(
            f"   {site:<10} lowest allowed inclination {a.launch_inclination.to_value(u.deg):5.1f}°:"
            f" {a.strategy}, {extra:.0f} m/s extra (total {a.total_dv.to_value(MPS):.0f} m/s)"
        )
    own = {s: oc.assess(s, "tiangong") for s in ("jiuquan", "wenchang")}  # Shenzhou crews, Tianzhou cargo
    extras = {
        s: (oc.assess(s, "tiangong").dv.plane_change + oc.assess(s, "tiangong").dv.dogleg).to_value(MPS)
        for s in ("baikonur", "vostochny", "plesetsk")
    }
    cheapest = min(extras, key=extras.get)
    print(
        "   "
        + " and ".join(
            f"{s.capitalize()} flies it {'directly' if a.direct else 'indirectly'} ({a.total_dv.to_value(MPS):.0f} m/s)"
            for s, a in own.items()
        )
        + "."
        f" The cheapest Russian launch to the Chinese station, from {cheapest}, pays {extras[cheapest]:.0f} m/s"
        " extra. Working together on the station (experiments, crews, funding) needs no Russian launch."
    )
    print("Navigation satellites on each other's rockets (context only: the communiqué's 'compatibility'")
    print("means signals, time and reference frames, not launches):")
    for site, orbit in (
        ("xichang", "glonass"),
        ("wenchang", "glonass"),
        ("vostochny", "beidou"),
        ("plesetsk", "beidou"),
    ):
        a = oc.assess(site, orbit)
        extra = (a.dv.plane_change + a.dv.dogleg).to_value(MPS)
        print(
            f"   {site:<10} → {orbit:<8} {a.strategy:<22} extra {extra:4.0f} m/s"
            f" (corridor: {'unknown' if a.in_corridor is None else a.in_corridor})"
        )
    t = {s: oc.assess(s, "tli").total_dv.to_value(MPS) for s in ("wenchang", "vostochny")}
    lat = {s: oc.get_site(s).latitude_deg for s in ("wenchang", "vostochny")}
    print(
        f"Lunar missions: TLI from Wenchang {t['wenchang']:.0f} m/s, from Vostochny {t['vostochny']:.0f} m/s"
        f" ({t['vostochny'] - t['wenchang']:+.0f} m/s): Earth's rotation gives more at {lat['wenchang']:.1f}° N"
        f" than at {lat['vostochny']:.1f}° N."
    )
    probe_kg = 8200.0  # Chang'e-5 launch mass (orbitcoop/data/claims.toml gives the sources)
    print(f"In tonnes (payload model, docs/validation.md), against Chang'e-5's {probe_kg / 1000:.1f} t:")
    kg = {}
    for vehicle, site in (("long-march-5", "wenchang"), ("long-march-5", "vostochny"), ("angara-a5", "vostochny")):
        e = oc.payload(vehicle, site, "tli")
        kg[vehicle, site] = e.mass.to_value(u.kg)
        what_if = "" if site in oc.get_vehicle(vehicle).home_sites else " (what-if)"
        print(
            f"   {vehicle:<12} from {site:<9}{what_if:<10} {kg[vehicle, site]:6.0f} kg"
            f" (band {e.mass_low.to_value(u.kg):.0f}–{e.mass_high.to_value(u.kg):.0f} kg)"
        )
    lost = kg["long-march-5", "wenchang"] - kg["long-march-5", "vostochny"]
    short = probe_kg - kg["angara-a5", "vostochny"]
    print(
        f"   Vostochny would cost Long March 5 {lost / 1000:.1f} t; Angara-A5 from Vostochny is"
        f" {abs(short) / 1000:.1f} t {'short of' if short > 0 else 'above'} the probe:"
        f" the {'rocket' if abs(short) > lost else 'site'} matters more."
    )


if __name__ == "__main__":
    main()
