"""What several training viewsets share."""

from __future__ import annotations


def _everyone(access) -> bool:
    """Anyone signed in reads: the viewset's selector keeps to the rows theirs to see."""
    return True
