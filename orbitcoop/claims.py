"""The claims engine: statements from the news, read charitably, each with one computed verdict.

Statements are data (``orbitcoop/data/claims.toml``, or a file of the user's with the same
schema, documented in docs/claims.md). A statement has a kind:

* ``physical``: orbital mechanics and the payload model can decide it. Its *test* questions
  give the verdict: all hold → supported, none → contradicted, some → partly.
* ``historical-fact`` and ``policy-or-programme``: the verdict is "outside orbital mechanics";
  the questions are computed as context for the reader.

Each question is one small metric class (:data:`METRICS`): it loads its fields, evaluates,
and reports every comparison with its margin (how far from the threshold, signed: positive
means the comparison holds) and the point where it would flip. Verdicts come from numbers,
never from the file, so changing a site's data can flip one.

>>> from orbitcoop.claims import evaluate_claims
>>> r = {c.id: c for c in evaluate_claims()}
>>> print(r["tanegashima-too-far-north-for-geo"].verdict)
supported
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import astropy.units as u

import orbitcoop
from orbitcoop.claim_metrics import METRICS, Metric
from orbitcoop.errors import ClaimsFileError
from orbitcoop.loading import Fields, did_you_mean, only_keys, read_toml, tables
from orbitcoop.sites import Catalogue
from orbitcoop.sites import catalogue as _builtin
from orbitcoop.verdicts import (
    KINDS,
    ROLES,
    VERDICTS,
    Comparison,
    Verdict,
    orbit_label,
    read_field,
    read_orbits,
    read_site,
    read_vehicle,
    total_dv_m_s,
)

__all__ = [
    "METRICS",
    "VERDICTS",
    "ClaimResult",
    "ClaimsFileError",
    "Comparison",
    "Statement",
    "Verdict",
    "article_bottom_lines",
    "evaluate_claim",
    "evaluate_claims",
    "load_claims",
]


# ------------------------------------------------------------------ statements


@dataclass(frozen=True)
class Question:
    id: str
    role: str  # "test" or "context"
    asks: str  # the question, in plain words
    why: str  # why the threshold is what it is ("" for context)
    metric: Metric
    exchange: tuple[str, str, str, str] | None = None  # vehicle, site, orbit, a dearer or cheaper orbit


def exchange_rate(vehicle, site, orbit_a, orbit_b) -> tuple[float, float]:
    """(% of payload per 100 m/s, payload to ``orbit_a`` [kg]): the payload model's price of Δv,
    by finite difference between two nearby orbits from the same site (same rocket, same losses)."""
    pa, pb = orbitcoop.payload(vehicle, site, orbit_a), orbitcoop.payload(vehicle, site, orbit_b)
    da, db = total_dv_m_s(orbitcoop.assess(site, orbit_a)), total_dv_m_s(orbitcoop.assess(site, orbit_b))
    ma, mb = float(pa.mass.to_value(u.kg)), float(pb.mass.to_value(u.kg))
    return abs(100.0 * (ma - mb) / ma / ((da - db) / 100.0)), ma


def _why(q: Question) -> str:
    if q.role == "test" and q.metric.name == "payload_difference":
        return q.why + _model_error()
    if not q.exchange:
        return q.why
    vid, site, a, b = q.exchange
    try:
        rate, kg = exchange_rate(vid, site, a, b)
    except orbitcoop.MissingVehicleDataError:
        return q.why
    thr = getattr(q.metric, "thr", None)
    at = f" The threshold, {thr:.0f} m/s, is thus {rate * thr / 100:.1f} %." if thr else ""
    return (
        f"{q.why} Computed: 100 m/s is {rate:.1f} % of {vid}'s payload to {orbit_label(a)} from {site}"
        f" ({kg * rate / 100:.0f} kg of {kg:.0f} kg).{at}"
    )


def _model_error() -> str:
    s = orbitcoop.validation_summary()
    return (
        f" Computed: the payload model's median error is {s['median_abs_error_pct']:.1f} % on"
        f" {s['points']} published points (docs/validation.md)."
    )


@dataclass(frozen=True)
class Statement:
    id: str
    kind: str
    quote: str
    speaker: str
    article: str
    source: dict
    reading: str
    questions: tuple[Question, ...]
    assumptions: tuple[str, ...] = ()
    what_else: tuple[str, ...] = ()
    outside_why: str = ""


@dataclass(frozen=True)
class ClaimResult:
    """A statement, its one computed verdict and the numbers and sentences behind it."""

    id: str
    quote: str
    source: dict
    verdict: Verdict
    numbers: dict
    explanation: str
    assumptions: tuple[str, ...] = ()
    kind: str = "physical"
    speaker: str = ""
    article: str = ""
    reading: str = ""
    margin: str = ""
    flip: str = ""
    payload: str = ""
    uncertainty: str = ""
    what_else: tuple[str, ...] = ()
    questions: tuple[dict, ...] = ()

    @property
    def key_numbers(self) -> str:
        """One line for tables (CLI, report summary): the margins, or the first context numbers."""
        if self.margin:
            return self.margin
        return " ".join([c["text"] for q in self.questions for c in q["comparisons"]][:2])

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "quote": self.quote,
            "speaker": self.speaker,
            "article": self.article,
            "source": dict(self.source),
            "kind": self.kind,
            "reading": self.reading,
            "verdict": str(self.verdict),
            "margin": self.margin,
            "flip": self.flip,
            "payload": self.payload,
            "uncertainty": self.uncertainty,
            "what_else": list(self.what_else),
            "numbers": self.numbers,
            "explanation": self.explanation,
            "assumptions": list(self.assumptions),
            "questions": [dict(q) for q in self.questions],
        }


def load_claims(path=None, cat: Catalogue | None = None) -> list[Statement]:
    """Read and check a claims file (default: the built-in one); errors name the statement and field."""
    cat = cat or _builtin()
    data, name = read_toml(path, "claims.toml", ClaimsFileError, "claims")
    only_keys(data, ("article", "statement"), name, ClaimsFileError)
    articles = data.get("article", {})
    if not isinstance(articles, dict):
        raise ClaimsFileError(f"{name}: [article.ID] tables expected, got article = {articles!r:.60}")
    for aid, art in articles.items():
        for key in ("publication", "title", "date"):
            read_field(art, key, str, f"{name} article {aid!r}")
    entries = tables(data, "statement", name, ClaimsFileError)
    out, seen = [], set()
    for k, entry in enumerate(entries):
        where = f"{name} statement #{k}"
        sid = read_field(entry, "id", str, where)
        where = f"{name} statement #{k} (id {sid!r})"
        if sid in seen:
            raise ClaimsFileError(f"{where}: id appears twice")
        seen.add(sid)
        f = Fields(entry, where, ClaimsFileError)
        kind = f.text("kind", choices=KINDS)
        aid = read_field(entry, "article", str, where)
        if aid not in articles:
            raise ClaimsFileError(
                f"{where}: article {aid!r} is not one of the [article.ID] tables {sorted(articles)}."
                + did_you_mean(aid, list(articles))
            )
        qs = tables(entry, "question", where, ClaimsFileError, "statement.question")
        questions = []
        for j, q in enumerate(qs):
            qwhere = f"{where} question #{j}"
            metric = read_field(q, "metric", str, qwhere)
            if metric not in METRICS:
                raise ClaimsFileError(
                    f"{qwhere}: metric {metric!r} is not one of {tuple(METRICS)}." + did_you_mean(metric, list(METRICS))
                )
            role = read_field(
                q, "role", str, qwhere, optional=True, default="test" if metric != "context" else "context"
            )
            if role not in ROLES or (role == "test" and metric == "context"):
                raise ClaimsFileError(f"{qwhere}: role {role!r} must be one of {ROLES} (a context metric is context)")
            if role == "test" and kind != "physical":
                raise ClaimsFileError(f"{qwhere}: a {kind} statement has context questions only")
            why = read_field(q, "why", str, qwhere, optional=role == "context", default="")
            exchange = read_field(q, "exchange", str, qwhere, optional=True)
            if exchange is not None:
                m = re.fullmatch(r"([^@>]+)@([^@>]+)>([^>]+)>([^>]+)", exchange)
                if not m:
                    raise ClaimsFileError(f"{qwhere}: exchange {exchange!r} must read 'vehicle@site>orbit>orbit'")
                read_vehicle(m[1], qwhere)
                read_site(cat, m[2], qwhere)
                read_orbits({"orbits": [m[3], m[4]]}, qwhere)
                exchange = (m[1], m[2], m[3], m[4])
            questions.append(
                Question(
                    read_field(q, "id", str, qwhere, optional=True, default=f"q{j}"),
                    role,
                    read_field(q, "asks", str, qwhere),
                    why,
                    METRICS[metric](q, qwhere, cat),
                    exchange,
                )
            )
        if kind == "physical" and not any(q.role == "test" for q in questions):
            raise ClaimsFileError(f"{where}: a physical statement needs at least one test question")
        if kind != "physical":
            read_field(entry, "outside_why", str, where)
        out.append(
            Statement(
                sid,
                kind,
                read_field(entry, "quote", str, where),
                read_field(entry, "speaker", str, where),
                aid,
                dict(articles[aid]),
                read_field(entry, "reading", str, where),
                tuple(questions),
                f.texts("assumptions", ()),
                f.texts("what_else", ()),
                f.text("outside_why", ""),
            )
        )
    return out


# ------------------------------------------------------------------ evaluation


def _aggregate(holds: list[bool]) -> Verdict:
    if all(holds):
        return Verdict.SUPPORTED
    if not any(holds):
        return Verdict.CONTRADICTED
    return Verdict.PARTLY


def _nearest_flip(comps: list[Comparison]) -> list[Comparison]:
    """The comparisons of one question nearest to changing its outcome: the weakest that holds
    and the nearest miss (margins of one question share a unit, so they compare)."""
    held = [c for c in comps if c.holds]
    missed = [c for c in comps if c.holds is False]
    out = [min(held, key=_margin_value)] if held else []
    return out + ([max(missed, key=_margin_value)] if missed else [])


def _margin_value(c: Comparison) -> float:
    try:
        return float(c.margin.split()[0])
    except (ValueError, IndexError):
        return 0.0


def evaluate_claim(st: Statement, cat: Catalogue | None = None) -> ClaimResult:
    """Compute a statement's questions and its one verdict."""
    cat = cat or _builtin()
    answered, tests, missing = [], [], []
    for q in st.questions:
        try:
            comps = q.metric.evaluate(cat)
        except orbitcoop.MissingVehicleDataError as exc:
            missing.append(str(exc))
            comps = [Comparison(f"The payload model cannot answer: {exc}.", None)]
        if q.role == "test" and st.kind == "physical":
            tests += [c for c in comps if c.holds is not None]
        answered.append((q, comps))
    if st.kind != "physical":
        verdict = Verdict.OUTSIDE
    elif missing:
        verdict = Verdict.NEEDS_VEHICLE
    else:
        verdict = _aggregate([bool(c.holds) for c in tests])
    decisive = []  # (question id, comparison) nearest to flipping, per test question
    if verdict in (Verdict.SUPPORTED, Verdict.CONTRADICTED, Verdict.PARTLY):
        decisive = [(q.id, c) for q, comps in answered if q.role == "test" for c in _nearest_flip(comps)]
    margin = "; ".join(f"{qid}: {c.margin}" for qid, c in decisive if c.margin)
    flip = "; ".join(f"{qid}: {c.flip}" for qid, c in decisive if c.flip)
    decisive = [c for _, c in decisive]
    payload = "; ".join(dict.fromkeys(c.payload for q, cs in answered for c in cs if c.payload and q.role == "test"))
    if not payload:
        payload = "; ".join(dict.fromkeys(c.payload for _, cs in answered for c in cs if c.payload))
    uncertainty = "; ".join(dict.fromkeys(c.uncertainty for c in decisive if c.uncertainty))
    sentences = []
    if verdict is Verdict.OUTSIDE:
        sentences.append(f"Outside orbital mechanics: {st.outside_why}. The numbers below are context.")
    elif verdict is Verdict.NEEDS_VEHICLE:
        sentences.append("The payload model cannot answer yet: " + "; ".join(missing) + ".")
    for q, comps in answered:
        if q.role == "test" and verdict is not Verdict.OUTSIDE:
            n_ok = sum(bool(c.holds) for c in comps)
            sentences.append(f"{q.asks} {n_ok} of {len(comps)} comparisons hold.")
        else:  # context: say what is shown, so it is not read as a test
            lead = q.asks if q.asks.lower().startswith("for context") else f"For context: {_lower_first(q.asks)}"
            sentences.append(lead)
        sentences += [c.text for c in comps]
    qdicts = tuple(
        {
            "id": q.id,
            "role": q.role,
            "metric": q.metric.name,
            "asks": q.asks,
            "why": _why(q),
            "comparisons": [c.to_dict() for c in comps],
        }
        for q, comps in answered
    )
    numbers = {q.id: [c.to_dict() for c in comps] for q, comps in answered}
    return ClaimResult(
        st.id,
        st.quote,
        dict(st.source),
        verdict,
        numbers,
        " ".join(sentences),
        st.assumptions,
        st.kind,
        st.speaker,
        st.article,
        st.reading,
        margin,
        flip,
        payload,
        uncertainty,
        st.what_else,
        qdicts,
    )


