from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.training.policies import can_edit_rules, can_read_training

register(NavItem("training.mine", _("My training"), "training:my_record", 5, "bi-person-vcard", order=10))
register(
    NavItem(
        "training.compliance",
        _("Training compliance"),
        "training:compliance",
        5,
        "bi-clipboard-data",
        can_read_training,
        20,
    )
)
register(
    NavItem("training.sessions", _("Training sessions"), "training:session_list", 5, "bi-easel", can_read_training, 30)
)
register(NavItem("training.plans", _("Training plans"), "training:plan_list", 5, "bi-calendar3", can_read_training, 40))
register(
    NavItem(
        "training.certificates",
        _("Certificates"),
        "training:certificate_list",
        5,
        "bi-patch-check",
        can_read_training,
        50,
    )
)
register(NavItem("training.courses", _("Courses"), "training:course_list", 5, "bi-book", can_read_training, 60))
register(NavItem("training.rules", _("Hours rule sets"), "training:ruleset_list", 5, "bi-sliders", can_edit_rules, 70))
