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


@pytest.mark.django_db
@pytest.mark.usefixtures("english")
class TestRecordEditPage:
    """`RecordPage.edit`, through a page built on it: emergency supplies (a department-scoped
    form with a page of its own)."""

    def test_new_page_then_saved_record_then_edit_page_cancelling_to_the_record(self, world, client_for):
        from django.contrib.messages import get_messages
        from django.urls import reverse

        from apps.emergency.models import Supply

        client = client_for("safety_manager")
        new = client.get(reverse("emergency:supply_create"))
        assert new.status_code == 200
        assert new.context["title"] == "New emergency supply"
        assert new.context["cancel_url"] == reverse("emergency:supply_list")
        data = {
            "name": "消防水带",
            "kind": "fire",
            "department": world.dept_a.pk,
            "location": "二号仓库",
            "quantity": 4,
            "required_quantity": 4,
            "unit": "条",
            "check_interval_months": 1,
        }
        saved = client.post(reverse("emergency:supply_create"), data)
        assert saved.status_code == 302, saved.context["form"].errors
        supply = Supply.objects.get(name="消防水带")
        assert saved.status_code == 302 and saved.url == supply.get_absolute_url()
        assert [str(m) for m in get_messages(saved.wsgi_request)] == ["Emergency supply saved."]
        edit = client.get(reverse("emergency:supply_edit", args=[supply.pk]))
        assert edit.context["title"] == "Edit emergency supply"
        assert edit.context["cancel_url"] == supply.get_absolute_url()
        assert edit.context["form"].instance == supply

    def test_the_titles_read_in_chinese_after_the_model(self, world, client_for):
        from django.urls import reverse
        from django.utils import translation

        with translation.override("zh-hans"):
            page = client_for("safety_manager").get(reverse("major_hazards:create"))
            assert str(page.context["title"]) == "新建单元"  # 单元 (GB 18218), not 单位

    def test_the_form_offers_only_the_departments_the_person_acts_on(self, world, client_for):
        from django.urls import reverse

        form = client_for("head_a").get(reverse("emergency:supply_create")).context["form"]
        offered = {pk for pk, _label in form.fields["department"].choices if pk}
        assert world.dept_a.pk in {getattr(pk, "value", pk) for pk in offered}
        assert world.dept_b.pk not in {getattr(pk, "value", pk) for pk in offered}

    def test_a_refused_save_keeps_what_was_typed(self, world, client_for):
        from django.urls import reverse

        data = {"name": "消防水带", "kind": "fire", "department": world.dept_b.pk, "quantity": 4}
        page = client_for("head_a").post(reverse("emergency:supply_create"), data)
        form = page.context["form"]
        assert "department" in form.errors  # department B is not one head A acts on
        assert form["name"].value() == "消防水带"


@pytest.mark.django_db
class TestDepartmentFilter:
    """The one department select of the list pages offers what the person sees."""

    def test_a_head_is_offered_their_departments_only(self, world, client_for):
        from django.urls import reverse

        page = client_for("head_a").get(reverse("hazards:list"))
        html = page.content.decode()
        assert f'<option value="{world.dept_a.pk}"' in html
        assert f'<option value="{world.team_a.pk}"' in html
        assert f'<option value="{world.dept_b.pk}"' not in html

    def test_the_filtered_department_stays_selected(self, world, client_for):
        from django.urls import reverse

        page = client_for("safety_manager").get(reverse("hazards:list"), {"department": world.dept_b.pk})
        assert f'<option value="{world.dept_b.pk}" selected>' in page.content.decode()


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
