import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.core.exceptions import ApplicationError
from apps.org.importers import department_import, employee_import
from apps.org.models import Department, Employee
from tests.helpers import xlsx_upload

EMPLOYEE_HEADER = ["工号", "姓名", "部门编码", "岗位", "入职日期", "特种作业人员", "用工形式"]
# The summary of a refused import, in Chinese like the column names these tests read back.
NOTHING_IMPORTED = "未导入任何数据"


def test_a_clean_employee_sheet_is_imported(world):
    upload = xlsx_upload(
        [
            EMPLOYEE_HEADER,
            ["N001", "孙悟空", "A", "车工", "2024-05-06", "否", "正式员工"],
            ["N002", "猪八戒", "A-1", "焊工", "2023/1/2", "是", "劳务派遣人员"],
        ]
    )
    result = employee_import(upload=upload, user=world.safety_manager)
    assert (result.created, result.updated) == (2, 0)
    second = Employee.objects.get(employee_no="N002")
    assert second.department == world.team_a
    assert second.is_special_operation_worker
    assert second.employment_type == "dispatched"
    assert second.position.name == "焊工"
    assert second.history.latest().history_user == world.safety_manager


def test_english_headers_and_values_are_accepted_too(world):
    upload = xlsx_upload(
        [
            ["Employee number", "Full name", "Department code", "Special-operation worker", "Employment"],
            ["N010", "Li Lei", "B", "yes", "Contractor's staff"],
        ]
    )
    employee_import(upload=upload, user=world.safety_manager)
    assert Employee.objects.get(employee_no="N010").employment_type == "contractor"


def test_one_bad_row_imports_nothing_and_names_row_column_and_reason(world, english):
    before = Employee.objects.count()
    upload = xlsx_upload(
        [
            EMPLOYEE_HEADER,
            ["N001", "孙悟空", "A", "车工", "2024-05-06", "否", "正式员工"],
            ["N002", "猪八戒", "NOPE", "焊工", "2024-05-06", "否", "正式员工"],
            ["N003", "沙僧", "A", "车工", "明年", "否", "正式员工"],
        ]
    )
    with pytest.raises(ApplicationError, match="Nothing was imported: 2 problem") as exc:
        employee_import(upload=upload, user=world.safety_manager)
    errors = [(e.row, e.column) for e in exc.value.errors]
    assert errors == [(3, "Department code"), (4, "Hire date")]
    assert "NOPE" in exc.value.errors[0].message
    assert "明年" in exc.value.errors[1].message
    assert Employee.objects.count() == before


def test_duplicate_numbers_missing_columns_and_bad_files_are_reported(world):
    with pytest.raises(ApplicationError, match=NOTHING_IMPORTED) as exc:
        employee_import(
            upload=xlsx_upload([EMPLOYEE_HEADER, ["N1", "甲", "A"], ["N1", "乙", "A"]]), user=world.safety_manager
        )
    assert [(e.row, e.column) for e in exc.value.errors] == [(3, "工号")]

    with pytest.raises(ApplicationError, match="表头行不完整") as exc:
        employee_import(upload=xlsx_upload([["工号", "姓名"], ["N1", "甲"]]), user=world.safety_manager)
    assert exc.value.errors[0].row == 1 and exc.value.errors[0].column == "部门编码"

    with pytest.raises(ApplicationError, match="无法将该文件读取为 Excel 工作簿"):
        employee_import(upload=SimpleUploadedFile("x.xlsx", b"not a zip"), user=world.safety_manager)


def test_an_invalid_email_is_reported_on_its_row(world):
    upload = xlsx_upload([["工号", "姓名", "部门编码", "电子邮箱"], ["N1", "甲", "A", "not-an-email"]])
    with pytest.raises(ApplicationError, match=NOTHING_IMPORTED) as exc:
        employee_import(upload=upload, user=world.safety_manager)
    assert [(e.row, e.column) for e in exc.value.errors] == [(2, "电子邮箱")]


def test_existing_employees_are_updated_by_number(world):
    employee = Employee.objects.get(user=world.employee_a)
    upload = xlsx_upload([["工号", "姓名", "部门编码"], [employee.employee_no, "赵磊", "B"]])
    result = employee_import(upload=upload, user=world.safety_manager)
    assert (result.created, result.updated) == (0, 1)
    employee.refresh_from_db()
    assert employee.department == world.dept_b


