"""Each shared shape exists once: permissions come from the apps' policies and the department
scope in `apps/org`, never from copies in views, selectors or services."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = sorted(p.parent.name for p in (ROOT / "apps").glob("*/apps.py"))
ELEMENT_APPS = [a for a in APPS if a not in ("core", "org", "workflow")]


def _hits(pattern: str, *, where=lambda path: True) -> list[str]:
    found = []
    for path in sorted((ROOT / "apps").rglob("*.py")):
        if "migrations" in path.parts or not where(path.relative_to(ROOT)):
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if re.search(pattern, line):
                found.append(f"{path.relative_to(ROOT)}:{number}")
    return found


def _outside_org_and_policies(path: Path) -> bool:
    return path.parts[1] != "org" and path.name != "policies.py"


def test_access_is_read_only_in_org_and_the_policies():
    assert _hits(r"\baccess_for\(", where=_outside_org_and_policies) == []


def test_no_view_or_api_raises_permission_denied():
    def view_or_api(path: Path) -> bool:
        return any(part.startswith(("views", "api")) for part in path.parts[2:])

    assert _hits(r"raise PermissionDenied", where=view_or_api) == []


@pytest.mark.parametrize(
    "pattern",
    [
        r"def _require_manager\b",
        r"def _scope\w*\(",
        r"\bDepartmentScoped\b",
        r"\brole_required\b",
        r"\bfor_user\(",
        r"\bhead_writes\b",
        r"\bread_access\b",
    ],
)
def test_no_private_copy_of_a_permission_shape(pattern):
    assert _hits(pattern) == []


@pytest.mark.parametrize("app", ELEMENT_APPS)
def test_every_element_app_has_its_policies(app):
    assert (ROOT / "apps" / app / "policies.py").exists()


def test_no_model_keeps_its_own_reminder_columns():
    models = [
        p
        for p in (ROOT / "apps").rglob("*.py")
        if "migrations" not in p.parts and (p.name == "models.py" or p.parent.name == "models")
    ]
    assert [str(p) for p in models if "_reminded" in p.read_text("utf-8")] == []
