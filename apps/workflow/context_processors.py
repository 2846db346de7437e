from apps.workflow.selectors import unread_count


def notifications(request):
    if not request.user.is_authenticated:
        return {}
    return {"unread_notifications": unread_count(user=request.user)}
