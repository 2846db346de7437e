from django.utils import timezone

from apps.core import navigation


def navigation_menu(request):
    if not request.user.is_authenticated:
        return {}
    return {"menu": navigation.menu(request.user)}


def today(request):
    """The company's date today, which pages compare due dates with."""
    return {"today": timezone.localdate()}
