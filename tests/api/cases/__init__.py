"""Every operation of the API schema, by operationId (one module per app).

A new API operation needs an entry here (tests/api/test_matrix.py fails naming it): in the
module of its app, `Case(record, payload)` where `record(world)` makes the record in department A
that the path's {id} points to and `payload(world, record)` gives a valid body for a write;
`crud(prefix, record, "list retrieve create ...")` writes the usual entries of one viewset."""

from tests.api.cases import (
    accidents,
    assessment,
    core,
    emergency,
    equipment,
    hazards,
    major_hazards,
    org,
    responsibility,
    training,
    workflow,
)

MODULES = (
    accidents,
    assessment,
    core,
    emergency,
    equipment,
    hazards,
    major_hazards,
    org,
    responsibility,
    training,
    workflow,
)
CASES = {op: case for module in MODULES for op, case in module.CASES.items()}
# An operation named in two modules would silently keep only the last entry.
assert len(CASES) == sum(len(module.CASES) for module in MODULES), "an operation is listed twice"
