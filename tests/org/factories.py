from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from apps.org import services
from apps.org.models import Department, DepartmentKind, Employee, Position, Role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("name", locale="zh_CN")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", "pass-1234")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        names = set(extracted or []) | {Role.EMPLOYEE}
        self.groups.set(services.role_groups(names))
        self.save()


class DepartmentFactory(factory.django.DjangoModelFactory):
    """Created through the service so that the tree path is right."""

    class Meta:
        model = Department

    name = factory.Sequence(lambda n: f"部门{n}")
    code = factory.Sequence(lambda n: f"D{n:04d}")
    kind = DepartmentKind.DEPARTMENT
    parent = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.get("kind") != DepartmentKind.COMPANY and kwargs.get("parent") is None:
            kwargs["parent"] = company_root()
        return services.department_create(data=kwargs, user=None)


def company_root() -> Department:
    root = Department.objects.filter(kind=DepartmentKind.COMPANY).first()
    if root is None:
        root = services.department_create(
            data={"name": "测试公司", "code": "ROOT", "kind": DepartmentKind.COMPANY}, user=None
        )
    return root


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"岗位{n}")


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    employee_no = factory.Sequence(lambda n: f"E{n:05d}")
    name = factory.Faker("name", locale="zh_CN")
    department = factory.SubFactory(DepartmentFactory)
    position = factory.SubFactory(PositionFactory)
