"""Helpers the hazard and inspection services share: saving with history, photos and the LEC
risk. Who may act is `apps.hazards.policies`."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from apps.core.services import attachment_add
from apps.core.validators import IMAGE_EXTENSIONS
from apps.hazards import risk
from apps.hazards.models import Hazard


def _save(hazard: Hazard, *, user, reason: str = "") -> None:
    hazard.full_clean()
    if user is not None:
        hazard._history_user = user
    if reason:
        hazard._change_reason = reason
    hazard.save()


def _require_images(files) -> None:
    """Hazard photos are pictures: anything else is refused, naming the file."""
    for upload in files:
        extension = (upload.name or "").rsplit(".", 1)[-1].lower()
        if extension not in IMAGE_EXTENSIONS:
            raise ValidationError(
                {"photos": _("“%(name)s” is not a photo: use a JPG, PNG, WEBP or GIF picture.") % {"name": upload.name}}
            )


def _attach_all(owner, files, user) -> None:
    """Attach photos; a bad file raises ValidationError naming it (and the caller's atomic
    block keeps nothing of the half-done action)."""
    _require_images(files)
    for upload in files:
        try:
            attachment_add(owner=owner, upload=upload, user=user)
        except ValidationError as exc:
            raise ValidationError({"photos": exc.messages}) from None


def _set_risk(hazard: Hazard, l_value, e_value, c_value) -> None:
    if l_value in (None, "") and e_value in (None, "") and c_value in (None, ""):
        return
    try:
        result = risk.assess(l_value, e_value, c_value)
    except (ValueError, ArithmeticError):
        raise ValidationError({"risk_l": _("Choose L, E and C from the LEC scales.")}) from None
    hazard.risk_l, hazard.risk_e, hazard.risk_c = (Decimal(str(v)) for v in (l_value, e_value, c_value))
    hazard.risk_d = result.d
    hazard.risk_band = result.band
