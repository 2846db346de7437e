"""Every operation of the API schema, by operationId (one module per app)."""

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

CASES = {
    **accidents.CASES,
    **assessment.CASES,
    **core.CASES,
    **emergency.CASES,
    **equipment.CASES,
    **hazards.CASES,
    **major_hazards.CASES,
    **org.CASES,
    **responsibility.CASES,
    **training.CASES,
    **workflow.CASES,
}
