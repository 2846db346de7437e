"""Company-wide training compliance: our selector against the same aggregate as one raw query.

Seeds 5,000 employees and 200,000 attendance rows (in bulk) into a throwaway SQLite database,
then prints the time of `selectors.compliance` over everyone (the rule set in force, the grouped
sum of attendance, repeated inductions, expired certificates, and each person judged against the
requirement) and the time of one hand-written SQL query computing the same per-person figures,
and their ratio. Target: ratio <= 2.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from _common import best_of, setup_django  # noqa: E402

setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

PEOPLE = 5_000
ATTENDANCES = 200_000
SESSIONS = 400
AS_OF = dt.date(2026, 6, 30)
RUNS = 5

RAW = """
SELECT e.id, e.employee_no, e.name, e.department_id, d.name, d.path, e.is_principal_head,
       e.is_safety_manager, e.hire_date,
       SUM(CASE WHEN a.present AND a.date <= %(as_of)s
                 AND (a.level IN ('company', 'workshop', 'team')
                      OR ((e.is_principal_head OR e.is_safety_manager)
                          AND a.level IN ('external', 'special')))
                 AND a.date >= COALESCE(r.since, '0001-01-01')
                THEN a.hours_credited END) AS initial,
       SUM(CASE WHEN a.present AND a.date <= %(as_of)s AND a.date >= %(year_start)s
                 AND a.level NOT IN ('company', 'workshop', 'team')
                THEN a.hours_credited END) AS annual,
       MAX(CASE WHEN a.present AND a.date <= %(as_of)s AND (a.passed IS NULL OR a.passed)
                 AND a.level = 'company' THEN a.date END) AS last_company,
       MAX(CASE WHEN a.present AND a.date <= %(as_of)s AND (a.passed IS NULL OR a.passed)
                 AND a.level = 'workshop' THEN a.date END) AS last_workshop,
       MAX(CASE WHEN a.present AND a.date <= %(as_of)s AND (a.passed IS NULL OR a.passed)
                 AND a.level = 'team' THEN a.date END) AS last_team,
       (SELECT MAX(r.since) FROM training_reinduction r
         WHERE r.employee_id = e.id AND r.since <= %(as_of)s) AS reinduction_since,
       EXISTS (SELECT 1 FROM training_certificate c
                WHERE c.holder_id = e.id AND c.valid_until < %(as_of)s
                  AND NOT EXISTS (SELECT 1 FROM training_certificate n
                                   WHERE n.holder_id = c.holder_id AND n.type_id = c.type_id
                                     AND n.valid_until >= %(as_of)s)) AS expired
FROM org_employee e
JOIN org_department d ON d.id = e.department_id
LEFT JOIN training_attendance a ON a.employee_id = e.id
LEFT JOIN (SELECT employee_id, MAX(since) AS since FROM training_reinduction
           WHERE since <= %(as_of)s GROUP BY employee_id) r ON r.employee_id = e.id
WHERE e.is_active
GROUP BY e.id, e.employee_no, e.name, e.department_id, d.name, d.path, e.is_principal_head,
         e.is_safety_manager, e.hire_date
ORDER BY d.path, e.employee_no
"""


def seed() -> None:
    from apps.org import services as org_services
    from apps.org.models import Department, Employee
    from apps.training.models import (
        Attendance,
        Certificate,
        CertificateType,
        Course,
        Reinduction,
        SessionLevel,
        TrainingSession,
    )

    rng = random.Random(5)
    root = org_services.department_create(data={"name": "基准公司", "code": "ROOT", "kind": "company"}, user=None)
    departments = [
        org_services.department_create(
            data={"name": f"车间{i}", "code": f"W{i}", "kind": "workshop", "parent": root}, user=None
        )
        for i in range(20)
    ]
    Employee.objects.bulk_create(
        [
            Employee(
                employee_no=f"E{i:05d}",
                name=f"员工{i}",
                department=departments[i % 20],
                hire_date=dt.date(2010 + i % 17, 1 + i % 12, 1),
                is_principal_head=i == 0,
                is_safety_manager=i % 250 == 1,
            )
            for i in range(PEOPLE)
        ],
        batch_size=2000,
    )
    people = list(Employee.objects.values_list("pk", flat=True))
    levels = [choice.value for choice in SessionLevel]
    courses = {level: Course.objects.create(code=level, name=level, level=level, hours=Decimal(8)) for level in levels}
    sessions = TrainingSession.objects.bulk_create(
        [
            TrainingSession(
                course=courses[levels[i % len(levels)]],
                department=departments[i % 20],
                level=levels[i % len(levels)],
                start_date=AS_OF - dt.timedelta(days=i * 9),
                end_date=AS_OF - dt.timedelta(days=i * 9),
                hours=Decimal(8),
            )
            for i in range(SESSIONS)
        ]
    )
    per_person = ATTENDANCES // PEOPLE
    rows = []
    for pk in people:
        for session in rng.sample(sessions, per_person):
            rows.append(
                Attendance(
                    session=session,
                    employee_id=pk,
                    date=session.start_date,
                    level=session.level,
                    present=rng.random() > 0.05,
                    hours_credited=Decimal(rng.choice([2, 4, 8])),
                    passed=None if rng.random() > 0.1 else rng.random() > 0.2,
                )
            )
    Attendance.objects.bulk_create(rows, batch_size=5000)
    Reinduction.objects.bulk_create(
        [Reinduction(employee_id=pk, reason="return", since=dt.date(2026, 2, 1)) for pk in people[::9]]
    )
    kind = CertificateType.objects.filter(kind="special_operation").first()
    Certificate.objects.bulk_create(
        [
            Certificate(
                kind=kind.kind,
                type=kind,
                number=f"T{pk}",
                holder_id=pk,
                issued_on=dt.date(2018 + pk % 6, 3, 1),
                valid_until=dt.date(2024 + pk % 6, 3, 1),
                next_review_on=dt.date(2021 + pk % 6, 3, 1),
            )
            for pk in people[::4]
        ],
        batch_size=2000,
    )
    assert Department.objects.count() == 21


def main() -> None:
    call_command("migrate", verbosity=0)
    seed()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    from apps.org.models import Employee
    from apps.training import selectors
    from apps.training.models import Attendance

    params = {"as_of": AS_OF.isoformat(), "year_start": dt.date(AS_OF.year, 1, 1).isoformat()}

    def ours():
        return selectors.compliance(Employee.objects.all(), as_of=AS_OF)

    def raw():
        with connection.cursor() as cursor:
            cursor.execute(RAW, params)
            return cursor.fetchall()

    # Both compute the same figures for every person.
    mine_rows = {r.employee_id: (r.initial_hours, r.annual_hours, r.reinduction_since) for r in ours()}
    raw_rows = {
        r[0]: (Decimal(str(r[9] or 0)), Decimal(str(r[10] or 0)), dt.date.fromisoformat(r[14]) if r[14] else None)
        for r in raw()
    }
    assert len(mine_rows) == PEOPLE and mine_rows == raw_rows
    mine = best_of(ours)
    theirs = best_of(raw)
    print(f"people:                        {Employee.objects.count()}")
    print(f"attendance rows:               {Attendance.objects.count()}")
    print(f"compliance selector:           {mine:.3f} s")
    print(f"same aggregate, one raw query: {theirs:.3f} s")
    print(f"ratio (ours / raw SQL):        {mine / theirs:.2f}  (target <= 2)")


if __name__ == "__main__":
    main()
