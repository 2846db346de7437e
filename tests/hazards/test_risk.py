"""LEC risk (docs/domain.md "Hazards": D > 320 extreme, 160–320 high, 70–160 considerable, 20–70
general, < 20 slight; each band starts at its lower figure; colours 红/橙/黄/蓝)."""

from decimal import Decimal as D

import pytest

from apps.hazards.risk import assess, band_for


@pytest.mark.parametrize(
    "d, band, colour",
    [
        (D("320.1"), "extreme", "red"),
        (D(320), "high", "orange"),
        (D(160), "high", "orange"),
        (D("159.9"), "considerable", "yellow"),
        (D(70), "considerable", "yellow"),
        (D("69.9"), "general", "blue"),
        (D(20), "general", "blue"),
        (D("19.9"), "slight", "blue"),
        (D("0.05"), "slight", "blue"),
    ],
)
def test_band_boundaries(d, band, colour):
    assert band_for(d) == (band, colour)


@pytest.mark.parametrize(
    "lv, e, c, d, band",
    [
        (10, 10, 100, D(10000), "extreme"),
        (6, 6, 15, D(540), "extreme"),
        (1, 6, 40, D(240), "high"),
        (3, 6, 7, D(126), "considerable"),
        (1, 10, 7, D(70), "considerable"),
        (0.5, 1, 40, D(20), "general"),
        (0.5, 6, 7, D(21), "general"),
        (1, 1, 15, D(15), "slight"),
        (0.1, 0.5, 1, D("0.05"), "slight"),
    ],
)
def test_d_is_l_times_e_times_c(lv, e, c, d, band):
    risk = assess(lv, e, c)
    assert (risk.d, risk.band) == (d, band)


@pytest.mark.parametrize(
    "lv, e, c, named", [(2, 1, 1, "L = 2"), (1, 4, 1, "E = 4"), (1, 1, 2, "C = 2"), (0, 1, 1, "L = 0")]
)
def test_values_off_the_scale_are_refused(lv, e, c, named):
    with pytest.raises(ValueError, match=f"^{named} is not on the LEC scale"):
        assess(lv, e, c)
