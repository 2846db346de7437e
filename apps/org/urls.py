from django.urls import include, path

from apps.org import views

app_name = "org"

urlpatterns = [
    path("company/", views.company_detail, name="company"),
    path("company/edit/", views.company_edit, name="company_edit"),
    path(
        "departments/",
        include(
            [
                path("", views.department_list, name="department_list"),
                path("new/", views.department_create, name="department_create"),
                path("import/", views.department_import, name="department_import"),
                path(
                    "import/template/",
                    views.department_import_template,
                    name="department_import_template",
                ),
                path("<int:pk>/", views.department_detail, name="department_detail"),
                path("<int:pk>/edit/", views.department_edit, name="department_edit"),
            ]
        ),
    ),
    path(
        "positions/",
        include(
            [
                path("", views.position_list, name="position_list"),
                path("new/", views.position_edit, name="position_create"),
                path("<int:pk>/edit/", views.position_edit, name="position_edit"),
            ]
        ),
    ),
    path(
        "employees/",
        include(
            [
                path("", views.employee_list, name="employee_list"),
                path("new/", views.employee_edit, name="employee_create"),
                path("import/", views.employee_import, name="employee_import"),
                path(
                    "import/template/",
                    views.employee_import_template,
                    name="employee_import_template",
                ),
                path(
                    "<int:pk>/",
                    include(
                        [
                            path("", views.employee_detail, name="employee_detail"),
                            path("edit/", views.employee_edit, name="employee_edit"),
                            path("account/", views.employee_account, name="employee_account"),
                            path("leave/", views.employee_leave, name="employee_leave"),
                        ]
                    ),
                ),
            ]
        ),
    ),
]
