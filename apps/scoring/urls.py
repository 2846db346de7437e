from django.urls import path

from apps.scoring import views

app_name = "scoring"

urlpatterns = [
    path("", views.standard_list, name="standard_list"),
    path("import/", views.standard_import, name="standard_import"),
    path("<int:pk>/", views.standard_detail, name="standard_detail"),
    path("<int:pk>/active/", views.standard_activate, name="standard_activate"),
]
