"""The one loading layer of orbitcoop's data files: read a TOML file, read its fields, suggest names.

Every data file (``launch_sites.toml``, ``vehicles.toml``, ``orbits.toml``, ``claims.toml``, or a
user's file of the same schema) goes through the same steps, and each error names the file, the
entry and the field, as the owning module's error class (:mod:`orbitcoop.errors`):

1. :func:`read_toml`: bytes → UTF-8 text → TOML (missing, unreadable, non-UTF-8, invalid or
   pathologically nested files are one error each, never a traceback);
2. :func:`tables`: the ``[[x]]`` tables a file or an entry must hold (one or more);
3. :class:`Fields`: typed readers for one entry's fields (text, number in range, whole number,
   list of text, true/false, and a figure's source, required and non-empty);
4. :func:`did_you_mean`: the closest known names, for every unknown id (sites, vehicles, orbit
   presets, claims' references).

>>> f = Fields({"lat": 95.0}, "mine.toml site #0")
>>> f.number("lat", lo=-90.0, hi=90.0)
Traceback (most recent call last):
...
orbitcoop.errors.CatalogueError: mine.toml site #0: lat = 95.0 is out of range (valid: from -90 to 90)
"""

from __future__ import annotations

import difflib
import math
import tomllib
from importlib import resources
from pathlib import Path

from orbitcoop.errors import CatalogueError

#: Marks a field with no default: reading it when absent is an error.
REQUIRED = object()


