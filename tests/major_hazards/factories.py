from __future__ import annotations

from decimal import Decimal

from apps.major_hazards import services
from apps.major_hazards.models import InventoryItem, Substance, Unit


def substance(name: str) -> Substance:
    """A substance loaded by the data migration from the GB 18218 表1 CSV."""
    return Substance.objects.get(name=name)


def unit(world, *, code: str = "U-1", department=None, exposed_people: int = 0, **data) -> Unit:
    data = {
        "name": "液氨储罐区",
        "unit_kind": "storage",
        "location": "东区",
        "department": department or world.dept_a,
        "code": code,
        "exposed_people": exposed_people,
        **data,
    }
    return services.unit_save(data=data, user=world.safety_manager)


def item(world, unit: Unit, *, name: str | None = "氨", tonnes="12", **data) -> InventoryItem:
    data = {"substance": substance(name) if name else None, "max_quantity": Decimal(str(tonnes)), **data}
    return services.inventory_item_save(unit=unit, data=data, user=world.safety_manager)


def major_unit(world, **data) -> Unit:
    """A unit holding 12 t of 液氨: S = 1.2, a major hazard source."""
    u = unit(world, **data)
    item(world, u)
    return u
