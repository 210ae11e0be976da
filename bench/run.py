"""`make bench`: run the benchmarks by hand; results go to bench/results.md and results.jsonl.

    python bench/run.py [NAME ...] [--database sqlite|postgres|both]
"""

import argparse
import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

BENCHMARKS = ["campaign_page"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", default=BENCHMARKS, choices=BENCHMARKS)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    args = parser.parse_args()
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    for name in args.names:
        module = importlib.import_module(name)
        for database in databases:
            print(f"== {name} on {database}", flush=True)
            module.main(database)


if __name__ == "__main__":
    main()
