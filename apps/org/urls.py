from django.urls import path

from apps.org import views

app_name = "org"

urlpatterns = [
    path("company/", views.company_detail, name="company"),
    path("company/edit/", views.company_edit, name="company_edit"),
    path("departments/", views.department_list, name="department_list"),
    path("departments/new/", views.department_create, name="department_create"),
    path("departments/import/", views.department_import, name="department_import"),
    path("departments/import/template/", views.department_import_template, name="department_import_template"),
    path("departments/<int:pk>/", views.department_detail, name="department_detail"),
    path("departments/<int:pk>/edit/", views.department_edit, name="department_edit"),
    path("positions/", views.position_list, name="position_list"),
    path("positions/new/", views.position_edit, name="position_create"),
    path("positions/<int:pk>/edit/", views.position_edit, name="position_edit"),
    path("employees/", views.employee_list, name="employee_list"),
    path("employees/new/", views.employee_edit, name="employee_create"),
    path("employees/import/", views.employee_import, name="employee_import"),
    path("employees/import/template/", views.employee_import_template, name="employee_import_template"),
    path("employees/<int:pk>/", views.employee_detail, name="employee_detail"),
    path("employees/<int:pk>/edit/", views.employee_edit, name="employee_edit"),
    path("employees/<int:pk>/account/", views.employee_account, name="employee_account"),
    path("employees/<int:pk>/leave/", views.employee_leave, name="employee_leave"),
]
