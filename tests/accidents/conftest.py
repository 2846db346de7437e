"""The clock the accident tests run at."""

import datetime as dt

import pytest
import time_machine

NOW = dt.datetime(2026, 11, 20, 12, 0)


@pytest.fixture
def frozen():
    """Time stands still at NOW: a module says `pytestmark = pytest.mark.usefixtures("frozen")`."""
    with time_machine.travel(NOW, tick=False):
        yield
