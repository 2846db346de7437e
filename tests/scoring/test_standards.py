import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from apps.core.exceptions import ApplicationError
from apps.scoring.exporters import StandardExporter
from apps.scoring.importers import standard_import
from apps.scoring.models import ScoringItem, Standard
from apps.scoring.services import builtin_standard_data, builtin_standard_load, standard_as_data

# docs/domain.md: the 1000-point split of the 13 A-level elements (AQ/T 9006-2010).
ELEMENT_POINTS = [10, 20, 20, 100, 100, 220, 180, 100, 40, 80, 70, 20, 40]
# The import's summary, in Chinese like the sheet names these tests read back.
NOTHING_IMPORTED = "未导入任何数据"


@pytest.fixture
def builtin(db):
    return builtin_standard_load()


def test_the_builtin_standard_has_the_13_elements_and_1000_points(builtin):
    elements = list(builtin.elements.order_by("order"))
    assert [int(e.points) for e in elements] == ELEMENT_POINTS
    assert builtin.full_points == 1000
    assert 40 <= sum(e.b_items.count() for e in elements) <= 50
    items = ScoringItem.objects.filter(standard=builtin)
    assert items.count() >= 150
    for element in elements:
        total = sum(i.points for i in items.filter(b_item__element=element))
        assert total == element.points, element.code
    assert 3 <= items.filter(is_veto=True).count() <= 5
    assert items.exclude(indicator_key="").count() >= 10
    assert builtin_standard_load() == builtin  # loading twice changes nothing


def _export(standard, user) -> bytes:
    return StandardExporter(user=user, params={"standard": standard.pk}).render()


