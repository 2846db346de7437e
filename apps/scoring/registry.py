"""The evidence-provider registry: apps tell the scoring engine what they measure.

Each domain app registers a provider in its AppConfig.ready(). A provider takes a date and
returns Indicators for its element(s). The registry never imports an app.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Indicator:
    key: str  # "<app>.<name>", e.g. "training.annual_hours_compliance"
    label: str
    value: Any  # a number, a percentage, a bool; None when there is no data
    element: int  # 1-13
    target: Any = None
    unit: str = ""
    ok: bool | None = None
    url: str = ""  # the records behind the figure


Provider = Callable[[dt.date], Iterable[Indicator]]

_providers: dict[str, Provider] = {}
_reads: dict[str, tuple[str, ...]] = {}


def register(name: str, provider: Provider, *, reads: tuple[str, ...] = ()) -> None:
    """`name` is the app label; `reads` names other apps whose records the provider reads
    (besides the organisation), so that cached figures follow changes there too."""
    _providers[name] = provider
    _reads[name] = tuple(reads)


def unregister(name: str) -> None:
    _providers.pop(name, None)
    _reads.pop(name, None)


def reads(name: str) -> tuple[str, ...]:
    return _reads.get(name, ())


def provider_names() -> list[str]:
    return sorted(_providers)


def indicators_of(name: str, as_of: dt.date) -> list[Indicator]:
    """One provider's indicators; a failing provider is logged and gives none."""
    provider = _providers.get(name)
    if provider is None:
        return []
    try:
        return list(provider(as_of))
    except Exception:  # noqa: BLE001
        logger.exception("Evidence provider %s failed", name)
        return []


def indicators(as_of: dt.date) -> dict[str, Indicator]:
    """Every registered indicator as of a date. A failing provider is logged and skipped,
    so one broken app cannot stop an assessment."""
    result: dict[str, Indicator] = {}
    for name in list(_providers):
        for indicator in indicators_of(name, as_of):
            result[indicator.key] = indicator
    return result
