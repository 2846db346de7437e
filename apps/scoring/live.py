"""Evidence indicators for pages that show them often (the dashboard), cached per provider.

Every app has a version token. Saving or deleting any record of an app replaces its token; a
change to the organisation replaces every token. A provider's figures are kept for a short time
under the tokens of its own app and of the apps it reads (declared when it registers), so the
next page after a change computes fresh figures for the providers concerned and reuses the rest.
Writes that bypass signals (bulk loads) are bounded by the timeout. Every entry remembers when it
was computed, and pages show the oldest such time.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation

from apps.scoring import registry

# Apps whose records any figure may depend on: a change there refreshes everything.
SHARED_APPS = frozenset({"org", "auth"})
# Noisy or unrelated apps whose saves never change an indicator.
IGNORED_APPS = frozenset({"sessions", "admin", "contenttypes", "core", "authtoken", "guardian"})
# Models whose records no figure counts (notifications are written by reminders all day).
IGNORED_MODELS = frozenset({("workflow", "notification")})
ALL = "*"
# While a provider computes, the oldest cached figure it reused (see memo), so its entry is
# stamped with that time rather than "now".
_oldest_used: contextvars.ContextVar[list | None] = contextvars.ContextVar("oldest", default=None)


def timeout() -> int:
    return getattr(settings, "EVIDENCE_CACHE_SECONDS", 300)


def _version_key(name: str) -> str:
    return f"evidence:version:{name}"


@dataclass(frozen=True)
class Live:
    indicators: dict[str, registry.Indicator]
    computed_at: dt.datetime  # the oldest figure on the page was computed then


def _tokens(labels: set[str]) -> dict[str, str]:
    keys = {label: _version_key(label) for label in labels | {ALL}}
    found = cache.get_many(list(keys.values()))
    missing = {k: uuid.uuid4().hex for k in keys.values() if k not in found}
    if missing:
        # A missing token (first use, eviction, a cache restart) is a new token: an entry
        # computed under an earlier token can never be served again.
        cache.set_many(missing, None)
        found.update(missing)
    return {label: found[key] for label, key in keys.items()}


def _versions(groups: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """One version per named group of app labels (one cache round trip for all)."""
    tokens = _tokens({label for labels in groups.values() for label in labels})
    return {name: ".".join([tokens[ALL], *(tokens[label] for label in labels)]) for name, labels in groups.items()}


def indicators(as_of: dt.date) -> Live:
    """Every registered indicator as of a date, from the cache where it is current."""
    names = registry.provider_names()
    versions = _versions({n: (n, *registry.reads(n)) for n in names})
    # Labels are text in the language of whoever computed them: one entry per language.
    language = translation.get_language() or settings.LANGUAGE_CODE
    keys = {n: _key("data", n, as_of.isoformat(), versions[n], language) for n in names}
    cached = cache.get_many(list(keys.values()))
    result: dict[str, registry.Indicator] = {}
    oldest = timezone.now()
    fresh = {}
    for name in names:
        entry = cached.get(keys[name])
        if entry is None:
            used: list = [timezone.now()]
            token = _oldest_used.set(used)
            try:
                found = registry.indicators_of(name, as_of)
            finally:
                _oldest_used.reset(token)
            entry = (min(used), found)
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
    """Forget the figures of one app (every figure for None), now and again when the current
    transaction commits: a page computed between the change and the commit read the old
    records, and must not be served afterwards."""
    key = _version_key(app_label or ALL)
    cache.set(key, uuid.uuid4().hex, None)
    transaction.on_commit(lambda: cache.set(key, uuid.uuid4().hex, None))


def on_change(sender, **kwargs) -> None:
    """post_save / post_delete / m2m_changed receiver for every model."""
    meta = sender._meta
    label = meta.app_label
    if label in IGNORED_APPS or (label, meta.model_name) in IGNORED_MODELS:
        return
    if kwargs.get("update_fields") == frozenset({"last_login"}):
        return  # signing in changes no figure
    invalidate(None if label in SHARED_APPS else label)


def memo(key: str, *, apps: tuple[str, ...], compute):
    """A figure computed from the records of some apps, cached like the indicators: returns
    (value, computed_at). `key` names everything else the figure depends on."""
    version = _versions({"memo": tuple(apps)})["memo"]
    full_key = _key("memo", key, version, translation.get_language() or settings.LANGUAGE_CODE)
    entry = cache.get(full_key)
    if entry is None:
        entry = (timezone.now(), compute())
        cache.set(full_key, entry, timeout())
    computed_at, value = entry
    if (used := _oldest_used.get()) is not None:
        used.append(computed_at)
    return value, computed_at
