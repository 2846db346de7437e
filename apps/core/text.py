"""Text stored once and rendered in the reader's language.

A stored text is a message id and its parameters, kept as JSON:
``{"msgid": "Hazard %(code)s is overdue", "params": {...}}`` (with ``"context"`` for pgettext).
It is made with `stored(gettext_noop("..."), code=..., level=Label(Grade, value),
person=Person(user))` and shown with `render(value)`: ``gettext(msgid) % params`` in the active
language, a `Label` parameter through its choices' label, a `Person` by their current name.
Anything else that was stored (a plain string, what a person typed, text stored before this
existed) renders as itself.

`StoredTextField` keeps one in a text column (the JSON, or the plain string) and gives back a
`StoredText`: a lazy string that renders itself wherever it is used as text (templates, API
serializers, exports, ``str()``), in the language active there.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import json
from decimal import Decimal

from django import forms
from django.apps import apps as django_apps
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import formats, timezone
from django.utils.functional import Promise, cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext, pgettext


class Label:
    """A choice stored by its value and shown by its label (resolved when rendered)."""

    def __init__(self, choices: type[models.Choices], value):
        self.path = f"{choices.__module__}.{choices.__qualname__}"
        self.value = value.value if isinstance(value, models.Choices) else value

    def encode(self) -> dict:
        return {"label": self.path, "value": self.value}


def person_name(obj) -> str:
    """A person's name as pages show it: an employee's name, a login's employee name, else the
    login's full name or username."""
    if obj is None:
        return ""
    name = getattr(obj, "name", None)
    if isinstance(name, str) and name:
        return name
    employee = getattr(obj, "employee", None) if hasattr(obj, "get_full_name") else None
    if employee is not None and getattr(employee, "name", ""):
        return employee.name
    if hasattr(obj, "get_full_name"):
        return obj.get_full_name() or obj.get_username()
    return str(obj)


class Person:
    """A person (a login or an employee) stored by reference and shown by their current name;
    the name at the time is kept for when the record is gone."""

    def __init__(self, obj):
        self.key = f"{obj._meta.label_lower}:{obj.pk}"
        self.name = person_name(obj)

    def encode(self) -> dict:
        return {"person": self.key, "name": self.name}


def _encode(value):
    """A parameter as JSON: plain values stay, the rest says how it is rendered."""
    if isinstance(value, StoredText):
        return value.raw
    if isinstance(value, Label | Person):
        return value.encode()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, Decimal):
        return str(value)
    # A model instance or anything else is kept as the text it is now.
    return str(value)


def stored(msgid: str, *, context: str | None = None, **params) -> StoredText:
    """A text to store: the message id (marked with gettext_noop) and its parameters."""
    raw: dict = {"msgid": str(msgid)}
    if context:
        raw["context"] = context
    if params:
        raw["params"] = {key: _encode(value) for key, value in params.items()}
    return StoredText(raw)


def _parse(value: str) -> dict | None:
    """The stored text a column holds, or None for a plain string."""
    if not (value.startswith('{"') and value.endswith("}")):
        return None
    try:
        parsed = json.loads(value)
    except ValueError:
        return None
    if isinstance(parsed, dict) and ("msgid" in parsed or "text" in parsed):
        return parsed
    return None


# While set (see `names_cached`), the names already looked up, by reference.
_names: contextvars.ContextVar[dict | None] = contextvars.ContextVar("text_names", default=None)


@contextlib.contextmanager
def names_cached():
    """Look each person up once while rendering many texts (e.g. one message for many
    recipients): a fixed number of queries however many texts name them."""
    token = _names.set({})
    try:
        yield
    finally:
        _names.reset(token)


def _person_keys(value, keys: set) -> None:
    if isinstance(value, StoredText):
        value = value.raw
    if isinstance(value, str):
        value = _parse(value)
    if isinstance(value, dict):
        if "person" in value:
            keys.add(value["person"])
        for item in (value.get("params") or {}).values():
            _person_keys(item, keys)
        if isinstance(value.get("text"), dict):
            _person_keys(value["text"], keys)
    elif isinstance(value, list):
        for item in value:
            _person_keys(item, keys)


def names_prefetch(texts) -> None:
    """Look up, in one query per kind of person, everyone these stored texts name (a page of
    notifications or history), for the texts rendered next while `names_cached` is on (every
    request is: see `core.middleware`)."""
    cache = _names.get()
    if cache is None:
        return
    keys: set = set()
    for text in texts:
        _person_keys(text, keys)
    by_label: dict[str, list] = {}
    for key in keys - set(cache):
        label, _colon, pk = key.rpartition(":")
        by_label.setdefault(label, []).append(pk)
    for label, pks in by_label.items():
        try:
            qs = _people(django_apps.get_model(label)).filter(pk__in=pks)
            found = {str(obj.pk): person_name(obj) for obj in qs}
        except (LookupError, ValueError):
            found = {}
        for pk in pks:
            if pk in found:
                cache[f"{label}:{pk}"] = found[pk]


def _people(model):
    qs = model._default_manager.all()
    if any(f.name == "employee" and f.one_to_one for f in model._meta.get_fields()):
        qs = qs.select_related("employee")  # a login's name is its employee's
    return qs


def _person(key: str, fallback: str) -> str:
    cache = _names.get()
    if cache is not None:
        if key not in cache:
            cache[key] = _person_lookup(key, fallback)
        return cache[key]
    return _person_lookup(key, fallback)


def _person_lookup(key: str, fallback: str) -> str:
    label, _colon, pk = key.rpartition(":")
    try:
        obj = _people(django_apps.get_model(label)).filter(pk=pk).first()
    except (LookupError, ValueError):
        obj = None
    return person_name(obj) if obj is not None else fallback


