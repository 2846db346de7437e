"""Writing scoring standards: from the built-in JSON fixture or an xlsx workbook, all or nothing."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from apps.core.exceptions import ApplicationError, RowError
from apps.core.importing import raise_row_errors
from apps.scoring import engine
from apps.scoring.models import BItem, Element, ReviewGroup, ScoringItem, Standard

BUILTIN_STANDARD = "fixtures/scoring/general_1000.json"


def _err(node: dict, column: str, message: str, *, key: str | None = None) -> RowError:
    row = node.get("_rows", {}).get(key, node.get("_row", 0)) if key else node.get("_row", 0)
    return RowError(row, column, message, node.get("_sheet", ""))


def _num(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _points_problem(value: Decimal) -> str | None:
    """Points are positive with at most one decimal (the database keeps one)."""
    if value <= 0:
        return _("Points must be positive.")
    if value.as_tuple().exponent < -1 or value >= Decimal("1000000"):
        return _("Points take at most one decimal place, e.g. 2.5.")
    return None


def _item_errors(item: dict, item_codes: dict[str, dict]) -> list[RowError]:
    """Problems of one scoring item; `item_codes` gathers the codes seen so far."""
    errors: list[RowError] = []
    if problem := _points_problem(Decimal(str(item["points"]))):
        errors.append(_err(item, _("Points"), problem))
    if item["code"] in item_codes:
        errors.append(_err(item, _("Item code"), _("The item code “%(code)s” appears twice.") % {"code": item["code"]}))
    item_codes[item["code"]] = item
    if item.get("group") and item["group"] not in ReviewGroup.values:
        errors.append(_err(item, _("Review group"), _("Unknown review group.")))
    if item.get("auto_rule"):
        try:
            engine.parse_rule(item["auto_rule"])
        except ValueError:
            errors.append(
                _err(
                    item,
                    _("Auto-deduction rule"),
                    _("“%(rule)s” is not a rule: write below:T:S:D, above:L:S:D or false.")
                    % {"rule": item["auto_rule"]},
                )
            )
        if not item.get("indicator"):
            errors.append(_err(item, _("Indicator"), _("An auto-deduction rule needs an indicator.")))
    return errors


def _element_errors(element: dict, element_codes: set[str], item_codes: dict[str, dict]) -> list[RowError]:
    """Problems of one element and everything in it; the code sets gather what was seen."""
    errors: list[RowError] = []
    if element["code"] in element_codes:
        errors.append(
            _err(
                element, _("Element code"), _("The element code “%(code)s” appears twice.") % {"code": element["code"]}
            )
        )
    element_codes.add(element["code"])
    points = Decimal(str(element["points"]))
    if problem := _points_problem(points):
        errors.append(_err(element, _("Points"), problem))
    if not element.get("b_items"):
        errors.append(_err(element, _("Element code"), _("This element has no scoring items.")))
    item_sum = Decimal(0)
    for b_item in element.get("b_items", []):
        if not b_item.get("items"):
            errors.append(
                _err(element, _("B-item code"), _("B-item %(code)s has no scoring items.") % {"code": b_item["code"]})
            )
        for item in b_item.get("items", []):
            item_sum += Decimal(str(item["points"]))
            errors += _item_errors(item, item_codes)
    if item_sum != points:
        errors.append(
            _err(
                element,
                _("Points"),
                _("The items of element %(code)s add up to %(sum)s points, not %(points)s.")
                % {"code": element["code"], "sum": _num(item_sum), "points": _num(points)},
            )
        )
    return errors


def _header_errors(data: dict) -> list[RowError]:
    """Problems of the standard's own fields: name, version and minimum share."""
    errors: list[RowError] = []
    if not data.get("name"):
        errors.append(_err(data, _("Value"), _("A standard needs a name."), key="name"))
    if not data.get("version"):
        errors.append(_err(data, _("Value"), _("A standard needs a version."), key="version"))
    share = data.get("element_min_share")
    if share not in (None, "") and not (0 <= Decimal(str(share)) <= 1):
        errors.append(
            _err(data, _("Value"), _("The minimum share is between 0 and 1, e.g. 0.6."), key="element_min_share")
        )
    return errors


def _totals_errors(data: dict) -> list[RowError]:
    """Problems of the whole: elements against the full points, and the grade thresholds."""
    errors: list[RowError] = []
    total = sum((Decimal(str(e["points"])) for e in data.get("elements", [])), Decimal(0))
    full = Decimal(str(data.get("full_points") or 0))
    if data.get("elements") and total != full:
        errors.append(
            _err(
                data,
                _("Full points"),
                _("The elements add up to %(total)s points, but the standard says %(full)s.")
                % {"total": _num(total), "full": _num(full)},
                key="full_points",
            )
        )
    if not data.get("elements"):
        errors.append(_err(data, _("Elements"), _("The standard has no elements.")))
    thresholds = [Decimal(str(t)) for t in data.get("thresholds", engine.DEFAULT_THRESHOLDS)]
    if len(thresholds) != 3 or not thresholds[0] > thresholds[1] > thresholds[2] >= 0:
        errors.append(_err(data, _("Level 1 from"), _("The three grade thresholds must go down, e.g. 90, 75, 60.")))
    return errors


