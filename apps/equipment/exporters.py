from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from apps.core import exports
from apps.core.pdf import render_pdf
from apps.equipment import policies, selectors
from apps.equipment.models import EquipmentStatus
from apps.equipment.sheets import EQUIPMENT_COLUMNS


@exports.register
class LedgerExporter(exports.Exporter):
    """设备设施台账: the same columns as the import, so a sheet goes out and comes back."""

    kind = "equipment.ledger"
    title = _("Equipment ledger")

    @classmethod
    def allowed(cls, user) -> bool:
        return bool(policies.can_export_ledger(user))

    def queryset(self):
        return selectors.equipment_list(user=self.user, filters=self.params)

    def count(self) -> int:
        return self.queryset().count()

    def header(self):
        return [c.label for c in EQUIPMENT_COLUMNS]

    def rows(self) -> Iterator[list]:
        statuses = {k: str(v) for k, v in EquipmentStatus.choices}
        rows = self.queryset().values_list(
            "code",
            "name",
            "category",
            "special_type__code",
            "model_number",
            "maker",
            "serial_number",
            "location",
            "department__code",
            "owner__username",
            "commissioned_on",
            "registration_number",
            "status",
            "inspection_interval_months",
            "last_inspected_on",
            "next_inspection_due",
        )
        for row in rows.iterator(chunk_size=5000):
            row = list(row)
            row[12] = statuses[row[12]]
            yield row


def qr_svg(url: str) -> str:
    """An SVG QR code (error correction M) for a label; segno writes it without any image library."""
    import segno

    return segno.make_qr(url, error="m").svg_inline(scale=4, border=2)


def labels_pdf(*, equipment, base_url: str, title) -> bytes:
    """One label per item on A4: the QR code holds the absolute address of its page."""
    labels = []
    for item in equipment:
        url = base_url.rstrip("/") + item.get_absolute_url()
        labels.append({"item": item, "url": url, "qr": qr_svg(url)})
    return render_pdf("pdf/equipment/labels.html", {"title": title, "labels": labels})
