"""Where a benchmark's CPU time goes: seconds used by each of its processes, read from /proc.

A ratio of wall times says how much slower a side is, not why: on a machine whose cores the
server, the delivery worker, the database and the load generator share, a side can be slower
for work that is not its requests'. `used()` reads the CPU time (user + system) of named
processes and their living children, and of the PostgreSQL server's processes; two readings'
difference (`spent`) is what each used in between. Linux only, as the benchmarks are.
"""

import os
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK")


def _processes() -> dict[int, tuple[int, str, float]]:
    """pid -> (parent pid, command name, CPU seconds so far) of every process alive now."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # ended meanwhile
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        # After the name: state, ppid, ...; utime and stime are the 14th and 15th fields.
        found[int(entry.name)] = (
            int(fields[1]),
            name,
            (int(fields[11]) + int(fields[12])) / _TICKS,
        )
    return found


def used(roots: dict[str, int]) -> dict[str, float]:
    """CPU seconds so far of each named process with its children ("server": the gunicorn
    master and its workers) but for the other named ones, and of every PostgreSQL process
    ("database")."""
    processes = _processes()
    children: dict[int, list[int]] = {}
    for pid, (parent, _, _) in processes.items():
        children.setdefault(parent, []).append(pid)

    def tree(pid: int) -> float:
        own = processes[pid][2] if pid in processes else 0.0
        # A named process started by another (the server by the load generator) is its own.
        others = [child for child in children.get(pid, []) if child not in named]
        return own + sum(tree(child) for child in others)

    named = set(roots.values())

    seconds = {name: tree(pid) for name, pid in roots.items()}
    seconds["database"] = sum(cpu for _, name, cpu in processes.values() if name == "postgres")
    return seconds


def spent(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    """What each process used between two readings, and in all, to the hundredth."""
    each = {name: round(after[name] - before[name], 2) for name in after}
    return {**each, "all": round(sum(each.values()), 2)}
