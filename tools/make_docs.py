"""Regenerate the generated parts of docs/ from the data files and the templates in docs/templates/.

python tools/make_docs.py        # rewrite docs/catalogue.md, docs/claims.md, docs/validation.md
python tools/make_docs.py --check  # exit 1 if it is out of date (tests/test_docs.py)

The prose lives in ``docs/templates/<doc>.md``; its ``$placeholders`` (:class:`string.Template`)
are filled here, each from the catalogues, the payload model or ``tools/ascent_experiment.py``,
so no figure is typed twice and none goes stale: a placeholder without a value, or a value
without its placeholder, is an error.
"""

import math
import re
import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from orbitcoop.markdown import render_markdown, table  # noqa: E402

TEMPLATES = ROOT / "docs" / "templates"


def fill(name: str, values: dict) -> str:
    """``docs/templates/<name>.md`` with its placeholders filled from ``values`` (all used, none missing)."""
    template = string.Template((TEMPLATES / f"{name}.md").read_text(encoding="utf-8"))
    names = {m.group("named") or m.group("braced") for m in template.pattern.finditer(template.template)} - {None}
    unused = set(values) - names
    if unused:
        raise KeyError(f"docs/templates/{name}.md has no placeholder for {sorted(unused)}")
    return template.substitute(values)


def catalogue_markdown() -> str:
    from orbitcoop.sites import catalogue

    rows = []
    for s in catalogue():
        constraint = s.constraints_label if s.constraints_known else "*unknown*"
        if s.routes:
            constraint += "; " + "; ".join(r.label for r in s.routes)
        src = s.position_source
        if len(src) > SOURCE_CHARS:
            src = src[: SOURCE_CHARS - 3] + "…"
        name = s.name + (f" (pad of {s.parent})" if s.parent else "")
        rows.append(
            [f"`{s.id}`", name, s.country, s.status, f"{s.latitude_deg:.4f}", f"{s.longitude_deg:.4f}", constraint, src]
        )
    header = ["id", "name", "country", "status", "lat °", "lon °"]
    header += ["corridor / inclination limits / flown routes", "position source"]
    return fill("catalogue", {"site_table": table(header, rows)} | _agreement_values() | _route_values())


def _agreement_values() -> dict:
    """The flight-record agreement figures of docs/catalogue.md (orbitcoop.agreement)."""
    from dataclasses import replace

    from orbitcoop.agreement import MAX_OUTSIDE_SHARE, agreement_summary, record_agreement
    from orbitcoop.record import BAND_MIN_LAUNCHES

    def published_only(site):
        own = [c for c in site.corridors if not c.pad], [c for c in site.inclination_limits if not c.pad]
        return replace(site, envelope=(), corridors=tuple(own[0]), inclination_limits=tuple(own[1]))

    now, before = agreement_summary(), agreement_summary(record_agreement(published_only))
    rows = [
        [f"`{r.site}`", r.date, r.vehicle, f"{r.inclination_deg:g}"]
        for r in now["outside_rows"].sort_values(["site", "date"]).itertuples(index=False)
    ]
    return {
        "tested": f"{now['tested']:,}",
        "below_latitude": f"{now['below_latitude']:,}",
        "direct": f"{now['direct']:,}",
        "outside": f"{now['outside']:,}",
        "outside_pct": f"{100 * now['outside_share']:.1f}",
        "max_pct": _g(100 * MAX_OUTSIDE_SHARE),
        "published_outside": f"{before['outside']:,}",
        "published_pct": f"{100 * before['outside_share']:.1f}",
        "band_min": _g(BAND_MIN_LAUNCHES),
        "outside_table": table(["pad or station", "date", "vehicle", "inclination °"], rows),
    }


def _route_values() -> dict:
    """Each flown route against the record's bands and the validation points in its band."""
    import orbitcoop
    from orbitcoop.sites import catalogue
    from orbitcoop.validation import validation_rows

    points = [r for r in validation_rows() if r["role"] == "validation"]
    rows = []
    for s in catalogue():
        if s.parent or not s.routes:
            continue
        for route in s.routes:
            bands = [b for b in s.envelope if route.applies_to(b.min_deg) and route.applies_to(b.max_deg)]
            mid = 0.5 * (route.inclination_min_deg + route.inclination_max_deg)
            charge = orbitcoop.assess(s, f"leo:600:{mid:g}").dv.dogleg.to_value("m/s")
            inside, east = [], []
            for p in points:
                if p["site"] != s.id:
                    continue
                inc = _orbit(p["orbit"]).inclination_deg
                if inc is not None and route.applies_to(inc):
                    inside.append(f"{p['vehicle']} `{p['orbit']}` {p['dv_gap_m_s']:+.0f}")
                elif inc is not None and inc < route.inclination_min_deg and not _orbit(p["orbit"]).escape:
                    east.append(f"{p['vehicle']} `{p['orbit']}` {p['dv_gap_m_s']:+.0f}")
            rows.append(
                [
                    f"`{s.id}`",
                    route.label,
                    "; ".join(b.label for b in bands) or "none",
                    f"{charge:.0f}",
                    "; ".join(inside) or "none",
                    "; ".join(east) or "none",
                ]
            )
    header = ["site", "route", "record bands inside it", "charge at 600 km m/s"]
    header += ["validation points in the band: Δv gap m/s", "the same site due east: Δv gap m/s"]
    return {"routes_table": table(header, rows)}


