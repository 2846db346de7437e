from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.org.access import access_for
from apps.training.selectors import reads_training


def _reads(user) -> bool:
    return reads_training(access_for(user))


def _manages(user) -> bool:
    return access_for(user).manages_everything


register(
    NavItem("training.mine", _("My training"), "training:my_record", 5, "bi-person-vcard", order=10)
)
register(
    NavItem(
        "training.compliance",
        _("Training compliance"),
        "training:compliance",
        5,
        "bi-clipboard-data",
        _reads,
        20,
    )
)
register(
    NavItem(
        "training.sessions",
        _("Training sessions"),
        "training:session_list",
        5,
        "bi-easel",
        _reads,
        30,
    )
)
register(
    NavItem(
        "training.plans", _("Training plans"), "training:plan_list", 5, "bi-calendar3", _reads, 40
    )
)
register(
    NavItem(
        "training.certificates",
        _("Certificates"),
        "training:certificate_list",
        5,
        "bi-patch-check",
        _reads,
        50,
    )
)
register(
    NavItem("training.courses", _("Courses"), "training:course_list", 5, "bi-book", _reads, 60)
)
register(
    NavItem(
        "training.rules",
        _("Hours rule sets"),
        "training:ruleset_list",
        5,
        "bi-sliders",
        _manages,
        70,
    )
)