def test_departments_import_in_any_order_and_check_the_tree(world):
    upload = xlsx_upload(
        [["编码", "名称", "类型", "上级编码"], ["C-1", "一班", "班组", "C"], ["C", "喷涂车间", "车间", "ROOT"]]
    )
    result = department_import(upload=upload, user=world.safety_manager)
    assert result.created == 2
    team = Department.objects.get(code="C-1")
    assert team.parent.code == "C"
    assert team.path.startswith(Department.objects.get(code="C").path)


def test_a_department_sheet_with_a_bad_row_saves_nothing(world):
    before = Department.objects.count()
    upload = xlsx_upload(
        [
            ["编码", "名称", "类型", "上级编码"],
            ["C", "喷涂车间", "车间", "ROOT"],
            ["C-1", "一班", "班组", "C"],
            ["C-2", "二班", "车间", "C-1"],  # a workshop below a team
            ["C-3", "三班", "小组", "C"],  # unknown kind
            ["C-4", "四班", "班组", "ZZZ"],  # unknown parent
        ]
    )
    with pytest.raises(ApplicationError, match=NOTHING_IMPORTED) as exc:
        department_import(upload=upload, user=world.safety_manager)
    assert sorted(e.row for e in exc.value.errors) == [4, 5, 6]
    assert Department.objects.count() == before


def test_the_import_page_lists_every_problem(world, client_for):
    upload = xlsx_upload([EMPLOYEE_HEADER, ["N1", "甲", "NOPE"]])
    response = client_for("safety_manager").post("/org/employees/import/", {"file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="import-errors"' in html and "NOPE" in html
    assert client_for("head_a").get("/org/employees/import/").status_code == 403


def test_a_minimal_sheet_creates_active_staff_and_leaves_other_fields_alone(world):
    employee = Employee.objects.get(user=world.employee_a)
    Employee.objects.filter(pk=employee.pk).update(phone="13800000000", is_special_operation_worker=True)
    employee_import(
        upload=xlsx_upload([["工号", "姓名", "部门编码"], ["N1", "新人", "A"], [employee.employee_no, "赵磊", "A-1"]]),
        user=world.safety_manager,
    )
    assert Employee.objects.get(employee_no="N1").is_active
    employee.refresh_from_db()
    assert (employee.phone, employee.is_special_operation_worker, employee.is_active) == ("13800000000", True, True)


def test_a_department_sheet_without_the_active_column_creates_active_units(world):
    department_import(
        upload=xlsx_upload([["编码", "名称", "类型", "上级编码"], ["C", "喷涂车间", "车间", "ROOT"]]),
        user=world.safety_manager,
    )
    assert Department.objects.get(code="C").is_active


def test_a_blank_name_is_reported_not_a_crash(world):
    with pytest.raises(ApplicationError, match=NOTHING_IMPORTED) as exc:
        employee_import(upload=xlsx_upload([["工号", "姓名", "部门编码"], ["N1", "", "A"]]), user=world.safety_manager)
    assert [(e.row, e.column) for e in exc.value.errors] == [(2, "姓名")]


def test_moving_a_unit_by_import_moves_its_subtree(world):
    from apps.org.access import access_for
    from apps.org.models import DepartmentKind
    from tests.org.factories import DepartmentFactory

    section = DepartmentFactory(kind=DepartmentKind.SECTION, parent=world.dept_a, code="S")
    team = DepartmentFactory(kind=DepartmentKind.TEAM, parent=section, code="S-1")
    department_import(
        upload=xlsx_upload([["编码", "名称", "类型", "上级编码"], ["S", "工段", "工段", "B"]]),
        user=world.safety_manager,
    )
    team.refresh_from_db()
    assert team.path.startswith(world.dept_b.path)
    assert team.pk in access_for(type(world.outsider).objects.get(pk=world.outsider.pk)).headed_department_ids
    assert team.pk not in access_for(type(world.head_a).objects.get(pk=world.head_a.pk)).headed_department_ids


def test_leaving_by_import_ends_the_login_and_head_rights(world):
    from apps.org.access import access_for

    head = Employee.objects.get(user=world.head_a)
    employee_import(
        upload=xlsx_upload([["工号", "姓名", "部门编码", "在职"], [head.employee_no, "李强", "A", "否"]]),
        user=world.safety_manager,
    )
    world.head_a.refresh_from_db()
    assert not world.head_a.is_active
    assert not access_for(world.head_a).is_department_head
