"""What every bench script shares: Django on a throwaway SQLite database (or the empty database
named by BENCH_DATABASE_URL), and best-of timing."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def setup_django(*, throwaway_db: bool = True) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    if throwaway_db and os.environ.get("BENCH_DATABASE_URL"):
        # An empty database made for the run, e.g. postgres://postgres@127.0.0.1:5432/bench
        os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
    elif throwaway_db:
        database = Path(tempfile.mkdtemp()) / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()


def best_of(fn, runs: int = 3) -> float:
    """The fastest of a few runs: the least disturbed by whatever else the machine does."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)
