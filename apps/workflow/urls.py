from django.urls import include, path

from apps.workflow import views

app_name = "workflow"

urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
    path(
        "tasks/",
        include(
            [
                path("", views.task_list, name="task_list"),
                path("new/", views.task_create, name="task_create"),
                path(
                    "<int:pk>/",
                    include(
                        [
                            path("", views.task_detail, name="task_detail"),
                            path("edit/", views.task_edit, name="task_edit"),
                            path("submit/", views.task_submit, name="task_submit"),
                            path("sign-off/", views.task_sign_off, name="task_sign_off"),
                            path("reopen/", views.task_reopen, name="task_reopen"),
                            path(
                                "attachments/<int:attachment_pk>/",
                                views.task_attachment,
                                name="task_attachment",
                            ),
                        ]
                    ),
                ),
            ]
        ),
    ),
    path(
        "notifications/",
        include(
            [
                path("", views.notification_list, name="notification_list"),
                path("read/", views.notification_read, name="notification_read_all"),
                path("<int:pk>/read/", views.notification_read, name="notification_read"),
            ]
        ),
    ),
]