#: Characters of a position source shown in the catalogue table (the full text is in the data file).
SOURCE_CHARS = 140


def claims_markdown() -> str:
    from orbitcoop.claims import evaluate_claims
    from orbitcoop.defaults import DEFAULT_PARKING_ALTITUDE
    from orbitcoop.report import claims_blocks

    # one level down: the doc's "Current verdicts" is a level-2 heading
    demote = {"h2": "h3", "h3": "h4"}
    blocks = [(demote.get(b[0], b[0]), *b[1:]) for b in claims_blocks(evaluate_claims())]
    parking_km = f"{DEFAULT_PARKING_ALTITUDE.to_value('km'):g}"
    return fill("claims", {"verdicts": render_markdown(blocks).rstrip(), "parking_km": parking_km})


#: Apogee altitude [km] up to which a validation orbit counts as low (LEO / SSO) in the by-kind table.
LOW_APOGEE_KM = 2000.0


def _orbit(spec: str):
    from orbitcoop.orbits import parse_orbit

    return parse_orbit(spec)


def _orbit_kind(spec: str) -> str:
    """The row of the by-kind summary an orbit spec falls in: escape, low (apogee up to LOW_APOGEE_KM),
    or a transfer orbit reaching beyond (GTO, sub-GTO, lunar transfer)."""
    t = _orbit(spec)
    if t.escape:
        return "escape"
    return "LEO / SSO" if t.apogee_altitude_km <= LOW_APOGEE_KM else "GTO and other transfer orbits"


def _row(rows, vehicle: str, orbit: str) -> dict:
    """The one validation row of ``vehicle`` to ``orbit``."""
    (r,) = [r for r in rows if r["vehicle"] == vehicle and r.get("orbit") == orbit]
    return r


def _point(vehicle: str, role: str, orbit: str):
    """The one published point of ``vehicle`` with this role and orbit label ("SSO", "LEO", ...)."""
    from orbitcoop.vehicles import get_vehicle

    (p,) = [p for p in get_vehicle(vehicle).performance if p.role == role and p.orbit == orbit]
    return p


def _pct_off(vehicle, site, orbit, published_kg) -> float:
    """How far [%] the estimate of ``vehicle`` (id or Vehicle) from ``site`` to ``orbit`` is from ``published_kg``."""
    from orbitcoop.performance import payload

    return 100.0 * (payload(vehicle, site, orbit).mass.to_value("kg") / published_kg - 1.0)


def _quoted(text: str, pattern: str) -> str:
    """A figure quoted in a catalogue text (a mission or a note): the first group of ``pattern``."""
    m = re.search(pattern, text)
    if m is None:
        raise LookupError(f"no {pattern!r} in the catalogue text {text[:80]!r}…")
    return m.group(1) if m.re.groups == 1 else m.groups()


def _g(x: float) -> str:
    return f"{x:g}"


def _signed(x: float) -> str:
    return "–" if math.isnan(x) else f"{x:+.0f}"


def _range(values, fmt="{:+.0f}", sep=" to ") -> str:
    """'lo to hi' of two or more numbers (one number: just it)."""
    lo, hi = min(values), max(values)
    return fmt.format(lo) if fmt.format(lo) == fmt.format(hi) else fmt.format(lo) + sep + fmt.format(hi)


