"""Markdown output shared by the report and the generated docs (``tools/make_docs.py``).

Content is built as neutral *blocks*, tuples whose first item says what they are:
``("h1".."h4", text)``, ``("p", text)``, ``("quote", text)``, ``("ul", [items])``,
``("table", header, rows)`` and ``("img", alt, path)``. :func:`render_markdown` writes them out;
:func:`table` is one Markdown table.

>>> print(table(["site", "lat °"], [["`kourou`", "5.2"], ["a|b", 1]]))
| site | lat ° |
|---|---|
| `kourou` | 5.2 |
| a/b | 1 |
"""

from __future__ import annotations


def cell(value) -> str:
    """A table cell: the value as text, with '|' (which would split the cell) written as '/'."""
    return str(value).replace("|", "/")


def table(header, rows) -> str:
    """A Markdown table: the header row, its rule, one line per row (a table without rows ends in a newline)."""
    head = "| " + " | ".join(header) + " |\n|" + "---|" * len(header) + "\n"
    return head + "\n".join("| " + " | ".join(cell(c) for c in row) + " |" for row in rows)


def render_markdown(blocks) -> str:
    """Markdown of a list of blocks, each followed by a blank line."""
    out = []
    for b in blocks:
        kind = b[0]
        if kind in ("h1", "h2", "h3", "h4"):
            out.append("#" * int(kind[1]) + " " + b[1])
        elif kind == "p":
            out.append(b[1])
        elif kind == "quote":
            out.append("> " + b[1])
        elif kind == "ul":
            out.append("\n".join(f"- {x}" for x in b[1]))
        elif kind == "table":
            out.append(table(b[1], b[2]))
        elif kind == "img":
            out.append(f"![{b[1]}]({b[2].as_posix()})")
        out.append("")
    return "\n".join(out)
