"""Finding the rows of a history twin that were true at a position: a relational interval tree.

A history row is true for the positions `valid_from` <= p < `valid_to` (see `history.py`). Picture
a binary tree over the positions whose root is 2**40 and whose nodes at height j are the odd
multiples of 2**j. Each row keeps in `fork` the highest node of the tree within its span: `ROOT`
while it is still true, and, once closed, the node `closed_fork` computes. Every row true at p has its
fork on the path from the root down to p. At a node left of p such a row is true at p exactly when
`valid_to` > p; at a node right of p, or at p itself, exactly when `valid_from` <= p. So two
B-tree indexes, `(fork, valid_to)` and `(fork, valid_from)`, find the rows true at p as at most 41
short ranges of index entries that hold nothing else, on SQLite and PostgreSQL alike. A range scan
over one end reads every row closed after p (or opened before it), and a GiST index over the spans
of PostgreSQL visits most of its pages, since rows still true all reach the end.

(The relational interval tree of Kriegel, Pötke and Seidl, "Managing Intervals Efficiently in
Object-Relational Databases", VLDB 2000.)
"""

from __future__ import annotations

HEIGHT = 40  # positions up to 2**41 - 1
ROOT = 1 << HEIGHT


def closed_fork(position: int) -> str:
    """SQL for the fork of a row closed at `position`, whose span is [valid_from, position - 1]: the
    node with the most trailing zero bits in it, which is the smallest of the span's last position
    with its lowest j bits cleared, for any j, at or above `valid_from`. Those few nodes are
    integers computed here, so they are written into the SQL (a statement with them as 41
    parameters took SQLite 90 µs more to prepare on every event)."""
    *lower, last = _nodes(position)
    if not lower:
        return str(last)
    return "CASE " + " ".join(f"WHEN valid_from <= {node} THEN {node}" for node in lower) + f" ELSE {last} END"


def fork_of(valid_from: int, valid_to: int) -> int:
    """The fork of a closed span in Python, as `closed_fork` computes it in SQL (for tests)."""
    return min(node for node in _nodes(valid_to) if node >= valid_from)


def _nodes(position: int) -> list[int]:
    """The last position before `position` with its lowest j bits cleared, for every j, smallest first
    (no row is closed at the first position)."""
    last = max(position - 1, 1)
    return sorted({(last >> j) << j for j in range(HEIGHT + 1)} - {0})


def path(position: int) -> tuple[list[int], list[int]]:
    """The nodes from the root down to `position`: those left of it, and those right of it or at it."""
    left: list[int] = []
    right: list[int] = []
    node, step = ROOT, ROOT >> 1
    while node != position:
        (left if node < position else right).append(node)
        node += step if position > node else -step
        step >>= 1
    return left, [*right, position]


def true_at(table: str, position: int) -> str:
    """A SELECT of the rows of `table`'s history twin true at `position` (:as_of_position).
    The nodes are integers computed here, so they are written into the SQL. (Positions start at 1:
    before that, the path to 1 finds nothing.)"""
    left, right = path(max(position, 1))
    left_nodes, right_nodes = ", ".join(map(str, left)) or "NULL", ", ".join(map(str, right))
    return (
        f"SELECT * FROM {table}_history WHERE (fork IN ({left_nodes}) AND valid_to > :as_of_position) "
        f"OR (fork IN ({right_nodes}) AND valid_from <= :as_of_position)"
    )


def walked(table: str) -> str:
    """A SELECT of the rows of `table`'s history twin true at :as_of_position, by their span alone:
    for a query that walks another index of the twin (its order, or a range of it) and checks
    each row it meets."""
    return f"SELECT * FROM {table}_history WHERE valid_from <= :as_of_position AND valid_to > :as_of_position"
