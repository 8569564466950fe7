"""What the command line prints: aligned tables, JSON, and symbols any terminal can show.

Human output is an aligned table; ``--json`` output is JSON with UTF-8 characters where the
terminal can print them and ``\\u`` escapes where it cannot. On a terminal that cannot encode
orbitcoop's symbols (``PYTHONIOENCODING=ascii``, a C locale) they become ASCII stand-ins.
"""

from __future__ import annotations

import codecs
import json
import math
import sys

# Plain-ASCII stand-ins for the few non-ASCII characters orbitcoop prints, used when the
# terminal cannot encode them (PYTHONIOENCODING=ascii, a C locale, an old console).
ASCII = {
    "→": "->",
    "←": "<-",
    "Δ": "d",
    "°": " deg",
    "–": "-",
    "—": "-",
    "−": "-",
    "≤": "<=",
    "≥": ">=",
    "•": "*",
    "±": "+/-",
    "×": "x",
    "²": "2",
    "³": "3",
    "φ": "phi",
    "′": "'",
    "…": "...",
    "≈": "~",
    "β": "beta",
    "ω": "omega",
    "·": ".",
    "’": "'",
    "“": '"',
    "”": '"',
    "√": "sqrt",
    "≠": "!=",
}


def ascii_fallback(err: UnicodeEncodeError):
    """Codec error handler: known symbols to their ASCII stand-ins, anything else to '?'."""
    bad = err.object[err.start : err.end]
    return "".join(ASCII.get(ch, "?") for ch in bad), err.end


codecs.register_error("orbitcoop-ascii", ascii_fallback)


def can_encode(stream, text="→Δ°–•") -> bool:
    try:
        text.encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def prepare_streams() -> None:
    """Let stdout/stderr print orbitcoop's symbols on any terminal: substitute, never crash."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and not can_encode(stream) and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="orbitcoop-ascii")


def to_json(obj, **kwargs) -> str:
    """JSON text: UTF-8 characters as they are where stdout can print them, \\u escapes otherwise."""
    return json.dumps(obj, indent=2, ensure_ascii=not can_encode(sys.stdout), **kwargs)


def table(rows: list[dict], columns: list[tuple[str, str, str]]) -> str:
    """Aligned text table; ``columns`` are (key, header, format spec)."""
    cells = [[h for _, h, _ in columns]]
    for row in rows:
        line = []
        for key, _, spec in columns:
            v = row.get(key)
            if v is None or (isinstance(v, float) and math.isnan(v)):
                line.append("–")
            elif spec and isinstance(v, int | float) and not isinstance(v, bool):
                text = format(v, spec)
                # A value that rounds to zero prints as zero, not '-0' ('+.0f' of -0.3).
                line.append(format(0.0, spec) if not text.strip("+-0.,") else text)
            else:
                line.append(str(v))
        cells.append(line)
    widths = [max(len(r[k]) for r in cells) for k in range(len(columns))]
    numeric = [bool(spec) for _, _, spec in columns]
    out = []
    for n, r in enumerate(cells):
        out.append(
            "  ".join(
                c.rjust(w) if num and n else c.ljust(w) for c, w, num in zip(r, widths, numeric, strict=True)
            ).rstrip()
        )
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def emit(args, rows, columns) -> int:
    """Print ``rows`` as JSON (``--json``) or as an aligned table of ``columns``."""
    if args.json:
        print(to_json(rows, default=str))
    else:
        print(table(rows, columns))
    return 0


def pairs(rows) -> str:
    """A two-column what/value table without its header (for a single result)."""
    return table(rows, [("what", "", ""), ("value", "", "")]).split("\n", 2)[2]
