"""The shape of one entry of the API matrix: how to reach an operation and what to send."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# (world) -> the record in department A that the path's {id} points to
Builder = Callable[[Any], Any]
# (world, record) -> a dict (the request body, the path's other ids, the query)
Maker = Callable[[Any, Any], dict]


@dataclass(frozen=True)
class Case:
    record: Builder | None = None
    payload: Maker | None = None
    multipart: bool = False
    path_kwargs: Maker | None = None  # ids in the path besides {id} (e.g. member_id)
    query: dict = field(default_factory=dict)
    public: bool = False  # open to everyone (the token endpoint): no policy applies
    # Personas the service refuses although the view's policy lets them try, because the policy
    # cannot see before the payload is read what decides (the parent record's department, the
    # meeting's level, splitting a target rather than recording its result): persona -> status.
    refused: dict = field(default_factory=dict)

    def body(self, world, record) -> dict:
        return self.payload(world, record) if self.payload else {}


def crud(prefix: str, record: Builder | None, ops: str, *, create=None, update=None, create_refused=None, **kw):
    """The standard entries of one viewset: `ops` names which of list, retrieve, create,
    update, partial_update, destroy the schema has (each named operation gets an entry); the
    record is made for every one but create."""
    payloads = {"create": create, "update": update, "partial_update": update}
    return {
        # A create makes its own record: the payload does not repeat an existing one.
        f"{prefix}_{op}": Case(
            record=None if op == "create" else record,
            payload=payloads.get(op),
            refused=(create_refused or {}) if op == "create" else {},
            **kw,
        )
        for op in ops.split()
    }
