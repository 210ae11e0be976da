"""`make bench`: run the benchmarks by hand; results go to bench/results.md and results.jsonl.

    python bench/run.py [NAME ...] [--database sqlite|postgres|both] [--quick]

--quick runs smaller sizes (10,000 and 100,000 events for the nearby search instead of 100,000
and 1,000,000; 5,000 reminders) and shorter measurements, for trying a benchmark out; its rows
say "quick" and are not the issue's figures.
"""

import argparse
import importlib
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

BENCHMARKS = [
    "signup_surge",
    "signup_limit",
    "multi_server_signup",
    "campaign_page",
    "nearby_search",
    "reminder_fanout",
    "translation",
]


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line, with `names` filled in: every benchmark when none is named."""
    parser = argparse.ArgumentParser(description=__doc__)
    # Checked below rather than with `choices`: argparse would check the default list, when no
    # name is given, as one value and refuse it (`make bench` gives none).
    parser.add_argument("names", nargs="*", metavar="NAME", help=", ".join(BENCHMARKS))
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, shorter runs")
    args = parser.parse_args(argv)
    if unknown := [name for name in args.names if name not in BENCHMARKS]:
        parser.error(
            f"no benchmark named {', '.join(unknown)}; choose from: {' '.join(BENCHMARKS)}"
        )
    args.names = args.names or BENCHMARKS
    return args


def main() -> None:
    args = parse_arguments()
    if args.quick:
        os.environ["BENCH_QUICK"] = "1"  # read by harness.py when the benchmarks import it
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    for name in args.names:
        module = importlib.import_module(name)
        for database in databases:
            print(f"== {name} on {database}", flush=True)
            module.main(database)


if __name__ == "__main__":
    main()