def evaluate_claims(path=None, catalogue: Catalogue | None = None) -> list[ClaimResult]:
    """Evaluate every statement of a claims file (default: the built-in one) against a site catalogue.

    ``catalogue`` defaults to the built-in one; pass another (:class:`orbitcoop.Catalogue`) to see
    how a verdict depends on the site data.
    """
    cat = catalogue or _builtin()
    return [evaluate_claim(s, cat) for s in load_claims(path, cat)]


def article_bottom_lines(results) -> dict[str, str]:
    """{article id: one paragraph computed from its statements' verdicts}."""
    by_article: dict[str, list[ClaimResult]] = {}
    for r in results:
        by_article.setdefault(r.article, []).append(r)
    out = {}
    for aid, rs in by_article.items():
        physical = [r for r in rs if r.kind == "physical"]
        outside = [r for r in rs if r.kind != "physical"]
        counts = {}
        for r in physical:
            counts[str(r.verdict)] = counts.get(str(r.verdict), 0) + 1
        parts = [
            f"“{rs[0].source['title']}” ({rs[0].source['publication']}, {rs[0].source['date']}):"
            f" {len(rs)} statement{'s' if len(rs) != 1 else ''} checked."
        ]
        if physical:
            tally = ", ".join(f"{n} {v}" for v, n in counts.items())
            parts.append(f"{len(physical)} can be decided by orbital mechanics ({tally}):")
            parts.append(" ".join(f"“{_short(r.quote)}” is {r.verdict} ({r.margin})." for r in physical))
        else:
            parts.append("None of its statements is a question orbital mechanics can decide.")
        if outside:
            facts = sum(r.kind == "historical-fact" for r in outside)
            plans = len(outside) - facts
            what = [
                f"{n} {label}{'s' if n != 1 else ''}"
                for n, label in ((facts, "historical fact"), (plans, "policy or programme statement"))
                if n
            ]
            parts.append(
                f"Outside orbital mechanics: {' and '.join(what)}; the numbers given for"
                f" {'it' if len(outside) == 1 else 'them'} are context, not a verdict."
            )
        out[aid] = " ".join(parts)
    return out


def _lower_first(text: str) -> str:
    """'Trans-lunar …' → 'trans-lunar …', but 'GEO …' stays (an acronym)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _short(quote: str, n: int = 70) -> str:
    return quote if len(quote) <= n else quote[: n - 1].rsplit(" ", 1)[0] + "…"
