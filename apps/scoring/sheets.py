"""The scoring-standard workbook: three sheets shared by import and export."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from apps.core.importing import Column, boolean, choice, decimal, text
from apps.scoring.models import ReviewGroup

INFO_SHEET = _("Standard")
ELEMENT_SHEET = _("Elements")
ITEM_SHEET = _("Scoring items")

INFO_COLUMNS = [Column("field", _("Field"), text, required=True), Column("value", _("Value"), text)]
# Keys of the info sheet, in order, with their labels.
INFO_FIELDS = [
    ("name", _("Name")),
    ("version", _("Version")),
    ("industry", _("Industry")),
    ("full_points", _("Full points")),
    ("threshold_1", _("Level 1 from")),
    ("threshold_2", _("Level 2 from")),
    ("threshold_3", _("Level 3 from")),
    ("element_min_share", _("Minimum share of each element")),
]

ELEMENT_COLUMNS = [
    Column("code", _("Element code"), text, required=True),
    Column("name", _("Element name"), text, required=True),
    Column("points", _("Points"), decimal, required=True),
]

ITEM_COLUMNS = [
    Column("element", _("Element code"), text, required=True),
    Column("b_code", _("B-item code"), text, required=True),
    Column("b_name", _("B-item name"), text, required=True),
    Column("code", _("Item code"), text, required=True),
    Column("requirement", _("Requirement"), text, required=True),
    Column("points", _("Points"), decimal, required=True),
    Column("method", _("Deduction method"), text, required=True),
    Column("veto", _("Veto item"), boolean),
    Column("group", _("Review group"), choice(ReviewGroup)),
    Column("indicator", _("Indicator"), text),
    Column("auto_rule", _("Auto-deduction rule"), text),
]
