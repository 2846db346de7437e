from apps.core import navigation


def navigation_menu(request):
    if not request.user.is_authenticated:
        return {}
    return {"menu": navigation.menu(request.user)}
