"""Load the demo company: every app that has a `demo` module adds its records.

Idempotent: records are looked up by their natural keys and only missing ones are created,
so a second run changes nothing.
"""

from __future__ import annotations

import importlib
import json

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load the demo company (idempotent) and print the demo users."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-users", action="store_true", help="Do not print the users.")

    @transaction.atomic
    def handle(self, *args, **options):
        data = json.loads((settings.BASE_DIR / "fixtures/demo/org.json").read_text("utf-8"))
        context: dict = {"data": data}
        for config in apps.get_app_configs():
            if not config.name.startswith("apps."):
                continue
            try:
                module = importlib.import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            created = module.load(context)
            self.stdout.write(f"{config.label}: {created} record(s) created")
        if not options["quiet_users"]:
            self.stdout.write("")
            self.stdout.write(f"Demo users (password for all: {data['password']}):")
            for user in data["users"]:
                role = (
                    "superuser"
                    if user.get("superuser")
                    else ", ".join(user["roles"] + (["department_head"] if user["heads"] else []) or ["employee"])
                )
                self.stdout.write(f"  {user['username']:<10} {role}")
