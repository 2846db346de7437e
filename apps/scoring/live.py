"""Evidence indicators for pages that show them often (the dashboard), cached per provider.

Each provider's indicators are kept for a short time under a version token of that provider.
Saving or deleting any record of the provider's app replaces its token, so the next page computes
fresh figures; records of apps every provider reads (the organisation, tasks) replace every
token. Writes that bypass signals (bulk loads) are bounded by the timeout. Every entry remembers
when it was computed, and pages show the oldest such time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from apps.scoring import registry

# Apps whose records any provider may read: a change there refreshes every provider.
SHARED_APPS = frozenset({"org", "workflow", "auth"})
# Noisy or unrelated apps whose saves never change an indicator.
IGNORED_APPS = frozenset({"sessions", "admin", "contenttypes", "core", "authtoken", "guardian"})
ALL = "*"


def timeout() -> int:
    return getattr(settings, "EVIDENCE_CACHE_SECONDS", 300)


def _version_key(name: str) -> str:
    return f"evidence:version:{name}"


@dataclass(frozen=True)
class Live:
    indicators: dict[str, registry.Indicator]
    computed_at: dt.datetime  # the oldest figure on the page was computed then


def _versions(names: list[str]) -> dict[str, str]:
    keys = [_version_key(n) for n in names] + [_version_key(ALL)]
    found = cache.get_many(keys)
    missing = {k: uuid.uuid4().hex for k in keys if k not in found}
    if missing:
        # A missing token (first use, eviction, a cache restart) is a new token: an entry
        # computed under an earlier token can never be served again.
        cache.set_many(missing, None)
        found.update(missing)
    shared = found[_version_key(ALL)]
    return {n: f"{found[_version_key(n)]}.{shared}" for n in names}


def indicators(as_of: dt.date) -> Live:
    """Every registered indicator as of a date, from the cache where it is current."""
    names = registry.provider_names()
    versions = _versions(names)
    keys = {n: _key("data", n, as_of.isoformat(), versions[n]) for n in names}
    cached = cache.get_many(list(keys.values()))
    result: dict[str, registry.Indicator] = {}
    oldest = timezone.now()
    fresh = {}
    for name in names:
        entry = cached.get(keys[name])
        if entry is None:
            computed_at = timezone.now()
            entry = (computed_at, registry.indicators_of(name, as_of))
            fresh[keys[name]] = entry
        computed_at, found = entry
        oldest = min(oldest, computed_at)
        for indicator in found:
            result[indicator.key] = indicator
    if fresh:
        cache.set_many(fresh, timeout())
    return Live(result, oldest)


def _key(*parts: str) -> str:
    """A short cache key for any number of parts (memcached-safe length)."""
    return "evidence:" + hashlib.sha256(":".join(parts).encode()).hexdigest()


def invalidate(app_label: str | None = None) -> None:
    """Forget the figures of one provider, or of every provider."""
    cache.set(_version_key(app_label or ALL), uuid.uuid4().hex, None)


def on_change(sender, **kwargs) -> None:
    """post_save / post_delete / m2m_changed receiver for every model."""
    label = sender._meta.app_label
    if label in IGNORED_APPS:
        return
    if label in SHARED_APPS:
        invalidate()
    elif label in registry.provider_names():
        invalidate(label)


def memo(key: str, *, apps: tuple[str, ...], compute):
    """A figure computed from the records of some apps, cached like the indicators: returns
    (value, computed_at). `key` names everything else the figure depends on."""
    versions = _versions(list(apps))
    full_key = _key("memo", key, *(versions[a] for a in apps))
    entry = cache.get(full_key)
    if entry is None:
        entry = (timezone.now(), compute())
        cache.set(full_key, entry, timeout())
    computed_at, value = entry
    return value, computed_at
