"""The page kernels' own promises, apart from the apps that use them."""

import datetime as dt
import zoneinfo

import pytest

from apps.core import exports
from apps.core.views import RecordPage


def test_a_record_page_view_is_named_after_its_service_in_the_page_module():
    def plan_detail(request, pk, status=200, **forms):
        raise AssertionError("not called here")

    def plan_file(*, plan, user, **data):
        raise AssertionError("not called here")

    page = RecordPage(get=lambda request, pk: None, page=plan_detail, record="plan")
    view = page.form(lambda view: view, object, "filing_form", plan_file, "Filed.")
    assert (view.__name__, view.__module__) == ("plan_file", __name__)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (None, None),
        # 16:30 UTC is half past midnight the next day in Shanghai: the wall clock, the date too.
        (dt.datetime(2026, 3, 1, 16, 30, tzinfo=dt.UTC), dt.datetime(2026, 3, 2, 0, 30)),
        (dt.datetime(2026, 3, 2, 8, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai")), dt.datetime(2026, 3, 2, 8, 0)),
    ],
)
def test_an_exported_moment_reads_as_the_company_clock(settings, moment, expected):
    settings.TIME_ZONE = "Asia/Shanghai"
    assert exports.local_time(moment) == expected


def test_an_import_sheet_and_its_export_share_labels_and_order():
    from apps.core.importing import Column as SheetColumn

    sheet = [SheetColumn("code", "Code"), SheetColumn("name", "Name")]
    columns = exports.sheet_columns(sheet, name="title", code=exports.cell("number", show=str.upper))
    assert exports.header(columns) == ["Code", "Name"]

    class Record:
        number, title = "ab-1", "Pump"

    assert exports.row(columns, Record()) == ["AB-1", "Pump"]
    with pytest.raises(ValueError, match="Not columns of the sheet: colour"):
        exports.sheet_columns(sheet, code="number", name="title", colour="colour")


def test_an_export_reads_a_sheet_column_it_does_not_name_from_the_field_of_its_key():
    from apps.core.importing import Column as SheetColumn

    columns = exports.sheet_columns([SheetColumn("code", "Code"), SheetColumn("name", "Name")], code="number")

    class Record:
        number, name = "AB-1", "Pump"

    assert exports.row(columns, Record()) == ["AB-1", "Pump"]


def test_a_table_export_reads_its_records_from_its_selector_with_the_person_and_the_parameters():
    asked = []

    def plan_list(*, user, filters):
        asked.append((user, filters))
        return "the plans"

    class PlanExporter(exports.TableExporter):
        kind, title, columns = "test.plans", "Plans", []
        selector = plan_list

    assert PlanExporter(user="someone", params={"year": "2026"}).queryset() == "the plans"
    assert asked == [("someone", {"year": "2026"})]
