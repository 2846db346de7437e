"""Reads of the responsibility letters: who issues a letter to whom at each level, the letters
a person may see and the signing progress."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from guardian.models import UserObjectPermission

from apps.core.selectors import as_int, matching
from apps.org.models import Department, Employee, Role
from apps.org.policy import employee_id, in_scope
from apps.org.selectors import in_department
from apps.responsibility.models import LetterLevel, LetterStatus, ResponsibilityLetter
from apps.responsibility.selectors._common import LOWER_KINDS, TOP_KINDS


def _direct_heads() -> dict[int, list[int]]:
    """Department id → user ids holding head rights directly on it (one query)."""
    rows = UserObjectPermission.objects.filter(
        content_type=ContentType.objects.get_for_model(Department),
        permission__codename="head_department",
        user__is_active=True,
    ).values_list("object_pk", "user_id")
    heads: dict[int, list[int]] = {}
    for object_pk, user_id in rows:
        heads.setdefault(int(object_pk), []).append(user_id)
    return heads


# (department id, issuer employee id, holder employee id) of one letter
Pair = tuple[int, int, int]


def letter_pairs(level: str) -> tuple[list[Pair], int]:
    """(department id, issuer employee id, holder employee id) for every letter of a level,
    and the number of units skipped for lack of a head. A fixed number of queries."""
    heads = _direct_heads()
    employees = list(
        Employee.objects.filter(is_active=True).values_list("id", "department_id", "user_id", "is_principal_head")
    )
    units = list(Department.objects.filter(is_active=True).values_list("id", "kind", "path"))
    head_of = _head_finder(heads, employees)
    if level == LetterLevel.COMPANY:
        pairs, skipped = _company_pairs(units, employees, head_of)
    elif level == LetterLevel.DEPARTMENT:
        pairs, skipped = _department_pairs(units, head_of)
    else:
        pairs, skipped = _team_pairs(units, employees, head_of)
    return _one_per_holder(pairs), skipped


def _head_finder(heads: dict[int, list[int]], employees: list) -> Callable[[int], int | None]:
    """Unit id → the employee id of its first direct head who is an active employee, if any."""
    by_user = {user_id: pk for pk, _dept, user_id, _p in employees if user_id}

    def head_of(unit_id: int) -> int | None:
        for user_id in heads.get(unit_id, []):
            if user_id in by_user:
                return by_user[user_id]
        return None

    return head_of


def _company_pairs(units: list, employees: list, head_of) -> tuple[list[Pair], int]:
    """The principal head issues to the heads of departments and workshops and to leadership."""
    principal = next((pk for pk, _dept, _u, is_principal in employees if is_principal), None)
    if principal is None:
        return [], 1
    skipped = 0
    holders: dict[int, int] = {}
    for unit_id, kind, _path in units:
        if kind in TOP_KINDS:
            head = head_of(unit_id)
            if head is None:
                skipped += 1
            elif head != principal:
                holders.setdefault(head, unit_id)
    leaders = Employee.objects.filter(is_active=True, user__groups__name=Role.LEADERSHIP).values_list(
        "id", "department_id"
    )
    for pk, dept in leaders:
        if pk != principal:
            holders.setdefault(pk, dept)
    return [(dept, principal, holder) for holder, dept in holders.items()], skipped


def _department_pairs(units: list, head_of) -> tuple[list[Pair], int]:
    """The head of each department or workshop issues to the heads of the sections and teams
    below it."""
    pairs: list[Pair] = []
    skipped = 0
    for unit_id, kind, path in units:
        if kind not in TOP_KINDS:
            continue
        issuer = head_of(unit_id)
        if issuer is None:
            skipped += 1
            continue
        for sub_id, sub_kind, sub_path in units:
            if sub_kind in LOWER_KINDS and sub_path.startswith(path):
                holder = head_of(sub_id)
                if holder is not None and holder != issuer:
                    pairs.append((sub_id, issuer, holder))
    return pairs, skipped


def _team_pairs(units: list, employees: list, head_of) -> tuple[list[Pair], int]:
    """The head of each section or team issues to its staff; a unit with staff but no head is
    skipped."""
    staff: dict[int, list[int]] = {}
    for pk, dept, _u, _p in employees:
        staff.setdefault(dept, []).append(pk)
    pairs: list[Pair] = []
    skipped = 0
    for unit_id, kind, _path in units:
        if kind not in LOWER_KINDS:
            continue
        issuer = head_of(unit_id)
        if issuer is None:
            skipped += 1 if staff.get(unit_id) else 0
            continue
        pairs.extend((unit_id, issuer, pk) for pk in staff.get(unit_id, []) if pk != issuer)
    return pairs, skipped


def _one_per_holder(pairs: list[Pair]) -> list[Pair]:
    """The first pair of each holder: nobody holds two letters of one level."""
    seen: set[int] = set()
    unique = []
    for pair in pairs:
        if pair[2] not in seen:
            seen.add(pair[2])
            unique.append(pair)
    return unique


def letter_list(*, user, filters: dict | None = None) -> QuerySet[ResponsibilityLetter]:
    """Letters a person may see: all for managers and leadership, their departments' for heads,
    and those they are a party to."""
    filters = filters or {}
    qs = ResponsibilityLetter.objects.select_related("department", "issuer", "holder")
    person = employee_id(user) if user and user.is_authenticated else None
    party = Q(issuer_id=person) | Q(holder_id=person) if person else None
    qs = in_scope(qs, user, heads_only=True, also=party)
    if year := as_int(filters.get("year")):
        qs = qs.filter(year=year)
    qs = matching(qs, filters, "level", "status")
    qs = in_department(qs, filters.get("department"))
    return qs.order_by("department__path", "level", "holder__employee_no")


def signing_progress(*, user, year: int) -> list[dict]:
    """Per department: letters issued and signed by both sides (one query)."""
    rows = (
        letter_list(user=user, filters={"year": year})
        .order_by()
        .values("department_id", "department__name", "department__path")
        .annotate(total=Count("pk"), signed=Count("pk", filter=Q(status=LetterStatus.SIGNED)))
        .order_by("department__path")
    )
    return [{**row, "rate": (Decimal(row["signed"]) * 100 / row["total"]).quantize(Decimal("0.1"))} for row in rows]
