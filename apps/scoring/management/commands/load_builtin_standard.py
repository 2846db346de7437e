from django.core.management.base import BaseCommand

from apps.scoring.services import builtin_standard_load


class Command(BaseCommand):
    help = "Load the built-in 13-element, 1000-point scoring standard (idempotent)."

    def handle(self, *args, **options):
        standard = builtin_standard_load()
        self.stdout.write(f"{standard}: {standard.items.count()} scoring items")