def _label(path: str, value) -> str:
    try:
        choices = import_string(path)
        return str(choices(value).label)
    except (ImportError, ValueError):
        return str(value)


def _param(value):
    """A stored parameter as it is put into the message."""
    if isinstance(value, dict):
        return _render_dict(value)
    if isinstance(value, list):
        return ", ".join(str(_param(v)) for v in value)
    return "" if value is None else value


def _render_dict(value: dict) -> str:
    if "msgid" in value:
        msgid = value["msgid"]
        context = value.get("context")
        message = pgettext(context, msgid) if context else gettext(msgid)
        params = {key: _param(v) for key, v in (value.get("params") or {}).items()}
        if not params:
            return message
        try:
            return message % params
        except (KeyError, TypeError, ValueError):
            # A translation that does not fit its parameters: the message as written, else the
            # bare message (a page never fails on a stored text).
            try:
                return msgid % params
            except (KeyError, TypeError, ValueError):
                return msgid
    if "text" in value:
        # Literal text (or a nested stored text): never read again as JSON.
        literal = value["text"]
        return literal if isinstance(literal, str) else render(literal)
    if "label" in value:
        return _label(value["label"], value.get("value"))
    if "person" in value:
        return _person(value["person"], value.get("name", ""))
    if "date" in value:
        return dt.date.fromisoformat(value["date"]).isoformat()
    if "datetime" in value:
        moment = dt.datetime.fromisoformat(value["datetime"])
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return formats.date_format(moment, "Y-m-d H:i")
    return json.dumps(value, ensure_ascii=False)


def render(value) -> str:
    """A stored text (or a legacy plain string) in the active language."""
    if isinstance(value, StoredText):
        value = value.raw
    if value is None:
        return ""
    if isinstance(value, str):
        parsed = _parse(value)
        return value if parsed is None else _render_dict(parsed)
    if isinstance(value, dict):
        return _render_dict(value)
    return str(value)


def dumps(value) -> str:
    """What a text column keeps: the JSON of a stored text, or the plain string (a string that
    would read as stored text is kept as a literal)."""
    if isinstance(value, StoredText):
        value = value.raw
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    value = "" if value is None else str(value)
    if _parse(value) is not None:
        return dumps({"text": value})
    return value


class StoredText(Promise):
    """A stored text that renders itself, in the active language, whenever it is used as text.
    Equal to a string when it reads the same in the active language."""

    __slots__ = ("raw",)

    def __init__(self, raw):
        self.raw = raw.raw if isinstance(raw, StoredText) else raw

    @classmethod
    def from_db(cls, value: str) -> StoredText:
        parsed = _parse(value)
        return cls(value if parsed is None else parsed)

    def __str__(self) -> str:
        return render(self.raw)

    def __repr__(self) -> str:
        return f"StoredText({self.raw!r})"

    def dumps(self) -> str:
        return dumps(self.raw)

    def __eq__(self, other) -> bool:
        if isinstance(other, StoredText):
            return self.raw == other.raw
        if isinstance(other, str | Promise):
            return str(self) == str(other)
        return NotImplemented

    def __lt__(self, other) -> bool:
        return str(self) < str(other)

    def __hash__(self) -> int:
        # As the string it reads as (it is equal to that string), so in the active language.
        return hash(str(self))

    def __bool__(self) -> bool:
        return bool(self.raw)

    def __len__(self) -> int:
        return len(str(self))

    def __getitem__(self, key):
        return str(self)[key]

    def __iter__(self):
        return iter(str(self))

    def __contains__(self, item) -> bool:
        return str(item) in str(self)

    def __add__(self, other) -> str:
        return str(self) + str(other)

    def __radd__(self, other) -> str:
        return str(other) + str(self)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __getattr__(self, name: str):
        # Any other string method (upper, startswith, split...) on the rendered text.
        # Only those: Django asks objects for e.g. `resolve_expression`, which text has not.
        if name.startswith("_") or not hasattr(str, name):
            raise AttributeError(name)
        return getattr(str(self), name)

    def __reduce__(self):
        return (StoredText, (self.raw,))


class ReadLengthValidator(MaxLengthValidator):
    """At most this many characters in a text a person typed. A text the code composed (a message
    id and its parameters) is not held to it: its length is the code's, not the person's."""

    def clean(self, x) -> int:
        raw = x.raw if isinstance(x, StoredText) else x
        return len(raw) if isinstance(raw, str) else 0


class StoredTextField(models.TextField):
    """A text column holding a stored text or a plain string; read back as a `StoredText`.
    With `max_length`, forms edit it on one line (the column itself is unbounded: the JSON of
    a stored text is longer than what it reads)."""

    def from_db_value(self, value, expression, connection):
        return None if value is None else StoredText.from_db(value)

    def to_python(self, value):
        if value is None or isinstance(value, StoredText):
            return value
        return StoredText(str(value))

    def get_prep_value(self, value):
        if value is None:
            return None
        return dumps(value)

    def value_to_string(self, obj) -> str:
        return dumps(self.value_from_object(obj))

    @cached_property
    def validators(self):
        """`max_length` bounds a typed text as a CharField's would; the column itself stays
        unbounded."""
        bound = [ReadLengthValidator(self.max_length)] if self.max_length else []
        return [*super().validators, *bound]

    def formfield(self, **kwargs):
        if self.max_length and not self.choices:
            kwargs = {"widget": forms.TextInput, **kwargs}
            return super(models.TextField, self).formfield(**{"max_length": self.max_length, **kwargs})
        return super().formfield(**kwargs)
