"""Responsibility letters: templates, issuing a year's letters, signing by the two parties, the
paper copy and the weekly reminders."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from simple_history.utils import bulk_create_with_history

from apps.core.exceptions import ApplicationError
from apps.core.services import attachment_add
from apps.core.text import Person, stored
from apps.org.policy import require
from apps.responsibility import policies, selectors
from apps.responsibility.models import LetterSide, LetterSignature, LetterStatus, LetterTemplate, ResponsibilityLetter
from apps.responsibility.services._common import _apply, _save
from apps.scoring import live
from apps.workflow import services as workflow

# Unsigned letters are reminded once a week.
LETTER_REMINDER_EVERY_DAYS = 7
TEMPLATE_FIELDS = ("level", "title", "body", "is_active")


@transaction.atomic
def template_save(*, template: LetterTemplate | None = None, data: dict, user) -> LetterTemplate:
    require(policies.can_edit_letter_template(user, template))
    template = template or LetterTemplate()
    _apply(template, data, TEMPLATE_FIELDS)
    _save(template, user=user)
    return template


@transaction.atomic
def letters_issue(*, year: int, template: LetterTemplate, sign_by: dt.date, user) -> dict:
    """Issue the template's level of letters to everyone who should hold one for the year.
    Idempotent: people who already hold a letter of this level and year get none."""
    require(policies.can_issue_letters(user))
    pairs, skipped = selectors.letter_pairs(template.level)
    existing = set(
        ResponsibilityLetter.objects.filter(year=year, level=template.level).values_list("holder_id", flat=True)
    )
    new = [
        ResponsibilityLetter(
            year=year,
            level=template.level,
            template=template,
            department_id=department_id,
            issuer_id=issuer_id,
            holder_id=holder_id,
            title=template.title,
            body=template.body,
            sign_by=sign_by,
        )
        for department_id, issuer_id, holder_id in pairs
        if holder_id not in existing
    ]
    bulk_create_with_history(new, ResponsibilityLetter, batch_size=500, default_user=user)
    live.invalidate("responsibility")  # bulk writes send no signals
    return {"created": len(new), "existing": len(pairs) - len(new), "units_without_head": skipped}


@transaction.atomic
def letter_update(*, letter: ResponsibilityLetter, data: dict, user) -> ResponsibilityLetter:
    require(policies.can_edit_letter(user, letter))
    letter = ResponsibilityLetter.objects.select_for_update().get(pk=letter.pk)
    if letter.signatures.exists():
        raise ApplicationError(_("A signed letter cannot be changed."))
    _apply(letter, data, ("title", "body", "sign_by"))
    _save(letter, user=user)
    return letter


letter_side = policies.letter_side


@transaction.atomic
def letter_sign(*, letter: ResponsibilityLetter, user, scan=None) -> LetterSignature:
    """The signing person's side of the letter; only the two parties sign, each once."""
    letter = ResponsibilityLetter.objects.select_for_update().get(pk=letter.pk)
    require(policies.can_sign_letter(user, letter))
    side = letter_side(letter, user)
    if letter.signatures.filter(side=side).exists():
        raise ApplicationError(_("You have already signed this letter."))
    if scan is not None:
        try:
            attachment_add(owner=letter, upload=scan, user=user, caption=_("Signed paper copy"))
        except ValidationError as exc:
            raise ApplicationError(" ".join(exc.messages)) from exc
    signature = LetterSignature(letter=letter, side=side, signer=user)
    signature.full_clean()
    try:
        with transaction.atomic():
            signature.save()
    except IntegrityError:
        raise ApplicationError(_("You have already signed this letter.")) from None
    sides = letter.signatures.count()
    letter.status = LetterStatus.SIGNED if sides == 2 else LetterStatus.PARTLY
    _save(letter, user=user)
    return signature


@transaction.atomic
def letter_attach_scan(*, letter: ResponsibilityLetter, scan, user) -> None:
    require(policies.can_attach_letter_scan(user, letter))
    try:
        attachment_add(owner=letter, upload=scan, user=user, caption=_("Signed paper copy"))
    except ValidationError as exc:
        raise ApplicationError(" ".join(exc.messages)) from exc


@transaction.atomic
def letter_reminders_send(*, today: dt.date | None = None) -> int:
    """Remind each party who has not signed a letter of this year, once a week (a reminder of
    the letter's sign-by date, apps/workflow/services/remind.py). Returns the letters reminded."""
    today = today or timezone.localdate()
    letters = list(
        ResponsibilityLetter.objects.select_for_update(of=("self",))
        .filter(year=today.year)
        .exclude(status=LetterStatus.SIGNED)
        .select_related("issuer__user", "holder__user")
        .prefetch_related("signatures")
    )
    sent = 0
    for letter in letters:
        signed = {s.side for s in letter.signatures.all()}
        users = []
        if LetterSide.ISSUER not in signed:
            users.append(letter.issuer.user)
        if LetterSide.HOLDER not in signed:
            users.append(letter.holder.user)
        message = stored(
            gettext_noop("Please sign the responsibility letter “%(title)s” (%(holder)s) by %(date)s"),
            **{"title": letter.title, "holder": Person(letter.holder), "date": letter.sign_by.isoformat()},
        )
        sent += workflow.remind_every(
            subject=letter,
            kind="letter_signature",
            due=letter.sign_by,
            every_days=LETTER_REMINDER_EVERY_DAYS,
            users=users,
            message=message,
            url=f"/responsibility/letters/{letter.pk}/",
            today=today,
        )
    return sent