def _sso_values(rows) -> dict:
    """H-IIA's and Long March 7's sun-synchronous points, Tanegashima's dog-legs and H3."""
    import ascent_experiment as ax

    from orbitcoop.assessment import assess
    from orbitcoop.defaults import DEFAULT_PARKING_ALTITUDE
    from orbitcoop.sites import get_site
    from orbitcoop.vehicles import mass_check_rows

    h2a_sso, lm7_sso = _point("h-iia-202", "validation", "SSO"), _point("long-march-7", "validation", "SSO")
    leo = [_row(rows, v, _point(v, "validation", "LEO").orbit_spec) for v in ("h-iia-202", "h-iia-204")]
    leo_orbit = _orbit(leo[0]["orbit"])
    polar_sso = [r for r in rows if r["vehicle"] == "h-iia-202" and (_orbit(r["orbit"]).inclination_deg or 0) > 90]
    (ref,) = [r for r in polar_sso if r["role"] != "validation"]
    tanegashima = get_site("tanegashima")
    polar = tanegashima.route_for(_orbit(h2a_sso.orbit_spec).inclination_deg)
    iss = tanegashima.route_for(_orbit("iss").inclination_deg)
    (alos2,) = [f for f in tanegashima.flown if f.mission.startswith("ALOS-2")]
    (lm8,) = [f for f in get_site("wenchang").flown if f.mission.startswith("Long March 8")]
    direct = ax.direct_ascent("long-march-7")
    h3 = [r["difference_pct"] for r in mass_check_rows() if r["vehicle"].startswith("h3-")]
    (h3_long,) = [r for r in rows if r["vehicle"] == "h3-24" and r["orbit"].startswith("gtodv:")]
    htv = _quoted(iss.note, r"azimuth ([\d.]+) deg instead of the about ([\d.]+) deg")
    return {
        "h2a_sso_km": _g(_orbit(h2a_sso.orbit_spec).perigee_altitude_km),
        "lm7_sso_km": _g(_orbit(lm7_sso.orbit_spec).perigee_altitude_km),
        "h2a_leo_within": f"{math.ceil(max(abs(r['error_pct']) for r in leo)):.0f}",
        "h2a_leo_km": _g(leo_orbit.perigee_altitude_km),
        "h2a_leo_inc": _g(leo_orbit.inclination_deg),
        "alos2_mission": alos2.mission.split(" (")[0],
        "alos2_azimuth": _quoted(alos2.mission, r"azimuth ([\d.]+) deg"),
        "polar_mission": polar.mission.split(" (")[0],
        "polar_offset": _g(polar.plane_offset_deg),
        "polar_charge_km_s": f"{assess('tanegashima', h2a_sso.orbit_spec).dv.dogleg.to_value('km/s'):.2f}",
        "h2a_sso_gaps_km_s": _range([r["dv_gap_m_s"] / 1e3 for r in polar_sso], "{:.1f}", "-"),
        "h2a_sso_ref_km": _g(_orbit(ref["orbit"]).perigee_altitude_km),
        "h2a_sso_ref_error": f"{ref['error_pct']:+.0f}",
        "lm8_inc": _g(lm8.inclination_deg),
        "lm8_km": _quoted(lm8.mission, r"about (\d+) km"),
        "lm7_sso_t": _g(lm7_sso.payload_kg / 1e3),
        "parking_km": _g(DEFAULT_PARKING_ALTITUDE.to_value("km")),
        "lm7_sso_gap": f"{_row(rows, 'long-march-7', lm7_sso.orbit_spec)['dv_gap_m_s']:.0f}",
        "lm7_direct_km_s": f"{(direct['direct_m_s'] - direct['parked_m_s']) / 1e3:.2f}",
        "h3_over_pct": _range(h3, "{:.1f}", "-"),
        "htv_azimuth": htv[0],
        "htv_direct_azimuth": htv[1],
        "iss_mission": iss.mission.split(" (")[0],
        "iss_offset": _g(iss.plane_offset_deg),
        "h3_long_coast_error": f"{h3_long['error_pct']:+.0f}",
    }


