"""Write the catalogue's TOML back out in a stable, reviewable layout (used by maintainers' scripts).

tomllib reads TOML but does not write it; the catalogue is simple enough
(strings, numbers, lists of strings, arrays of tables) to emit by hand.
"""

import json


def _value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list) and all(not isinstance(x, dict) for x in v):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    raise TypeError(f"cannot emit {v!r}")


def emit(tables, name, header=""):
    """TOML text for ``[[name]]`` tables; nested lists of dicts become ``[[name.key]]``."""
    out = [header.rstrip() + "\n"] if header else []
    for t in tables:
        out.append(f"[[{name}]]")
        subs = []
        for k, v in t.items():
            if isinstance(v, list) and v and isinstance(v[0], dict):
                subs.append((k, v))
            else:
                out.append(f"{k} = {_value(v)}")
        for k, rows in subs:
            for row in rows:
                out.append(f"\n[[{name}.{k}]]")
                out.extend(f"{kk} = {_value(vv)}" for kk, vv in row.items())
        out.append("")
    return "\n".join(out) + "\n"
