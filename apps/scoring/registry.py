"""The evidence-provider registry: apps tell the scoring engine what they measure.

Each domain app registers a provider in its AppConfig.ready(). A provider takes a date and
returns Indicators for its element(s); it may also register a `records` function that lists
the records behind an indicator (for the evidence binder). The registry never imports an app.
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


def rate(key: str, label: str, value, element: int, url: str = "", *, verdict: bool = True) -> Indicator:
    """A percentage with a target of 100: met only at 100, no verdict without a value (nothing to
    measure), nor where `verdict` is False (a figure shown for what it is)."""
    ok = None if value is None or not verdict else value >= 100
    return Indicator(key, label, value, element, 100, "%", ok, url)


def nought(key: str, label: str, value, element: int, url: str = "") -> Indicator:
    """A count that should be nought; no verdict without a value."""
    return Indicator(key, label, value, element, 0, "", None if value is None else value == 0, url)


@dataclass(frozen=True)
class EvidenceRecord:
    """One record behind an indicator: what it is, where to see it, and its date (a deadline,
    an expiry, a due date) if it has one."""

    label: str
    url: str = ""
    date: dt.date | None = None


Provider = Callable[[dt.date], Iterable[Indicator]]
# (indicator key, as_of) -> the records behind that indicator; an unknown key gives none.
Records = Callable[[str, dt.date], Iterable[EvidenceRecord]]

_providers: dict[str, Provider] = {}
_reads: dict[str, tuple[str, ...]] = {}
_records: dict[str, Records] = {}


def register(name: str, provider: Provider, *, reads: tuple[str, ...] = (), records: Records | None = None) -> None:
    """`name` is the app label; `reads` names other apps whose records the provider reads
    (besides the organisation), so that cached figures follow changes there too; `records`
    lists the records behind one of the app's indicators."""
    _providers[name] = provider
    _reads[name] = tuple(reads)
    if records is None:
        _records.pop(name, None)
    else:
        _records[name] = records


def unregister(name: str) -> None:
    _providers.pop(name, None)
    _reads.pop(name, None)
    _records.pop(name, None)


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


def records_of(key: str, as_of: dt.date) -> list[EvidenceRecord]:
    """The records behind the indicator `key` ("<app>.<name>") as of a date. An app without a
    records function, or a key it does not list, gives none; a failing app is logged and gives
    none."""
    records = _records.get(key.partition(".")[0])
    if records is None:
        return []
    try:
        return list(records(key, as_of))
    except Exception:  # noqa: BLE001
        logger.exception("Evidence records of %s failed", key)
        return []