def _escape_values(rows) -> dict:
    """The escape curves with and without the departure burn's finite-burn loss, every figure computed."""
    import dataclasses

    from orbitcoop.performance import payload
    from orbitcoop.sites import get_site
    from orbitcoop.vehicles import get_vehicle

    def escapes(vehicle):
        return [r for r in rows if r["vehicle"] == vehicle and r["orbit"].startswith("c3:")]

    def errors(vehicle, impulsive=False):
        v = get_vehicle(vehicle)
        if impulsive:  # the departure burn as an impulse: no published thrust for the upper stage
            v = dataclasses.replace(v, stages=(*v.stages[:-1], dataclasses.replace(v.stages[-1], thrust_vac_kn=None)))
        return [_pct_off(v, r["site"], r["orbit"], r["published_kg"]) for r in escapes(vehicle)]

    def burn(vehicle, site, orbit):
        return f"{payload(vehicle, site, orbit).budget['finite_burn'].to_value('m/s'):.0f}"

    def pct(values):
        return " / ".join(f"{x:+.1f}" for x in values)

    soyuz_c3 = [r["orbit"] for r in escapes("soyuz-st-b")]
    h2a_c3 = [r["orbit"] for r in escapes("h-iia-202")]
    c3 = [_g(_orbit(o).c3_km2_s2) for o in soyuz_c3]
    esa = {p.orbit: p for p in get_vehicle("soyuz-st-b").performance if p.source.startswith("ESA")}
    # ESA's LEO figure gives its altitude (in the quoted source) but no inclination: Kourou's latitude.
    esa_leo_km = _quoted(esa["LEO"].source, r"(\d+) Kilometer")
    esa_leo = f"leo:{esa_leo_km}:{get_site('kourou').latitude_deg:.1f}"
    esa_err = [
        _pct_off("soyuz-st-b", "kourou", spec, esa[orbit].payload_kg)
        for orbit, spec in (("GTO", esa["GTO"].orbit_interpretation), ("LEO", esa_leo))
    ]
    fregat_leo = _point("soyuz-2.1b-fregat", "calibration", "LEO")
    cross = payload("soyuz-2.1b-fregat", "kourou", "geo").mass.to_value("kg")
    return {
        "c3_list": ", ".join(c3[:-1]) + " and " + c3[-1],
        "c3_first": c3[0],
        "c3_last": c3[-1],
        "fregat_kn": f"{get_vehicle('soyuz-st-b').upper_stage.thrust_vac_kn:.0f}",
        "soyuz_burn_first": burn("soyuz-st-b", "kourou", soyuz_c3[0]),
        "soyuz_burn_last": burn("soyuz-st-b", "kourou", soyuz_c3[-1]),
        "soyuz_burn_geo": burn("soyuz-st-b", "kourou", "geo"),
        "soyuz_errors": pct(errors("soyuz-st-b")),
        "soyuz_impulsive_errors": pct(errors("soyuz-st-b", True)),
        "le5b_kn": f"{get_vehicle('h-iia-202').upper_stage.thrust_vac_kn:.0f}",
        "h2a_burn_first": burn("h-iia-202", "tanegashima", h2a_c3[0]),
        "h2a_burn_last": burn("h-iia-202", "tanegashima", h2a_c3[-1]),
        "h2a_errors": pct(errors("h-iia-202")),
        "esa_leo_km": esa_leo_km,
        "esa_gto_error": f"{esa_err[0]:+.1f}",
        "esa_leo_error": f"{esa_err[1]:+.1f}",
        "fregat_leo_kg": f"{fregat_leo.payload_kg:,.0f}",
        "cross_geo_kg": f"{cross:,.0f}",
        "cross_above_pct": f"{100 * (cross / esa['GEO'].payload_kg - 1):.0f}",
        "esa_geo_kg": f"{esa['GEO'].payload_kg:,.0f}",
    }


