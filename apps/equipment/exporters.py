from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from apps.core import exports
from apps.core.pdf import render_pdf
from apps.equipment import policies, selectors
from apps.equipment.models import EquipmentStatus
from apps.equipment.sheets import EQUIPMENT_COLUMNS


@exports.register
class LedgerExporter(exports.TableExporter):
    """设备设施台账: the same columns as the import, so a sheet goes out and comes back."""

    kind = "equipment.ledger"
    title = _("Equipment ledger")
    policy = policies.can_export_ledger
    read_values = True
    chunk_size = 5000
    columns = exports.sheet_columns(
        EQUIPMENT_COLUMNS,
        special_type_code="special_type__code",
        department_code="department__code",
        owner="owner__username",
        status=exports.cell("status", choices=EquipmentStatus),
    )
    selector = selectors.equipment_list


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
