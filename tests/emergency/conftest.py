import datetime as dt

import pytest
import time_machine


@pytest.fixture
def frozen_today():
    """The clock stopped at 9:00 on Monday 2 March 2026: a module says
    `pytestmark = pytest.mark.usefixtures("frozen_today")`."""
    with time_machine.travel(dt.datetime(2026, 3, 2, 9), tick=False):
        yield