def _newer_vehicles_values(rows) -> dict:
    """Where PSLV-XL, Ariane 6 and Long March 5 stand, and the ascent experiment, every figure computed."""
    import dataclasses

    import ascent_experiment as ax

    from orbitcoop.feasibility import assess
    from orbitcoop.performance import calibration, payload
    from orbitcoop.vehicles import get_vehicle, mass_check_rows

    def err(vehicle, orbit):
        return _row(rows, vehicle, orbit)["error_pct"]

    # An SSO figure published without its altitude is read across the altitudes of H-IIA 202's
    # sun-synchronous points (published with theirs), highest first.
    polar = [_orbit(r["orbit"]) for r in rows if r["vehicle"] == "h-iia-202"]
    readings = sorted((o.perigee_altitude_km for o in polar if (o.inclination_deg or 0) > 90), reverse=True)
    readings = [readings[0], readings[-1]]

    def sso_reference(vehicle):
        p = _point(vehicle, "reference", "SSO")
        errs = [_pct_off(vehicle, p.site, f"sso:{h:g}", p.payload_kg) for h in readings]
        return f"{p.payload_kg:,.0f}", f"{errs[0]:+.0f} to {errs[1]:+.0f}"

    pslv = _point("pslv-xl", "calibration", "SSO")
    pslv_leo, pslv_gto = _point("pslv-xl", "validation", "LEO"), _point("pslv-xl", "validation", "GTO")
    sso = assess(pslv.site, pslv.orbit_spec)
    route, charge = sso.route, sso.dv.dogleg.to_value("m/s")
    leo = _orbit(pslv_leo.orbit_spec)
    lm5 = get_vehicle("long-march-5")
    fitted = {p.orbit_spec.split(":")[0]: p for p in lm5.performance if p.role == "calibration"}
    gto, tli = fitted["gto"], fitted["ell"]

    def fitted_on(point, orbit):  # Long March 5 calibrated on one of its points, priced to the other's orbit
        return payload(dataclasses.replace(lm5, performance=(point,)), "wenchang", orbit.orbit_spec).mass.to_value("kg")

    (short,) = [r["difference_pct"] for r in mass_check_rows() if r["vehicle"] == "long-march-5"]
    experiment = ax.experiment()

    def ax_row(vehicle, role, orbit=None):
        (r,) = [r for r in experiment if r["vehicle"] == vehicle and r["role"] == role and orbit in (None, r["orbit"])]
        return r

    def moves(r):
        return f"{r['gap_m_s']:+.0f} to {r['gap_with_m_s']:+.0f}"

    h2a_leo = ax_row("h-iia-202", "validation", _point("h-iia-202", "validation", "LEO").orbit_spec)
    curve = [r for r in experiment if r["vehicle"] == "h-iia-202" and r["orbit"].startswith("c3:")]
    a64_gto = _point("ariane-64", "validation", "GTO").orbit_spec
    (a62_kg, a62), (a64_kg, a64) = sso_reference("ariane-62"), sso_reference("ariane-64")
    return {
        "pslv_cal_kg": f"{pslv.payload_kg:,.0f}",
        "pslv_cal_km": _g(_orbit(pslv.orbit_spec).perigee_altitude_km),
        "pslv_route_mission": route.mission.split(" (")[0],
        "pslv_route_offset": _g(route.plane_offset_deg),
        "pslv_route_charge": f"{charge:.0f}",
        "pslv_gto_error": f"{err('pslv-xl', pslv_gto.orbit_spec):+.1f}",
        "pslv_leo_km": _g(leo.perigee_altitude_km),
        "pslv_leo_inc": _g(leo.inclination_deg),
        "pslv_leo_error": f"{err('pslv-xl', pslv_leo.orbit_spec):+.0f}",
        "a62_sso_kg": a62_kg,
        "a64_sso_kg": a64_kg,
        "a62_sso_errors": a62,
        "a64_sso_errors": a64,
        "sso_readings": " to ".join(_g(h) for h in readings),
        "ascent_km": _g(ax.PARKING_M / 1e3),
        "ax_cal_t": _g(ax_row("h-iia-202", "calibration")["published_kg"] / 1e3),
        "ax_leo_t": _g(h2a_leo["published_kg"] / 1e3),
        "ax_leo_grows": f"{h2a_leo['dg_m_s']:.0f}",
        "ax_leo_gap": f"{h2a_leo['gap_m_s']:+.0f}",
        "ax_h2a204_leo": moves(ax_row("h-iia-204", "validation", _point("h-iia-204", "validation", "LEO").orbit_spec)),
        "ax_a64_gto": moves(ax_row("ariane-64", "validation", a64_gto)),
        "ax_h2a_escape": (
            f"{curve[0]['gap_m_s']:+.0f}...{curve[-1]['gap_m_s']:+.0f} to "
            f"{curve[0]['gap_with_m_s']:+.0f}...{curve[-1]['gap_with_m_s']:+.0f}"
        ),
        "ax_pslv_leo": moves(ax_row("pslv-xl", "validation", pslv_leo.orbit_spec)),
        "a64_gto_error": f"{err('ariane-64', a64_gto):+.1f}",
        "lm5_tli_kg": f"{tli.payload_kg:,.0f}",
        "lm5_gto_t": _g(gto.payload_kg / 1000),
        "lm5_gto_inc": _g(_orbit(gto.orbit_spec).inclination_deg),
        "lm5_gto_from_tli_kg": f"{fitted_on(tli, gto):,.0f}",
        "lm5_tli_from_gto_kg": f"{fitted_on(gto, tli):,.0f}",
        "lm5_sigma_m_s": f"{calibration('long-march-5').sigma_m_s:.0f}",
        "lm5_short_pct": f"{abs(short):.1f}",
    }


