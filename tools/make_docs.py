"""Regenerate the generated parts of docs/ from the data files.

python tools/make_docs.py        # rewrite docs/catalogue.md, docs/claims.md, docs/validation.md
python tools/make_docs.py --check  # exit 1 if it is out of date (tests/test_docs.py)
"""

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def catalogue_markdown() -> str:
    from orbitcoop.sites import catalogue

    lines = [
        "# Launch-site catalogue",
        "",
        "Generated from `orbitcoop/data/launch_sites.toml` by `tools/make_docs.py`; do not edit by hand.",
        "Grades: [A] primary (agency, operator, user's manual), [B] encyclopedia or press quoting the",
        "operator, [C] secondary compilation. Positions are geodetic, north and east positive.",
        "A corridor is a published range of ground launch azimuths (clockwise); an inclination limit a",
        "published range of inclinations. *unknown* means no source was found: orbitcoop then judges",
        "reachability by geometry alone and says so. A flown route is a dog-leg seen in a flown orbit",
        "(its plane missed the pad by the angle shown) and is charged for orbits in its inclination band.",
        "",
        "| id | name | country | status | lat ° | lon ° | corridor / inclination limits / flown routes | position source |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for s in catalogue():
        constraint = s.constraints_label if s.constraints_known else "*unknown*"
        if s.routes:
            constraint += "; " + "; ".join(r.label for r in s.routes)
        src = s.position_source.replace("|", "/")
        if len(src) > 140:
            src = src[:137] + "…"
        name = s.name + (f" (pad of {s.parent})" if s.parent else "")
        lines.append(
            f"| `{s.id}` | {name} | {s.country} | {s.status} | {s.latitude_deg:.4f} | "
            f"{s.longitude_deg:.4f} | {constraint} | {src} |"
        )
    lines += ["", "The sources of corridors, limits, elevations and flown inclinations are in the data file.", ""]
    return "\n".join(lines)


CLAIMS_INTRO = """# Claims

orbitcoop turns statements from the news into questions with numbers, and the numbers into one
verdict per statement. Statements are data: `orbitcoop/data/claims.toml`, or your own file with
the same schema (`orbitcoop claims --file mine.toml`, `orbitcoop.evaluate_claims("mine.toml")`).

## Schema

```toml
[article.scmp-2016-japan-russia]
publication = "South China Morning Post"
title = "…"
date = "2016-10-03"

[[statement]]
id = "tanegashima-too-far-north-for-geo"     # unique
article = "scmp-2016-japan-russia"           # one of the [article.ID] tables
speaker = "Lance Gatling, aerospace analyst"
kind = "physical"                            # or "historical-fact", "policy-or-programme"
quote = "…"                                  # verbatim from the article
reading = "…"                                # the question actually tested, in plain words
assumptions = ["…"]                          # how the statement is read
what_else = ["… (source)"]                   # sourced facts beyond orbital mechanics
outside_why = "…"                            # required unless kind = "physical"

[[statement.question]]
id = "dv"
metric = "dv_difference"                     # see below
role = "test"                                # "test" (physical only) or "context"
asks = "Does GEO from Tanegashima cost at least 100 m/s more than from Kourou?"
why = "…"                                    # why the threshold is what it is (tests)
exchange = "h-iia-202@tanegashima>gtodv:1500>gtodv:1600"  # optional: price 100 m/s in payload
site = "tanegashima"
references = ["kourou"]
orbits = ["geo"]                             # presets or forms like "sso:700", "leo:500:45"
comparison = "more"
threshold_m_s = 100.0
```

| metric | fields | a comparison holds when |
|---|---|---|
| `dv_difference` | `site`, `references`, `orbits`, `comparison` (`more`, `less`, `not_more`), `threshold_m_s`, optional `vehicle` | the site's total Δv differs from each reference's as claimed by the threshold; `vehicle` prices the difference as payload |
| `payload_difference` | `vehicle`, `site`, `references`, `orbits`, `comparison` (`more`, `less`, `similar`), `threshold_pct` | the vehicle's payload from the site differs from its payload at each reference site as claimed |
| `payload_covers` | `vehicle`, `site`, `orbits` and a reference: `reference_vehicle` + `reference_site` (modelled), or `reference_vehicle` + `reference_published = true` + `reference_orbit` (largest published point), or `reference_kg` + `reference_label` + `reference_source` | the vehicle lifts at least the reference payload |
| `reachable` | `sites`, `orbits`, `expect` | each site reaches each orbit directly, with no plane change or dog-leg charged (geometry, the published corridor where there is one, the flown routes), as expected; the margin is measured to the nearest edge of the allowed range |
| `spread` | `sites` (≥ 2), `orbits`, `threshold_m_s` | dearest minus cheapest site is below the threshold |
| `context` | `sites`, `orbits`, optional `payloads` (`"vehicle@site>orbit"`) | never: numbers for the reader |

Each metric is one class in `orbitcoop/claims.py` (its loader and `evaluate()`); a new metric is
one more class in `METRICS`.

## How verdicts are decided

A **physical** statement's test questions are computed with `orbitcoop.assess` (kinematic Δv
from a 200 km parking orbit, Earth's rotation included, plane changes split optimally,
supersynchronous transfers for GEO where cheaper, published corridors respected) and
`orbitcoop.payload`. If every comparison holds the verdict is **supported**, if none does
**contradicted**, otherwise **partly**; if a named rocket lacks the data the payload model needs,
**needs vehicle model**. A **historical-fact** or **policy-or-programme** statement is **outside
orbital mechanics**: its questions are context. Each comparison reports its margin (signed:
positive holds) and the value at which it would flip. Nothing in the claims file states a
verdict: change a site's latitude or corridor and the verdict can flip (tests/test_claims.py does
exactly that). A malformed file raises `ClaimsFileError` naming the file, the statement and the
field.

## Current verdicts

Generated by `tools/make_docs.py` from the built-in claims and catalogue; do not edit by hand.

"""


def claims_markdown() -> str:
    from orbitcoop.claims import evaluate_claims
    from orbitcoop.report import claims_blocks, render_markdown

    # one level down: the doc's "Current verdicts" is a level-2 heading
    demote = {"h2": "h3", "h3": "h4"}
    blocks = [(demote.get(b[0], b[0]), *b[1:]) for b in claims_blocks(evaluate_claims())]
    return CLAIMS_INTRO.rstrip() + "\n\n" + render_markdown(blocks).rstrip() + "\n"


#: Apogee altitude [km] up to which a validation orbit counts as low (LEO / SSO) in the by-kind table.
LOW_APOGEE_KM = 2000.0


def _orbit_kind(spec: str) -> str:
    """The row of the by-kind summary an orbit spec falls in: escape, low (apogee up to LOW_APOGEE_KM),
    or a transfer orbit reaching beyond (GTO, sub-GTO, lunar transfer)."""
    from orbitcoop.orbits import parse_orbit

    t = parse_orbit(spec)
    if t.escape:
        return "escape"
    return "LEO / SSO" if t.apogee_altitude_km <= LOW_APOGEE_KM else "GTO and other transfer orbits"


def _row(rows, vehicle: str, orbit: str) -> dict:
    """The one validation row of ``vehicle`` to ``orbit``."""
    (r,) = [r for r in rows if r["vehicle"] == vehicle and r.get("orbit") == orbit]
    return r


def _pct_off(vehicle, site, orbit, published_kg) -> float:
    """How far [%] the estimate of ``vehicle`` (id or Vehicle) from ``site`` to ``orbit`` is from ``published_kg``."""
    from orbitcoop.performance import payload

    return 100.0 * (payload(vehicle, site, orbit).mass.to_value("kg") / published_kg - 1.0)


def _escape_narrative(rows) -> list[str]:
    """The escape curves with and without the departure burn's finite-burn loss, every figure computed."""
    import dataclasses

    from orbitcoop.performance import payload
    from orbitcoop.vehicles import get_vehicle

    def errors(vehicle, impulsive=False):
        v = get_vehicle(vehicle)
        if impulsive:  # the departure burn as an impulse: no published thrust for the upper stage
            v = dataclasses.replace(v, stages=(*v.stages[:-1], dataclasses.replace(v.stages[-1], thrust_vac_kn=None)))
        return [
            _pct_off(v, r["site"], r["orbit"], r["published_kg"])
            for r in (_row(rows, vehicle, f"c3:{c3}") for c3 in (0, 10, 20))
        ]

    def burn(vehicle, site, orbit):
        return payload(vehicle, site, orbit).budget["finite_burn"].to_value("m/s")

    def pct(values):
        return " / ".join(f"{x:+.1f}" for x in values)

    soyuz, soyuz_imp, h2a = errors("soyuz-st-b"), errors("soyuz-st-b", True), errors("h-iia-202")
    esa = {p.orbit: p for p in get_vehicle("soyuz-st-b").performance if p.source.startswith("ESA")}
    esa_err = [
        _pct_off("soyuz-st-b", "kourou", spec, esa[orbit].payload_kg)
        for orbit, spec in (("GTO", esa["GTO"].orbit_interpretation), ("LEO", "leo:200:5.2"))
    ]
    cross = payload("soyuz-2.1b-fregat", "kourou", "geo").mass.to_value("kg")
    return [
        "",
        "The escape points (H-IIA 202 from Tanegashima, Soyuz ST-B from Kourou; C3 = 0, 10 and 20",
        "km²/s², from the user's manuals' curves as tabulated by a third-party file) are predicted from",
        "a GTO and a GEO calibration point. An escape is one burn out of the parking orbit, and the",
        "model prices what that burn's length costs over an impulse (docs/theory.md §9): for Soyuz's",
        f"Fregat (20 kN) {burn('soyuz-st-b', 'kourou', 'c3:0'):.0f} to {burn('soyuz-st-b', 'kourou', 'c3:20'):.0f} m/s "
        f"at C3 = 0 to 20, against {burn('soyuz-st-b', 'kourou', 'geo'):.0f} m/s for the perigee burn of its GEO",
        f"calibration. Its curve comes out at {pct(soyuz)} %; priced as impulses, the same model gives",
        f"{pct(soyuz_imp)} %, a drift a single loss constant fitted on the shorter burn cannot follow.",
        f"H-IIA's LE-5B (137 kN) burns for a few minutes ({burn('h-iia-202', 'tanegashima', 'c3:0'):.0f} to "
        f"{burn('h-iia-202', 'tanegashima', 'c3:20'):.0f} m/s), so its curve keeps",
        f"its drift, {pct(h2a)} %; the cause there is not identified. Soyuz ST-B's calibration on",
        f"ESA's GEO figure also reproduces ESA's GTO and 200 km LEO figures ({esa_err[0]:+.1f} and {esa_err[1]:+.1f} %;",
        "references: their orbits are not fully defined). The two Soyuz models cross-check each other:",
        "soyuz-2.1b-fregat, calibrated on an 8,670 kg Baikonur LEO figure whose configuration is not",
        f"stated, would put {cross:,.0f} kg into GEO from Kourou with the smaller Fregat-M, "
        f"{100 * (cross / 1480 - 1):.0f} % above ESA's",
        "1,480 kg for the larger Fregat-MT, as expected if that LEO figure is for a Soyuz-2.1b without",
        "Fregat; its estimates from the Russian sites are optimistic by about that much.",
    ]


def _newer_vehicles_narrative(rows) -> list[str]:
    """Where PSLV-XL, Ariane 6 and Long March 5 stand, every figure taken from the catalogue or computed."""
    import dataclasses

    from orbitcoop.feasibility import assess
    from orbitcoop.performance import calibration, payload
    from orbitcoop.vehicles import get_vehicle, mass_check_rows

    def err(vehicle, orbit):
        return _row(rows, vehicle, orbit)["error_pct"]

    def sso_reference(vehicle):
        (p,) = [p for p in get_vehicle(vehicle).performance if p.orbit == "SSO" and p.role == "reference"]
        return p.payload_kg, [_pct_off(vehicle, p.site, f"sso:{h}", p.payload_kg) for h in (800, 500)]

    sso = assess("satish-dhawan", "sso:600")  # PSLV-XL's calibration orbit
    route, charge = sso.route, sso.dv.dogleg.to_value("m/s")
    (a62_kg, a62), (a64_kg, a64) = sso_reference("ariane-62"), sso_reference("ariane-64")
    lm5 = get_vehicle("long-march-5")
    fitted = {p.orbit_spec.split(":")[0]: p for p in lm5.performance if p.role == "calibration"}
    gto, tli = fitted["gto"], fitted["ell"]

    def fitted_on(point, orbit):  # Long March 5 calibrated on one of its points, priced to the other's orbit
        return payload(dataclasses.replace(lm5, performance=(point,)), "wenchang", orbit.orbit_spec).mass.to_value("kg")

    gto_from_tli, tli_from_gto = fitted_on(tli, gto), fitted_on(gto, tli)
    (short,) = [r["difference_pct"] for r in mass_check_rows() if r["vehicle"] == "long-march-5"]
    return [
        "",
        "PSLV-XL is calibrated on ISRO's 1,750 kg to a 600 km sun-synchronous orbit, which from",
        f"Sriharikota carries the flown route of {route.mission.split(' (')[0]} (a plane {route.plane_offset_deg:g}° from the",
        f"pad, charged {charge:.0f} m/s at the parking orbit's speed). It predicts IRNSS-1I's sub-GTO",
        f"within {err('pslv-xl', 'ell:284:20650:19.2'):+.1f} % but its 200 km, 30° LEO figure "
        f"{err('pslv-xl', 'leo:200:30'):+.0f} %. If PSLV's",
        "yaw is flown early, at lower speed, the real dog-leg costs less than that charge, the fitted",
        "loss is too small and every eastward estimate high; the sub-GTO point bounds that effect to a",
        "few per cent, so most of the LEO gap is unexplained (that figure's orbit is only '200 km at",
        "30°', from an encyclopedia). PS4's Isp is an encyclopedia figure whose reference was not seen.",
        "",
        "Heavy low-orbit payloads of vehicles calibrated on high-energy orbits come out high:",
        "H-IIA 202's 300 km LEO point (calibrated on GTO), and Ariane 62 and 64 (calibrated on GTO",
        f"and GEO) against their published SSO figures ({a62_kg:,.0f} and {a64_kg:,.0f} kg, altitude not",
        f"published, so not in the table): {a62[0]:+.0f} to {a62[1]:+.0f} % and {a64[0]:+.0f} to "
        f"{a64[1]:+.0f} % for 800 to 500 km. The usual",
        "explanation is that a heavier payload lowers every stage's thrust-to-weight, so the ascent's",
        "gravity loss grows with it and a loss fitted at a light payload is too small for a heavy one.",
        "`tools/ascent_experiment.py` measures that effect in an idealised ascent (planar, no drag,",
        "linear-tangent steering solved to reach 200 km; the loss up to orbit against payload). From",
        "H-IIA 202's 4 t GTO calibration to its 10 t LEO point the loss grows by 304 m/s, which would",
        "close that point's gap (+240 m/s). The same effect moves H-IIA 204's LEO point (+62 to -170",
        "m/s), Ariane 64's GTO point (-269 to -397), H-IIA's escape curve (+82...+133 to +119...+194)",
        "and PSLV's LEO point (+467 to +621; its ideal loss falls with payload) further from the",
        "published figures. So payload-dependent ascent losses, as far as an ideal ascent shows them,",
        "do not explain the pattern, and the model keeps one constant per vehicle (estimators that take",
        "the loss from thrust-to-weight, such as Schilling 2009, use empirical coefficients; no",
        "published set of those was found). Ariane 64's GTO point, read as Ariane 62's is on",
        f"CNES's description of Ariane 6's GTO, comes out {err('ariane-64', 'gto:250:35786:6'):+.1f} % from its "
        "GEO calibration.",
        "",
        f"Long March 5 has two calibration points that disagree: Chang'e-5's {tli.payload_kg:,.0f} kg into the",
        f"Earth-Moon transfer orbit Xinhua defines, and the {gto.payload_kg / 1000:g} t GTO figure read at the 19.5° it flies.",
        f"Alone, the lunar point predicts {gto_from_tli:,.0f} kg to that GTO and the GTO point",
        f"{tli_from_gto:,.0f} kg to the lunar orbit, the drift of H-IIA's escape curve above. The loss",
        f"is their mean and the band their spread (±{calibration('long-march-5').sigma_m_s:.0f} m/s); its",
        f"stage table is also {abs(short):.1f} % short of the published lift-off mass (below).",
    ]


def _signed(x: float) -> str:
    return "–" if math.isnan(x) else f"{x:+.0f}"


def _gap(rows, vehicle: str, orbit: str) -> float:
    return _row(rows, vehicle, orbit)["dv_gap_m_s"]


def validation_markdown() -> str:
    from orbitcoop.performance import (
        DOCUMENTED_MEDIAN_ERROR_PCT,
        DOCUMENTED_WORST_ERROR_PCT,
        LOSS_SIGMA_M_S,
        validation_rows,
        validation_summary,
    )

    rows = validation_rows()
    summary = validation_summary(rows)
    lines = [
        "# Payload model validation",
        "",
        "Generated by `tools/make_docs.py` from `orbitcoop/data/vehicles.toml`; do not edit by hand.",
        "",
        "Each vehicle's loss constant is fitted to its *calibration* points only (so those match by",
        "construction); *validation* points are predicted, never fitted. The band is the payload at the",
        f"required Δv ± the loss uncertainty (±{LOSS_SIGMA_M_S:.0f} m/s, or the calibration spread if larger).",
        "Method: `orbitcoop/performance.py`; published points and their sources: the data file.",
        "",
        "## Summary",
        "",
        f"- validation points: {summary['points']}",
        f"- median |error|: {summary['median_abs_error_pct']:.1f} %",
        f"- worst |error|: {summary['worst_abs_error_pct']:.1f} %",
        f"- median |Δv gap| (below): {summary['median_abs_dv_gap_m_s']:.0f} m/s",
        "- goal: median ≤ 5 %, worst ≤ 15 %.",
        f"- documented bounds, asserted by tests/test_payload.py: median ≤ {DOCUMENTED_MEDIAN_ERROR_PCT:g} %, "
        f"worst ≤ {DOCUMENTED_WORST_ERROR_PCT:g} %.",
        "",
    ]
    by_kind = {}
    for r in rows:
        if r["role"] == "validation":
            by_kind.setdefault(_orbit_kind(r["orbit"]), []).append(r)
    lines += [
        "| validation points by orbit | points | median |error| % | worst |error| % |",
        "|---|---|---|---|",
    ]
    for kind, kind_rows in sorted(by_kind.items()):
        k = validation_summary(kind_rows)
        lines.append(f"| {kind} | {k['points']} | {k['median_abs_error_pct']:.1f} | {k['worst_abs_error_pct']:.1f} |")
    lines += [
        "",
        "## Points",
        "",
        "*Δv gap*: what the required Δv misses at that point, the Δv to add to it (negative: to take",
        "off) for the estimate to equal the published payload. It says in m/s, comparable across",
        "vehicles, how far off the model's physics is; the error % also depends on how steeply a",
        "vehicle's payload falls with Δv.",
        "",
        "| vehicle | role | site | orbit | published kg | predicted kg | band kg | error % | Δv gap m/s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    unavailable = [r for r in rows if r["role"] == "unavailable"]
    flights = [r for r in rows if r["role"] == "flight"]
    for r in rows:
        if r["role"] in ("unavailable", "flight"):
            continue
        lines.append(
            f"| `{r['vehicle']}` | {r['role']} | {r['site']} | `{r['orbit']}` | {r['published_kg']:.0f} | "
            f"{r['predicted_kg']:.0f} | {r['low_kg']:.0f}–{r['high_kg']:.0f} | {r['error_pct']:+.1f} | "
            f"{_signed(r['dv_gap_m_s'])} |"
        )
    lines += [
        "",
        "Rows marked *reference (interpreted)* are published points whose orbit the source does not",
        "define; the orbit shown is a conventional reading (the data file says which). They are listed",
        "for information and are not in the summary.",
        "",
        "## Flown payloads",
        "",
        "Masses actually flown into a stated orbit: lower bounds on what the vehicle can put there, so",
        "the estimate's band must reach them (tests/test_payload.py). Not fitted, not in the summary;",
        "a flown mass well below the estimate says nothing against it.",
        "",
        "| vehicle | site | orbit | flown kg | predicted kg | band kg | band reaches it |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| `{r['vehicle']}` | {r['site']} | `{r['orbit']}` | {r['published_kg']:.0f} | {r['predicted_kg']:.0f} | "
        f"{r['low_kg']:.0f}–{r['high_kg']:.0f} | {'yes' if r['high_kg'] >= r['published_kg'] else '**no**'} |"
        for r in flights
    ]
    lines += [
        "",
        "## Where the model is off, and why",
        "",
        "The two sun-synchronous validation points are the worst: H-IIA 202 to 800 km from Tanegashima",
        "and Long March 7 to 700 km from Wenchang, both over-predicted, while the low-inclination points",
        "of the same vehicles and site are within 10 % (H-IIA 202 and 204 to 300 km at 30.4°).",
        "Tanegashima's polar launches first head east (ALOS-2: initial azimuth 100°) and then dog-leg",
        "south, so as not to overfly the Philippines during the second-stage burn. No corridor is",
        "published, but GOSAT's orbit shows the result: its plane missed the launch pad by 6.4° at",
        "lift-off (a flown route in the site catalogue, recomputed by a test from GOSAT's orbital",
        "elements). The turn is flown in the ascent, so the model charges that least turn as a plane",
        "change at the parking orbit's speed, 0.87 km/s whatever the target altitude (a turn during the",
        "ascent cannot be moved to a transfer's apogee). The H-IIA points say the real dog-leg costs",
        "about 0.5-0.6 km/s more than that, at 500 km as at 800 km (the 500 km reference: +23 %), as a",
        "path that first heads east and then south turns by more than 6.4°. The remaining error is",
        "that difference.",
        "",
        "Wenchang does reach sun-synchronous orbits (Long March 8's first flight, 97.44° at about",
        "510 km, in the site catalogue), and no dog-leg has been published for them. Long March 7 has",
        "only flown single-burn direct ascents, and no source says whether its second stage can restart",
        "or which profile CALT's 5.5 t assumes. The model assumes a restart: a Hohmann transfer from",
        f"the 200 km parking orbit, {_gap(rows, 'long-march-7', 'sso:700'):.0f} m/s short of what the published "
        "figure implies (the Δv gap). In",
        "the idealised ascent of `tools/ascent_experiment.py`, reaching 700 km in one burn costs",
        "Long March 7 1.58 km/s more than the parking orbit and transfer; a coast before the second",
        "stage lights costs less. The gap is the size of that difference in ascent profile, which a",
        "published restart capability would settle.",
        "",
        "H3's stage masses are rounded press and encyclopedia figures whose sums exceed the published",
        "lift-off masses by 1-4 %, and both H3 calibration points carry a Tanegashima dog-leg, each",
        "charged by a flown route: the polar one above, and the ISS one (HTV launches start at azimuth",
        "108.5° rather than the 131° of a direct ascent; HTV-1's insertion point puts its plane 3.2°",
        "from the pad). What the model misses of those dog-legs lands in the loss constants, so H3's",
        "GTO estimates come out low (H3-24's long-coast GTO reference: about -10 %).",
        "",
    ]
    lines += _escape_narrative(rows)
    lines += _newer_vehicles_narrative(rows)
    lines += [
        "",
        "The long-coast GTO references (H-IIA 202 and 204, +13 to +18 %) fly a coast of several hours",
        "and a third burn of the second stage; the extra equipment and boil-off that needs are not",
        "modelled. Other limits: one loss constant per vehicle (losses differ between a low LEO and a",
        "long GTO ascent); vacuum Isp, or the sea-level figure where only that is published (the",
        "estimate's notes say so); boosters sharing the first phase by mass flow; stage masses mostly",
        "from secondary sources.",
    ]
    from orbitcoop.vehicles import LIFTOFF_TOLERANCE_PCT, mass_check_rows

    lines += [
        "",
        "## Stage masses against published lift-off masses",
        "",
        "The sum of every stage's propellant and dry mass and the fairing, against the vehicle's published",
        "lift-off mass (sources in the data file; they rarely say whether a payload is included, up to",
        f"about 4 % of lift-off here). A gap beyond ±{LIFTOFF_TOLERANCE_PCT:g} % points to a wrong stage figure;",
        "tests/test_payload.py lists the vehicles allowed past it, each with its reason in the data file.",
        "",
        "| vehicle | stages + fairing kg | published lift-off kg | difference % |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| `{r['vehicle']}` | {r['stack_kg']:.0f} | {r['liftoff_kg']:.0f} | {r['difference_pct']:+.1f} |"
        for r in mass_check_rows()
    ]
    lines += [
        "",
        "## Vehicles without a payload estimate",
        "",
        "Missing data is recorded as missing, not guessed; these vehicles have no estimate until it is found.",
        "",
    ]
    lines += [f"- `{r['vehicle']}`: {r['reason'].split(': ', 1)[-1]}" for r in unavailable] or [
        "- none: every catalogue vehicle has the stage figures and a calibration point the model needs."
    ]
    lines.append("")
    return "\n".join(lines)


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
