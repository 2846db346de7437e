import datetime as dt
from decimal import Decimal as D

import pytest

from apps.core.numbers import excel_number, percent
from apps.core.selectors import as_date, as_int


@pytest.mark.parametrize(
    "part, whole, expected", [(0, 0, None), (0, 5, D("0.0")), (1, 3, D("33.3")), (2, 3, D("66.7")), (5, 5, D("100.0"))]
)
def test_percent(part, whole, expected):
    assert percent(part, whole) == expected


@pytest.mark.parametrize("value, expected", [(None, None), (D("10.0"), 10), (D("2.5"), 2.5), (D("0"), 0)])
def test_excel_number(value, expected):
    result = excel_number(value)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize(
    "value, expected",
    [("2026-03-31", dt.date(2026, 3, 31)), ("", None), (None, None), ("31/03/2026", None), ("x", None)],
)
def test_as_date(value, expected):
    assert as_date(value) == expected


@pytest.mark.parametrize("value, expected", [("12", 12), ("", None), (None, None), ("abc", None), ("1.5", None)])
def test_as_int(value, expected):
    assert as_int(value) == expected


def test_a_named_or_titled_record_reads_as_its_name_or_title():
    from apps.core.models import GeneratedFile
    from apps.hazards.models import Checklist

    assert str(Checklist(name="消防专项检查表")) == "消防专项检查表"
    assert str(GeneratedFile(title="隐患台账 2026")) == "隐患台账 2026"
