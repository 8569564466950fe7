"""How much latitude costs a geostationary satellite: every active site, sorted by latitude."""

import astropy.units as u

import orbitcoop as oc

MPS = u.m / u.s


def main():
    df = oc.compare(orbits="geo").sort_values("latitude_deg", key=abs)
    print(f"{'site':<16} {'lat °':>7} {'penalty m/s':>12}  strategy")
    for row in df.itertuples():
        print(f"{row.site:<16} {row.latitude_deg:7.2f} {row.dv_penalty_m_s:12.0f}  {row.strategy}")
    t = oc.geo_transfer("tanegashima")
    print(
        f"From Tanegashima the best GTO puts {t.perigee_inclination_change.to_value(u.deg):.2f}° of the"
        f" {t.inclination.to_value(u.deg):.2f}° plane change into the perigee burn; total from a 200 km parking"
        f" orbit {t.total_dv.to_value(MPS):.0f} m/s."
    )
    supersync = df[df.strategy.str.contains("supersynchronous")]
    if len(supersync):
        lat = supersync.latitude_deg.abs().min()
        print(f"The lowest latitude at which a supersynchronous transfer is the cheaper choice: {lat:.1f}°.")


if __name__ == "__main__":
    main()