def standard_validate(data: dict) -> list[RowError]:
    """Every problem of a standard described as data (the fixture's shape), with its row."""
    errors = _header_errors(data)
    element_codes: set[str] = set()
    item_codes: dict[str, dict] = {}
    for element in data.get("elements", []):
        errors += _element_errors(element, element_codes, item_codes)
    for orphan in data.get("orphans", []):
        errors.append(
            _err(orphan, _("Element code"), _("No element has the code “%(code)s”.") % {"code": orphan["element"]})
        )
    return errors + _totals_errors(data)


def _standard_new(data: dict, user) -> Standard:
    """The standard's own row, checked and saved."""
    thresholds = data.get("thresholds", engine.DEFAULT_THRESHOLDS)
    standard = Standard(
        name=data["name"],
        version=data["version"],
        industry=data.get("industry") or "",
        full_points=Decimal(str(data["full_points"])),
        threshold_1=Decimal(str(thresholds[0])),
        threshold_2=Decimal(str(thresholds[1])),
        threshold_3=Decimal(str(thresholds[2])),
        element_min_share=(Decimal(str(data["element_min_share"])) if data.get("element_min_share") else None),
    )
    standard.full_clean()
    if user is not None:
        standard._history_user = user
    standard.save()
    return standard


def _scoring_item(standard: Standard, b_item: BItem, item: dict, order: int) -> ScoringItem:
    return ScoringItem(
        standard=standard,
        b_item=b_item,
        code=item["code"],
        requirement=item["requirement"],
        points=Decimal(str(item["points"])),
        method=item["method"],
        is_veto=bool(item.get("veto")),
        group=item.get("group") or ReviewGroup.BASIC,
        indicator_key=item.get("indicator") or "",
        auto_rule=item.get("auto_rule") or "",
        order=order,
    )


def _elements_create(standard: Standard, elements: list[dict]) -> None:
    """The elements and B-items, one by one, and every scoring item at once (numbered in order)."""
    items: list[ScoringItem] = []
    for e_order, element_data in enumerate(elements):
        element = Element.objects.create(
            standard=standard,
            code=element_data["code"],
            name=element_data["name"],
            points=Decimal(str(element_data["points"])),
            order=e_order,
        )
        for b_order, b_data in enumerate(element_data["b_items"]):
            b_item = BItem.objects.create(element=element, code=b_data["code"], name=b_data["name"], order=b_order)
            for item in b_data["items"]:
                items.append(_scoring_item(standard, b_item, item, len(items) + 1))
    ScoringItem.objects.bulk_create(items)


@transaction.atomic
def standard_create(*, data: dict, user=None) -> Standard:
    """Create a standard from data; any problem raises ApplicationError and saves nothing."""
    errors = standard_validate(data)
    if not errors and Standard.objects.filter(name=data["name"], version=data["version"]).exists():
        errors.append(
            _err(
                data,
                _("Version"),
                _("“%(name)s” version %(version)s already exists; give the import a new version.")
                % {"name": data["name"], "version": data["version"]},
                key="version",
            )
        )
    if errors:
        raise_row_errors(errors)
    standard = _standard_new(data, user)
    _elements_create(standard, data["elements"])
    return standard


def standard_as_data(standard: Standard) -> dict:
    """The data shape of a standard (the inverse of standard_create)."""
    elements = []
    b_items: dict[int, dict] = {}
    element_nodes: dict[int, dict] = {}
    for element in standard.elements.all():
        node = {"code": element.code, "name": element.name, "points": element.points, "b_items": []}
        element_nodes[element.pk] = node
        elements.append(node)
    for b_item in BItem.objects.filter(element__standard=standard).order_by("element__order", "order"):
        node = {"code": b_item.code, "name": b_item.name, "items": []}
        b_items[b_item.pk] = node
        element_nodes[b_item.element_id]["b_items"].append(node)
    for item in standard.items.order_by("order"):
        b_items[item.b_item_id]["items"].append(
            {
                "code": item.code,
                "requirement": item.requirement,
                "points": item.points,
                "method": item.method,
                "veto": item.is_veto,
                "group": item.group,
                "indicator": item.indicator_key or None,
                "auto_rule": item.auto_rule,
            }
        )
    return {
        "name": standard.name,
        "version": standard.version,
        "industry": standard.industry,
        "full_points": standard.full_points,
        "thresholds": list(standard.thresholds),
        "element_min_share": standard.element_min_share,
        "elements": elements,
    }


def builtin_standard_data() -> dict:
    path = Path(settings.BASE_DIR) / BUILTIN_STANDARD
    return json.loads(path.read_text("utf-8"))


def builtin_standard_load() -> Standard:
    """The built-in standard, loaded once: a second call returns the same row."""
    data = builtin_standard_data()
    existing = Standard.objects.filter(name=data["name"], version=data["version"]).first()
    return existing or standard_create(data=data)


@transaction.atomic
def standard_set_active(*, standard: Standard, active: bool, user) -> Standard:
    if not active and not Standard.objects.filter(is_active=True).exclude(pk=standard.pk).exists():
        raise ApplicationError(_("Keep at least one standard active."))
    standard.is_active = active
    standard._history_user = user
    standard.save(update_fields=["is_active", "updated_at"])
    return standard