def distribution_markdown() -> list[str]:
    """The 'Payload as a distribution' section of docs/validation.md: σ by grade, model error, coverage."""
    from orbitcoop.outcomes import PayloadRole
    from orbitcoop.uncertainty import (
        DEFAULT_SAMPLES,
        DIRECT_ASCENT_EXTRA_M_S,
        GRADE_SIGMA,
        ORBIT_CLASSES,
        PRIOR_POINTS,
        RESTART_UNKNOWN_PROBABILITY,
        grade_counts,
        mass_sigma_check,
        validation_gaps,
    )
    from orbitcoop.validation import coverage_rows, coverage_summary, flown_rows

    counts = grade_counts()
    why = {
        "A": "primary (user's manual, agency, manufacturer): quoted to 3-4 figures; what remains is what a "
        "figure includes (residuals, interstage, the version flown)",
        "B": "encyclopedia or press quoting the operator: rounded ('about 25 t' carries up to ±2 % of "
        "rounding alone) and silent on what is included; a figure of another version or revision",
        "C": "secondary compilation, no reference seen: the spread of the catalogue's own alternative "
        "figures (SRB-3 dry 8.7 or 9.0 t, +3.4 %; thrust 2,130-2,300 kN, +7 %)",
    }
    lines = [
        "",
        "## Payload as a distribution",
        "",
        "`payload_distribution(vehicle, site, orbit, samples=2000, seed=0)` draws the payload",
        "(`orbitcoop/uncertainty.py`), and `can_launch`'s `probability` column is P(payload ≥ mass)",
        "from it. Each sample is one possible world:",
        "",
        "1. **Data**: every stage figure and every calibration point's payload is multiplied by",
        "   exp(σ·z), σ from the grade of its source (table below). The loss constant is *refitted* on",
        "   the sample's own figures, as the point estimate is fitted on the catalogue's, so an error",
        "   at the calibration orbit is absorbed there; what moves the payload is how it carries to",
        "   other orbits.",
        "2. **Calibration spread**: N(0, the spread of the fitted constants) where a vehicle has two",
        "   calibration points (Long March 5).",
        "3. **Model error**, in Δv: a Student-t from the Δv gaps of the validation points of the *other*",
        "   vehicles in the orbit's class (leave-one-vehicle-out), with zero mean (so the median stays",
        "   at the point estimate) and a prior on the variance at the pooled mean square of all the other",
        f"   vehicles' gaps, worth {PRIOR_POINTS:g} point (Gelman et al., *Bayesian Data Analysis*, 3rd ed., §3.3).",
        "",
        "The fixed ±150 m/s loss band of the point estimate (the tables above) is kept as it was; the",
        "distribution replaces it where a probability is wanted. Its 150 m/s was a prior guess of how far",
        "a loss fitted at one orbit is off at another, which the model-error term now measures, so it is",
        "not drawn on top. The validation gaps behind that term also hold those vehicles' data errors,",
        "so drawing both counts the data twice, a few % of payload at most (the split below).",
        "",
        "### σ of a catalogue figure, by grade",
        "",
        "The grade is the first `[A]`/`[B]`/`[C]` tag of the figure's source in the data file; a",
        "secondary file quoting a named primary or encyclopedic figure (`[C quoting A]`) counts as B,",
        "an untagged source as C. Masses are propellant, dry and fairing masses; thrust includes burn",
        "times (both set a mass flow). Isp is a narrower quantity (one engine's figures differ by",
        "about 1 % between versions and revisions; vacuum against sea level is kept apart in the data).",
        "",
        "| grade | masses | Isp | thrust, burn time | figures (mass / Isp / thrust) | why |",
        "|---|---|---|---|---|---|",
    ]
    for g in "ABC":
        lines.append(
            f"| {g} | {100 * GRADE_SIGMA['mass'][g]:g} % | {100 * GRADE_SIGMA['isp'][g]:g} % | "
            f"{100 * GRADE_SIGMA['thrust'][g]:g} % | {counts[('mass', g)]} / {counts[('isp', g)]} / "
            f"{counts[('thrust', g)]} | {why[g]} |"
        )
    check = mass_sigma_check()
    pred = math.sqrt(sum(r["predicted_sigma_pct"] ** 2 for r in check) / len(check))
    obs = math.sqrt(sum(r["observed_pct"] ** 2 for r in check) / len(check))
    lines += [
        "",
        "The numbers are set from the grades' definitions, not fitted. One check the catalogue allows:",
        "the σ the graded masses give each vehicle's stage-mass sum, against that sum's difference from",
        f"the published lift-off mass (the table at the end): RMS {pred:.1f} % predicted, {obs:.1f} % observed",
        f"over {len(check)} vehicles. The observed differences also hold an included payload or not (up to",
        "about 4 %), so the mass σ are if anything generous.",
        "",
        "### Model error by orbit class",
        "",
        "| class | validation points (Δv gap m/s) | RMS m/s |",
        "|---|---|---|",
    ]
    gaps = validation_gaps()
    for c in ORBIT_CLASSES:
        mine = [(vid, spec, g) for vid, cls, spec, g in gaps if cls == c]
        rms = math.sqrt(sum(g * g for *_, g in mine) / len(mine)) if mine else math.nan
        listed = ", ".join(f"`{vid}` `{spec}` {g:+.0f}" for vid, spec, g in mine) or "none"
        lines.append(f"| {c} | {listed} | {rms:.0f} |")
    lines += [
        "",
        "Classes: escape (a C3, or an apogee beyond 100,000 km), GTO-GEO (apogee above 2,000 km), SSO",
        "(inclination above 95°), LEO. A vehicle's own points never set its error; sibling",
        "configurations (H-IIA 202 and 204, Soyuz ST-B and 2.1b) do, which flatters their coverage.",
        "",
        "### A stage not known to restart",
        "",
        "Long March 7's second stage is not known to restart. The distribution keeps the restart the",
        "point estimate assumes and widens to cover the direct ascent: where an upper stage's restart",
        "capability is unknown and the orbit is circular above the parking orbit, a sample keeps the",
        f"restart with probability {RESTART_UNKNOWN_PROBABILITY:g} (no information either way) and otherwise",
        f"pays an extra Δv drawn uniformly from 0 (a coast before the stage lights) to {DIRECT_ASCENT_EXTRA_M_S:.0f} m/s",
        "(the one-burn ascent to 700 km of `tools/ascent_experiment.py`), scaled with the altitude above",
        "the parking orbit and not extrapolated past 700 km. Pricing the direct ascent alone would need an",
        "ascent model the library does not have, for a profile no source confirms; the mixture says",
        "both, and moves the median below the point estimate (Long March 7 to 700 km SSO below).",
        "",
        "### Coverage",
        "",
    ]
    rows = coverage_rows()
    cov = coverage_summary(rows)
    ref = coverage_summary(coverage_rows(role=PayloadRole.REFERENCE))
    lines += [
        f"Each validation point against its distribution ({DEFAULT_SAMPLES} samples, seed 0), its own vehicle",
        "held out of the model error: is the published payload inside the 10-90 % band?",
        "",
        f"- 10-90 % band: **{cov['inside']} of {cov['points']}** points inside ({100 * cov['coverage']:.0f} %; "
        "80 % expected, a binomial standard deviation of "
        f"{100 * math.sqrt(0.16 / cov['points']):.0f} points of % at this count).",
        f"- the fixed ±150 m/s band of the point estimate: {cov['inside_fixed']} of {cov['points']} "
        f"({100 * cov['coverage_fixed']:.0f} %).",
        "- by class: " + "; ".join(f"{c} {i} of {n}" for c, (i, n) in cov["by_class"].items()) + ".",
        f"- the reference points read by convention (*reference (interpreted)* above; in no model-error pool): "
        f"{ref['inside']} of {ref['points']} inside the 10-90 % band, {ref['inside_fixed']} in the fixed band.",
        "",
        "| vehicle | orbit | class | published kg | point kg | 10 % | median | 90 % | P(≥ published) | inside |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| `{r['vehicle']}` | `{r['orbit']}` | {r['class']} | {r['published_kg']:.0f} | {r['point_kg']:.0f} | "
        f"{r['p10_kg']:.0f} | {r['p50_kg']:.0f} | {r['p90_kg']:.0f} | {r['probability']:.2f} | "
        f"{'yes' if r['inside'] else '**no**'} |"
        for r in rows
    ]
    half = {}
    for name, parts in (("data and calibration", ("data", "calibration")), ("model error", ("model",)), ("all", None)):
        part_rows = rows if parts is None else coverage_rows(parts=parts)
        widths = sorted(100 * (r["p90_kg"] - r["p10_kg"]) / 2 / r["point_kg"] for r in part_rows)
        half[name] = widths[len(widths) // 2]
    lines += [
        "",
        "Half the 10-90 % band as a share of the point estimate, median over these points: "
        + ", ".join(f"{k} {v:.0f} %" for k, v in half.items())
        + ". The model error dominates. With one to three points per class its Student-t has",
        "few degrees of freedom and a wide 80 % band (1.9 scales at 2 degrees against 1.3 for a normal),",
        "and the escape points sit near the middle of bands widened by the pooled prior (the larger",
        "LEO and SSO gaps): the bands are conservative, more so where a class has few points. They are",
        "not narrowed to bring the count to 80 %: that would fit the band to the points it is tested on.",
        "",
        "Flown payloads (lower bounds): P(payload ≥ flown mass) "
        + ", ".join(f"`{r['vehicle']}` `{r['orbit']}` {r['probability']:.2f}" for r in flown_rows())
        + ".",
        "",
    ]
    return lines


def validation_markdown() -> str:
    from orbitcoop.performance import (
        DOCUMENTED_MEDIAN_ERROR_PCT,
        DOCUMENTED_WORST_ERROR_PCT,
        LOSS_SIGMA_M_S,
        validation_rows,
        validation_summary,
    )
    from orbitcoop.vehicles import LIFTOFF_TOLERANCE_PCT, list_vehicles, mass_check_rows

    rows = validation_rows()
    summary = validation_summary(rows)
    by_kind = {}
    for r in rows:
        if r["role"] == "validation":
            by_kind.setdefault(_orbit_kind(r["orbit"]), []).append(r)
    kinds = []
    for kind, kind_rows in sorted(by_kind.items()):
        k = validation_summary(kind_rows)
        kinds.append([kind, k["points"], f"{k['median_abs_error_pct']:.1f}", f"{k['worst_abs_error_pct']:.1f}"])
    points = [
        [
            f"`{r['vehicle']}`",
            r["role"],
            r["site"],
            f"`{r['orbit']}`",
            f"{r['published_kg']:.0f}",
            f"{r['predicted_kg']:.0f}",
            f"{r['low_kg']:.0f}–{r['high_kg']:.0f}",
            f"{r['error_pct']:+.1f}",
            _signed(r["dv_gap_m_s"]),
        ]
        for r in rows
        if r["role"] not in ("unavailable", "flight")
    ]
    flights = [
        [
            f"`{r['vehicle']}`",
            r["site"],
            f"`{r['orbit']}`",
            f"{r['published_kg']:.0f}",
            f"{r['predicted_kg']:.0f}",
            f"{r['low_kg']:.0f}–{r['high_kg']:.0f}",
            "yes" if r["high_kg"] >= r["published_kg"] else "**no**",
        ]
        for r in rows
        if r["role"] == "flight"
    ]
    masses = [
        [f"`{r['vehicle']}`", f"{r['stack_kg']:.0f}", f"{r['liftoff_kg']:.0f}", f"{r['difference_pct']:+.1f}"]
        for r in mass_check_rows()
    ]
    # The largest published payload as a share of lift-off: what a lift-off mass may include.
    share = max(
        max(p.payload_kg for p in v.performance) / v.liftoff_mass_kg
        for v in list_vehicles()
        if v.liftoff_mass_kg and v.performance
    )
    unavailable = [f"- `{r['vehicle']}`: {r['reason'].split(': ', 1)[-1]}" for r in rows if r["role"] == "unavailable"]
    values = {
        "loss_sigma_m_s": f"{LOSS_SIGMA_M_S:.0f}",
        "points": summary["points"],
        "median_error_pct": f"{summary['median_abs_error_pct']:.1f}",
        "worst_error_pct": f"{summary['worst_abs_error_pct']:.1f}",
        "median_gap_m_s": f"{summary['median_abs_dv_gap_m_s']:.0f}",
        "documented_median_pct": _g(DOCUMENTED_MEDIAN_ERROR_PCT),
        "documented_worst_pct": _g(DOCUMENTED_WORST_ERROR_PCT),
        "by_kind_table": table(["validation points by orbit", "points", "median |error| %", "worst |error| %"], kinds),
        "points_table": table(
            ["vehicle", "role", "site", "orbit", "published kg", "predicted kg", "band kg", "error %", "Δv gap m/s"],
            points,
        ),
        "flights_table": table(
            ["vehicle", "site", "orbit", "flown kg", "predicted kg", "band kg", "band reaches it"], flights
        ),
        "h2a_long_coast_errors": _range(
            [r["error_pct"] for r in rows if r["vehicle"].startswith("h-iia-") and r["orbit"].startswith("gtodv:")]
        ),
        "payload_share_pct": f"{100 * share:.0f}",
        "liftoff_tolerance_pct": _g(LIFTOFF_TOLERANCE_PCT),
        "mass_table": table(["vehicle", "stages + fairing kg", "published lift-off kg", "difference %"], masses),
        "unavailable": "\n".join(unavailable)
        or "- none: every catalogue vehicle has the stage figures and a calibration point the model needs.",
    }
    values |= _sso_values(rows) | _escape_values(rows) | _newer_vehicles_values(rows)
    values["distribution"] = "\n".join(distribution_markdown()).strip("\n")
    return fill("validation", values)


def main(argv):
    targets = {
        ROOT / "docs" / "catalogue.md": catalogue_markdown(),
        ROOT / "docs" / "claims.md": claims_markdown(),
        ROOT / "docs" / "validation.md": validation_markdown(),
    }
    stale = [t for t, text in targets.items() if not t.exists() or t.read_text(encoding="utf-8") != text]
    if "--check" in argv:
        for t in stale:
            print(f"{t} is out of date: run python tools/make_docs.py")
        return 1 if stale else 0
    for t in stale:
        t.write_text(targets[t], encoding="utf-8")
        print(f"wrote {t}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
