"""The dashboard's server time on the demo company and on `seed_scale --factor 1`.

Prints, measured in one run against a throwaway SQLite database (or the empty PostgreSQL database
named by BENCH_DATABASE_URL):
- the page's server time (leadership, whole company, cache emptied before each request so every
  figure is computed) on the demo company and on the large company, and their ratio (target <= 3);
- the same with the figures cached (a second visit within the cache time);
- the floor: the time of the page's own SQL queries alone, replayed straight on the database
  connection, and the ratio of page time to that floor.
"""

from __future__ import annotations

import io
import re

from _common import best_of, setup_django  # noqa: E402

setup_django()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

RUNS = 3


def client() -> Client:
    from django.contrib.auth import get_user_model

    settings.ALLOWED_HOSTS = ["*"]
    browser = Client()
    browser.force_login(get_user_model().objects.get(username="lingdao"))
    return browser


def measure(browser: Client) -> dict:
    def cold():
        cache.clear()
        response = browser.get("/dashboard/")
        assert response.status_code == 200, response.status_code

    def warm():
        assert browser.get("/dashboard/").status_code == 200

    cold_time = best_of(cold, RUNS)
    warm()
    warm_time = best_of(warm, RUNS)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        browser.get("/dashboard/")
    # PostgreSQL reads large results through named cursors: replay the query itself.
    statements = [
        re.sub(r'^DECLARE "[^"]+" NO SCROLL CURSOR WITH(?:OUT)? HOLD FOR ', "", q["sql"])
        for q in queries.captured_queries
    ]

    def floor():
        with connection.cursor() as cursor:
            for sql in statements:
                # The captured text has its parameters inlined; run it as it stands.
                cursor.execute(sql.replace("%", "%%") if "%s" not in sql else sql)
                if cursor.description:
                    cursor.fetchall()

    return {"cold": cold_time, "warm": warm_time, "floor": best_of(floor, RUNS), "queries": len(statements)}


def report(name: str, figures: dict) -> None:
    print(
        f"{name:>14}: page {figures['cold'] * 1000:8.1f} ms cold, {figures['warm'] * 1000:7.1f} ms "
        f"cached · {figures['queries']} queries, floor {figures['floor'] * 1000:7.1f} ms · "
        f"page / floor {figures['cold'] / figures['floor']:.2f}"
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("load_demo", "--quiet-users", stdout=io.StringIO())
    demo = measure(client())
    call_command("seed_scale", "--factor", "1", stdout=io.StringIO())
    large = measure(client())
    report("demo company", demo)
    report("factor 1", large)
    print(f"ratio large / demo (cold): {large['cold'] / demo['cold']:.2f} (target <= 3)")
    print(f"ratio large / demo (cached): {large['warm'] / demo['warm']:.2f}")


if __name__ == "__main__":
    main()
