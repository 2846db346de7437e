"""The list filters every selector shares: the search box and the exact filters."""

import pytest

from apps.core.selectors import matching, searched
from apps.org.models import Department, DepartmentKind
from tests.org.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def departments():
    """Three units under the company root, known by their codes."""
    DepartmentFactory(name="Boiler house", code="BH-1", kind=DepartmentKind.WORKSHOP)
    DepartmentFactory(name="Safety office", code="SO", kind=DepartmentKind.DEPARTMENT)
    DepartmentFactory(name="Night shift", code="BOILER-10", kind=DepartmentKind.WORKSHOP)
    return Department.objects.exclude(kind=DepartmentKind.COMPANY)


ALL = {"BH-1", "SO", "BOILER-10"}


@pytest.mark.parametrize(
    "text, fields, expected",
    [
        ("", ("name", "code"), ALL),  # a blank search box keeps every record
        (None, ("name", "code"), ALL),
        ("boiler", ("name",), {"BH-1"}),  # whatever the case
        ("boiler", ("name", "code"), {"BH-1", "BOILER-10"}),  # any of the fields
        ("office", ("code",), set()),  # only the fields named
        ("0", ("code",), {"BOILER-10"}),  # "0" is a text to look for, not a blank
        ("h-1", ("code",), {"BH-1"}),  # contained, not only at the start
    ],
)
def test_searched(departments, text, fields, expected):
    assert set(searched(departments, text, *fields).values_list("code", flat=True)) == expected


@pytest.mark.parametrize(
    "filters, names, expected",
    [
        ({}, ("kind",), ALL),  # no filter given: every record
        ({"kind": ""}, ("kind",), ALL),  # a blank choice is no filter
        ({"kind": "workshop"}, ("kind",), {"BH-1", "BOILER-10"}),
        ({"kind": "workshop", "code": "BH-1"}, ("kind", "code"), {"BH-1"}),  # every filter given applies
        ({"kind": "workshop", "code": "SO"}, ("kind",), {"BH-1", "BOILER-10"}),  # only the names asked for
        ({"code": "bh-1"}, ("code",), set()),  # an exact match, case included
        ({"code": "BH"}, ("code",), set()),  # the whole value, not a part of it
    ],
)
def test_matching(departments, filters, names, expected):
    assert set(matching(departments, filters, *names).values_list("code", flat=True)) == expected
