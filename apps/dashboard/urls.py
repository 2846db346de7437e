from django.urls import path

from apps.dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("", views.index, name="index"),
    path("reports/", views.report_list, name="report_list"),
    path("reports/<int:pk>/download/", views.report_download, name="report_download"),
]
