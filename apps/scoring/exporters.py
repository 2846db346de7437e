from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from apps.core import exports
from apps.core.numbers import excel_number
from apps.core.xlsx import render_xlsx_sheets
from apps.scoring import policies, services
from apps.scoring.models import ReviewGroup, Standard
from apps.scoring.sheets import (
    ELEMENT_COLUMNS,
    ELEMENT_SHEET,
    INFO_COLUMNS,
    INFO_FIELDS,
    INFO_SHEET,
    ITEM_COLUMNS,
    ITEM_SHEET,
)


@exports.register
class StandardExporter(exports.Exporter):
    """The whole standard as the three-sheet workbook that the import reads back."""

    kind = "scoring.standard"
    title = _("Scoring standard")
    policy = policies.can_export_standard

    def render(self, progress=None) -> bytes:
        standard = Standard.objects.get(pk=self.params["standard"])
        data = services.standard_as_data(standard)
        info = {
            "name": data["name"],
            "version": data["version"],
            "industry": data["industry"],
            "full_points": excel_number(data["full_points"]),
            "threshold_1": excel_number(data["thresholds"][0]),
            "threshold_2": excel_number(data["thresholds"][1]),
            "threshold_3": excel_number(data["thresholds"][2]),
            "element_min_share": excel_number(data["element_min_share"]),
        }
        groups = dict(ReviewGroup.choices)
        item_rows = [
            [
                element["code"],
                b_item["code"],
                b_item["name"],
                item["code"],
                item["requirement"],
                excel_number(item["points"]),
                item["method"],
                str(_("Yes") if item["veto"] else _("No")),
                str(groups[item["group"]]),
                item["indicator"] or "",
                item["auto_rule"],
            ]
            for element in data["elements"]
            for b_item in element["b_items"]
            for item in b_item["items"]
        ]
        return render_xlsx_sheets(
            [
                (INFO_SHEET, [c.label for c in INFO_COLUMNS], [[str(label), info[key]] for key, label in INFO_FIELDS]),
                (
                    ELEMENT_SHEET,
                    [c.label for c in ELEMENT_COLUMNS],
                    [[e["code"], e["name"], excel_number(e["points"])] for e in data["elements"]],
                ),
                (ITEM_SHEET, [c.label for c in ITEM_COLUMNS], item_rows),
            ],
            total=len(item_rows),
            progress=progress,
        )

    def filename(self) -> str:
        standard = Standard.objects.get(pk=self.params["standard"])
        return f"{standard.name}-{standard.version}.xlsx".replace("/", "-")
