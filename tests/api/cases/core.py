from __future__ import annotations

from apps.core import services
from tests.api.case import Case, crud


def generated_file(world):
    return services.export_start(user=world.safety_manager, kind="org.departments")


CASES = {
    **crud(
        "v1_exports",
        generated_file,
        "list retrieve create",
        create=lambda w, r: {"kind": "org.departments", "params": {}},
        # Anyone may ask for an export; the kind's own policy (org's, here) then decides.
        create_refused={"employee_a": 403},
    ),
    "v1_dashboard_retrieve": Case(),
    "v1_auth_token_create": Case(payload=lambda w, r: {"username": "employee_a", "password": "pass-1234"}, public=True),
}
