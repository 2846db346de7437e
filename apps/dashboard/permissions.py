from apps.org.access import Access


def sees_dashboard(access: Access) -> bool:
    """Leadership and safety managers see the company; department heads their departments."""
    return access.sees_everything or access.is_department_head
