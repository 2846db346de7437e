from apps.scoring.models import Standard
from apps.scoring.services import builtin_standard_load


def load(context: dict) -> int:
    before = Standard.objects.count()
    context["standard"] = builtin_standard_load()
    return Standard.objects.count() - before