def _upload(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("standard.xlsx", content)


def test_export_then_import_gives_an_identical_standard(builtin, world):
    before = standard_as_data(builtin)
    content = _export(builtin, world.safety_manager)
    builtin.delete()
    imported = standard_import(upload=_upload(content), user=world.safety_manager)
    assert standard_as_data(imported) == before


def _edit(content: bytes, sheet_index: int, cell: str, value) -> bytes:
    workbook = load_workbook(io.BytesIO(content))
    workbook.worksheets[sheet_index][cell] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_file_with_one_bad_row_imports_nothing_and_names_the_row(builtin, world):
    content = _export(builtin, world.safety_manager)
    content = _edit(content, 0, "B2", "新名称")  # a new name: no clash with the existing one
    content = _edit(content, 2, "F5", 99)  # item on row 5 gets 99 points
    count = Standard.objects.count()
    with pytest.raises(ApplicationError, match="发现 1 个问题") as exc:
        standard_import(upload=_upload(content), user=world.safety_manager)
    assert Standard.objects.count() == count
    # The element whose items no longer add up is named by its row on the elements sheet.
    assert [(e.sheet, e.row) for e in exc.value.errors] == [("要素", 2)]
    assert "A1" in exc.value.errors[0].message


@pytest.mark.parametrize(
    "sheet, cell, value, expected",
    [
        (2, "A3", "A99", ("评分项", 3)),  # unknown element
        (2, "D4", "1.1.1", ("评分项", 4)),  # duplicate item code
        (2, "F6", "十", ("评分项", 6)),  # points not a number
        (2, "K7", "between:1:2", ("评分项", 7)),  # a rule that is not one
    ],
)
def test_each_kind_of_bad_row_is_named(builtin, world, sheet, cell, value, expected):
    content = _edit(_export(builtin, world.safety_manager), 0, "B2", "新名称")
    content = _edit(content, sheet, cell, value)
    with pytest.raises(ApplicationError, match=NOTHING_IMPORTED) as exc:
        standard_import(upload=_upload(content), user=world.safety_manager)
    assert expected in [(e.sheet, e.row) for e in exc.value.errors]
    assert not Standard.objects.filter(name="新名称").exists()


def test_importing_the_same_name_and_version_twice_is_refused(builtin, world):
    with pytest.raises(ApplicationError, match=NOTHING_IMPORTED) as exc:
        standard_import(upload=_upload(_export(builtin, world.safety_manager)), user=world.safety_manager)
    assert exc.value.errors


def test_the_fixture_is_valid_data():
    from apps.scoring.services import standard_validate

    data = builtin_standard_data()
    assert standard_validate(data) == []
    assert sum(Decimal(str(e["points"])) for e in data["elements"]) == 1000


@pytest.mark.parametrize(
    "persona, expected", [("safety_manager", 200), ("leader", 200), ("head_a", 403), ("employee_a", 403)]
)
def test_standard_pages_by_persona(builtin, client_for, persona, expected):
    assert client_for(persona).get("/standards/").status_code == expected
    assert client_for(persona).get(f"/standards/{builtin.pk}/").status_code == expected


def test_the_import_page_shows_sheet_row_and_reason(builtin, world, client_for):
    content = _edit(_edit(_export(builtin, world.safety_manager), 0, "B2", "新名称"), 2, "A3", "A99")
    response = client_for("safety_manager").post("/standards/import/", {"file": _upload(content)})
    html = response.content.decode()
    assert response.status_code == 200 and "A99" in html and "评分项" in html


def _round_trip(data, world):
    from apps.scoring.services import standard_create

    standard = standard_create(data=data)
    before = standard_as_data(standard)
    content = _export(standard, world.safety_manager)
    standard.delete()
    return before, standard_as_data(standard_import(upload=_upload(content), user=world.safety_manager))


def test_a_standard_without_industry_and_with_half_points_round_trips(world):
    from tests.scoring.factories import standard_data

    data = standard_data(8, name="半分标准")
    data["industry"] = ""
    data["element_min_share"] = Decimal("0.6")
    items = data["elements"][0]["b_items"][0]["items"]
    items[0]["points"] = Decimal("9.5")
    items[1]["points"] = Decimal("10.5")
    before, after = _round_trip(data, world)
    assert after == before


@pytest.mark.parametrize(
    "cell, value, row",
    [
        ("B5", "abc", 5),  # full points not a number: named on its own row
        ("B9", "1.5", 9),  # minimum share over 1
        ("B6", "", 6),  # a threshold left empty
    ],
)
def test_bad_info_values_are_named_on_their_row(builtin, world, cell, value, row):
    content = _edit(_edit(_export(builtin, world.safety_manager), 0, "B2", "新名称"), 0, cell, value)
    with pytest.raises(ApplicationError, match=NOTHING_IMPORTED) as exc:
        standard_import(upload=_upload(content), user=world.safety_manager)
    assert ("标准", row) in [(e.sheet, e.row) for e in exc.value.errors]


def test_points_with_two_decimals_or_nan_are_refused(builtin, world):
    content = _edit(_edit(_export(builtin, world.safety_manager), 0, "B2", "新名称"), 2, "F2", "2.25")
    with pytest.raises(ApplicationError, match=NOTHING_IMPORTED) as exc:
        standard_import(upload=_upload(content), user=world.safety_manager)
    assert ("评分项", 2) in [(e.sheet, e.row) for e in exc.value.errors]
    content = _edit(_edit(_export(builtin, world.safety_manager), 0, "B2", "新名称"), 2, "F2", "NaN")
    with pytest.raises(ApplicationError, match=NOTHING_IMPORTED) as exc:
        standard_import(upload=_upload(content), user=world.safety_manager)
    assert ("评分项", 2) in [(e.sheet, e.row) for e in exc.value.errors]


def test_a_b_item_with_two_names_is_refused(builtin, world):
    content = _edit(_edit(_export(builtin, world.safety_manager), 0, "B2", "新名称"), 2, "C3", "另一个名字")
    with pytest.raises(ApplicationError, match=NOTHING_IMPORTED) as exc:
        standard_import(upload=_upload(content), user=world.safety_manager)
    assert ("评分项", 3) in [(e.sheet, e.row) for e in exc.value.errors]


def test_the_version_clash_names_the_version_row(builtin, world):
    with pytest.raises(ApplicationError, match="发现 1 个问题") as exc:
        standard_import(upload=_upload(_export(builtin, world.safety_manager)), user=world.safety_manager)
    assert [(e.sheet, e.row) for e in exc.value.errors] == [("标准", 3)]
    assert "E+" not in exc.value.errors[0].message
