from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import obtain_auth_token

from apps.workflow.views import inbox
from config.api import router

urlpatterns = [
    path("", inbox, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("org/", include("apps.org.urls")),
    path("standards/", include("apps.scoring.urls")),
    path("hazards/", include("apps.hazards.urls")),
    path("assessments/", include("apps.assessment.urls")),
    path("training/", include("apps.training.urls")),
    path("responsibility/", include("apps.responsibility.urls")),
    path("equipment/", include("apps.equipment.urls")),
    path("major-hazards/", include("apps.major_hazards.urls")),
    path("emergency/", include("apps.emergency.urls")),
    path("accidents/", include("apps.accidents.urls")),
    path("dashboard/", include("apps.dashboard.urls")),
    path("", include("apps.workflow.urls")),
    path("", include("apps.core.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include(router.urls)),
    path("api/v1/auth/token/", obtain_auth_token, name="api_token"),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
]
