from django.urls import path

from apps.core import views

app_name = "core"

urlpatterns = [
    path("coming-soon/<str:key>/", views.coming_soon, name="coming_soon"),
    path("files/", views.generated_file_list, name="generated_file_list"),
    path("files/start/<str:kind>/", views.export_start, name="export_start"),
    path("files/<int:pk>/status/", views.generated_file_status, name="generated_file_status"),
    path("files/<int:pk>/download/", views.generated_file_download, name="generated_file_download"),
]
