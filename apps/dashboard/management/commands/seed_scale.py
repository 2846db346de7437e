"""Build a large realistic company for measuring the dashboard (bench/dashboard.py).

At factor 1: 5,000 employees, 200,000 attendances, 50,000 hazards, 10,000 equipment items,
5,000 tasks, 100 accidents (when the accidents app is installed) and a submitted assessment of the
built-in standard, on top of the demo company. Everything is written in bulk. Each app that has
a `scale` module with `seed(*, departments, employees, factor, rng, today)` adds its records.
"""

from __future__ import annotations

import importlib
import io
import random
import time

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from apps.org import scale as org_scale
from apps.org.models import Employee
from apps.scoring import live


class Command(BaseCommand):
    help = "Add a large company's records (in bulk) for measuring the dashboard."

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=float, default=1.0, help="1 = 5,000 employees")
        parser.add_argument("--seed", type=int, default=2026, help="random seed")

    def handle(self, *args, factor: float, seed: int, **options):
        if factor <= 0:
            raise CommandError("--factor must be positive")
        if Employee.objects.filter(employee_no__startswith="S0").exists():
            raise CommandError("This database already holds scale data; use a fresh one.")
        started = time.perf_counter()
        call_command("load_demo", "--quiet-users", stdout=io.StringIO())
        rng = random.Random(seed)
        today = timezone.localdate()
        with transaction.atomic():
            units, employees = org_scale.build(factor=factor, rng=rng, today=today)
            self.stdout.write(f"org: {len(units)} units, {len(employees)} employees")
            for config in apps.get_app_configs():
                if not config.name.startswith("apps.") or config.label == "org":
                    continue
                try:
                    module = importlib.import_module(f"{config.name}.scale")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.scale":
                        raise
                    continue
                step = time.perf_counter()
                count = module.seed(departments=units, employees=employees, factor=factor, rng=rng, today=today)
                self.stdout.write(f"{config.label}: {count} ({time.perf_counter() - step:.1f} s)")
        live.invalidate()
        self.stdout.write(self.style.SUCCESS(f"Done in {time.perf_counter() - started:.1f} s"))