def read_toml(path, default: str, error=CatalogueError, what: str = "data") -> tuple[dict, str]:
    """(parsed TOML, the name errors use) of ``path``, or of the built-in ``orbitcoop/data/<default>``.

    Raises ``error`` naming the file for a missing or unreadable file, bytes that are not UTF-8,
    invalid TOML and nesting too deep for the TOML reader (Python's recursion limit).
    """
    if path is None:
        source, name = resources.files("orbitcoop") / "data" / default, default
    else:
        source, name = Path(path), str(path)
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise error(f"{name}: cannot read the {what} file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        return tomllib.loads(text), name
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{name}: not valid TOML: {exc}") from None
    except RecursionError:
        raise error(f"{name}: not valid TOML: nested too deeply to read") from None


def only_keys(data: dict, allowed: tuple[str, ...], where: str, error=CatalogueError) -> None:
    """Reject keys outside ``allowed`` (a misspelt table name would otherwise be silently ignored)."""
    for key in data:
        if key not in allowed:
            raise error(f"{where}: unknown key {key!r} (expected {', '.join(allowed)}){did_you_mean(key, allowed)}")


def tables(data: dict, key: str, where: str, error=CatalogueError, label: str | None = None) -> list[dict]:
    """The ``[[label]]`` tables under ``key`` of ``data`` (one or more, each a table)."""
    entries = data.get(key) if isinstance(data, dict) else None
    label = label or key
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
        got = "" if key not in data else f", got {key} = {_short(entries)}"
        raise error(f"{where}: expected one or more [[{label}]] tables{got}")
    return entries


def optional_tables(data: dict, key: str, where: str, error=CatalogueError, label: str | None = None) -> list[dict]:
    """Like :func:`tables`, but none at all is allowed."""
    return tables(data, key, where, error, label) if key in data else []


def did_you_mean(name, known, n: int = 3, cutoff: float = 0.5) -> str:
    """' Did you mean: a, b?' for the names of ``known`` closest to ``name`` ('' if none is close).

    ``known``: names, or a mapping {name: id} (several names of one id suggest the id once).
    """
    names = dict(known) if isinstance(known, dict) else {k: k for k in known}
    close = difflib.get_close_matches(str(name).lower(), list(names), n=n + 2, cutoff=cutoff)
    ids = list(dict.fromkeys(names[c] for c in close))[:n]
    return f" Did you mean: {', '.join(ids)}?" if ids else ""


def _short(value, n: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= n else text[: n - 1] + "…"


def _bounds(lo: float, hi: float, strict_low: bool) -> str:
    if lo == -math.inf and hi == math.inf:
        return "any finite number"
    if hi == math.inf:
        return f"{'>' if strict_low else '≥'} {lo:g}"
    if lo == -math.inf:
        return f"≤ {hi:g}"
    if strict_low:
        return f"> {lo:g} and ≤ {hi:g}"
    return f"from {lo:g} to {hi:g}"


def number_problem(value, key: str, lo=-math.inf, hi=math.inf, strict_low=False) -> str | None:
    """Why ``value`` is not a valid number for ``key`` (None if it is): finite, lo ≤ (or <) value ≤ hi."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return f"{key} = {_short(value)} is not a finite number"
    if (value <= lo if strict_low else value < lo) or value > hi:
        return f"{key} = {float(value)!r} is out of range (valid: {_bounds(lo, hi, strict_low)})"
    return None


def whole_problem(value, key: str, lo: int, hi: int | None = None) -> str | None:
    """Why ``value`` is not a whole number lo ≤ value [≤ hi] for ``key`` (None if it is)."""
    if not isinstance(value, int) or isinstance(value, bool) or value < lo or (hi is not None and value > hi):
        bound = f"≥ {lo}" if hi is None else f"from {lo} to {hi}"
        return f"{key} = {_short(value)} must be a whole number {bound}"
    return None


class Fields:
    """Typed readers of one entry (a TOML table); errors name ``where`` and the field.

    A reader with no ``default`` requires its field; with one, an absent field gives the default.
    """

    def __init__(self, table, where: str, error=CatalogueError):
        if not isinstance(table, dict):
            raise error(f"{where}: expected a table, got {_short(table)}")
        self.table, self.where, self.error = table, where, error

    def __contains__(self, key) -> bool:
        return key in self.table

    def fail(self, message: str):
        """Raise this entry's error: '<where>: <message>'."""
        raise self.error(f"{self.where}: {message}")

    def _get(self, key, default):
        if key in self.table:
            return True, self.table[key]
        if default is REQUIRED:
            self.fail(f"missing field {key!r}")
        return False, default

    def text(self, key: str, default=REQUIRED, choices: tuple[str, ...] | None = None, nonempty=False) -> str:
        """A text field; with ``choices``, one of them; with ``nonempty``, not blank."""
        present, value = self._get(key, default)
        if not present:
            return value
        if not isinstance(value, str):
            self.fail(f"{key} = {_short(value)} should be text")
        if choices is not None and value not in choices:
            self.fail(f"{key} {value!r} is not one of {choices}{did_you_mean(value, choices)}")
        if nonempty and not value.strip():
            self.fail(f"{key} is empty")
        return value

    def source(self, key: str = "source", default=REQUIRED, what: str = "every figure") -> str:
        """A figure's source: text, not blank (``source = nan`` or a number is an error)."""
        if key not in self.table and default is REQUIRED:
            self.fail(f"missing field {key!r}: {what} needs its source")
        present, value = self._get(key, default)
        if not present:
            return value
        if not isinstance(value, str):
            self.fail(f"{key} = {_short(value)} should be text naming the source")
        if not value.strip():
            self.fail(f"{key} is empty: {what} needs its source")
        return value.strip()

    def number(self, key: str, default=REQUIRED, lo=-math.inf, hi=math.inf, strict_low=False) -> float:
        """A finite number, lo ≤ value ≤ hi (lo < value with ``strict_low``); ints are read as floats."""
        present, value = self._get(key, default)
        if not present:
            return value
        problem = number_problem(value, key, lo, hi, strict_low)
        if problem:
            self.fail(problem)
        return float(value)

    def whole(self, key: str, default=REQUIRED, lo: int = 0, hi: int | None = None) -> int:
        """A whole number lo ≤ value [≤ hi] (true/false are not numbers)."""
        present, value = self._get(key, default)
        if not present:
            return value
        problem = whole_problem(value, key, lo, hi)
        if problem:
            self.fail(problem)
        return value

    def texts(self, key: str, default=REQUIRED, nonempty=False) -> tuple[str, ...]:
        """A list of text, no item blank; with ``nonempty``, at least one item."""
        present, value = self._get(key, default)
        if not present:
            return value
        ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
        if not ok or (nonempty and not value):
            need = "a non-empty list of text" if nonempty else "a list of text"
            self.fail(f"{key} = {_short(value)} should be {need}")
        return tuple(value)

    def flag(self, key: str, default=REQUIRED) -> bool:
        """true or false."""
        present, value = self._get(key, default)
        if present and not isinstance(value, bool):
            self.fail(f"{key} = {_short(value)} should be true or false")
        return value

    def table_of(self, key: str, default=REQUIRED) -> dict:
        """A sub-table ``[x.key]`` (a dict)."""
        present, value = self._get(key, default)
        if present and not isinstance(value, dict):
            self.fail(f"{key} = {_short(value)} should be a table")
        return value
