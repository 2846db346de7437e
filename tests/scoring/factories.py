from __future__ import annotations

from apps.scoring import registry
from apps.scoring.services import standard_create


def standard_data(n_items: int, *, name: str = "测试标准", version: str = "1", veto: bool = False) -> dict:
    """A valid standard of n items (10 points each) in 4 elements, in the fixture's shape."""
    elements = []
    per_element = [n_items // 4 + (1 if i < n_items % 4 else 0) for i in range(4)]
    groups = ["basic", "mechanical", "electrical", "environment"]
    for e, count in enumerate(per_element, start=1):
        items = [
            {
                "code": f"{e}.1.{i}",
                "requirement": f"要求 {e}.{i}",
                "points": 10,
                "method": "缺一项扣 1 分",
                "veto": veto and e == 1 and i == 1,
                "group": groups[e - 1],
                "indicator": None,
                "auto_rule": "",
            }
            for i in range(1, count + 1)
        ]
        elements.append(
            {
                "code": f"A{e}",
                "name": f"要素{e}",
                "points": 10 * count,
                "b_items": [{"code": f"B{e}.1", "name": f"B项{e}", "items": items}],
            }
        )
    return {
        "name": name,
        "version": version,
        "industry": "测试",
        "full_points": 10 * n_items,
        "thresholds": [90, 75, 60],
        "element_min_share": None,
        "elements": elements,
    }


def make_standard(n_items: int, **kwargs):
    return standard_create(data=standard_data(n_items, **kwargs))


class FakeProvider:
    """An evidence provider giving fixed values; in a keyword "__" stands for the key's "."
    (fake__rate=75 gives fake.rate), or pass the keys themselves: **{"fake.rate": 75}."""

    def __init__(self, **values):
        self.values = values

    def __call__(self, as_of):
        return [
            registry.Indicator(key=k.replace("__", "."), label=k, value=v, element=12) for k, v in self.values.items()
        ]
