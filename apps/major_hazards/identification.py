"""Identification and grading of major hazard sources, GB 18218-2018 (危险化学品重大危险源辨识).

Pure: importing it loads no Django (no ORM, no settings, no translation machinery). An input the
standard cannot grade raises `Refused`, a ValueError whose English text is its str() and whose
msgid and parameters the caller translates (`services.unit_identify`). The tables are read
once from the CSV files in fixtures/major_hazards/ (the checked conversions of the standard, see
docs/sources.md).

- §4.1.2: S = Σ qᵢ/Qᵢ; the unit is a major hazard source when S ≥ 1. A substance named in
  表1 uses its 表1 critical quantity Q; a substance only classified uses the 表2 quantity of its
  hazard category, and with several categories the smallest quantity.
- §4.3: R = α · Σ βᵢ·qᵢ/Qᵢ. β from 表3 for the named toxic gases, otherwise from 表4 by the
  category; α from 表5 by the people within 500 m of the plant boundary. A substance named in 表1
  that is not a 表3 gas has no β of its own, so its hazard categories must be given (汽油 W5.1,
  天然气 W2 …): it is refused without them rather than graded with a silent β = 1.
- Several categories of one chemical (the standard is silent on β here): Q is the smallest Q of
  its categories (§4.1.2), β the largest β of its categories (the usual practice, and the side
  of safety), which need not be the category that gave Q.
- 表6: 一级 R ≥ 100; 二级 50 ≤ R < 100; 三级 10 ≤ R < 50; 四级 R < 10.

Every comparison is made on exact fractions, so a boundary (S = 1, R = 100) is never lost to
rounding; the figures returned are Decimals for display and storage.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "major_hazards"


@dataclass(frozen=True)
class Substance:
    seq: int | None  # the row of 表1; None for a 表3 gas not named in 表1 (一氧化碳)
    name: str
    aliases: tuple[str, ...]
    cas: tuple[str, ...]
    critical_quantity: Decimal | None
    beta: Decimal | None  # 表3, for the named toxic gases only


@dataclass(frozen=True)
class Category:
    code: str
    name: str
    description: str
    critical_quantity: Decimal
    beta: Decimal


@dataclass(frozen=True)
class Tables:
    substances: tuple[Substance, ...]
    categories: dict[str, Category]
    lookup: dict[str, Substance]  # normalised name, alias or CAS number → substance
    alpha: tuple[tuple[int, int | None, Decimal], ...]  # (min, max or None, α)
    levels: tuple[tuple[int, Fraction | None, Fraction | None], ...]  # (level, min incl., max excl.)


def gettext_noop(message: str) -> str:
    """Marks a msgid for the catalogue, as Django's gettext_noop does, without importing Django."""
    return message


class Refused(ValueError):
    """An input the standard cannot grade: `message` is the msgid, `params` its placeholders."""

    def __init__(self, message: str, **params):
        self.message, self.params = message, params
        super().__init__(message % params)


def normalise(text: str) -> str:
    return (text.strip().replace("（", "(").replace("）", ")").replace("，", ",").replace(" ", "")).casefold()


def _read(name: str) -> list[dict]:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _names(name: str) -> list[str]:
    """Extra keys a person types: "甲烷,天然气" is two names (but "1,3-丁二烯" is one),
    "液化石油气(含丙烷、丁烷及其混合物)" is found as 液化石油气, 丙烷 and 丁烷, and
    "汽油(乙醇汽油、甲醇汽油)" as 汽油, 乙醇汽油 and 甲醇汽油. A parenthesis without 、 is a
    condition (含量>90%), not names, and gives nothing."""
    keys = [part for part in re.split(r"(?<=\D),", name) if part] if "," in name else []
    normal = normalise(name)
    stripped = re.sub(r"\(.*?\)", "", normal)
    if stripped and stripped != normal:
        keys.append(stripped)
    for inside in re.findall(r"\(([^()]*)\)", normal):
        if "、" not in inside:
            continue
        inside = re.sub(r"^含", "", inside)
        inside = re.sub(r"及其(混合物|溶液)$", "", inside)
        keys.extend(part for part in inside.split("、") if part)
    return keys


def _betas() -> tuple[dict[str, tuple[str, Decimal]], dict[str, Decimal]]:
    """表3 β by CAS number (or name) → (name, β) for the named toxic gases; 表4 β by category."""
    substances: dict[str, tuple[str, Decimal]] = {}
    categories: dict[str, Decimal] = {}
    for row in _read("gb18218_2018_beta.csv"):
        if row["kind"] == "substance":
            substances[row["cas"] or row["key"]] = (row["key"], Decimal(row["beta"]))
        else:
            categories[row["key"]] = Decimal(row["beta"])
    return substances, categories


def _substances(beta_substances: dict[str, tuple[str, Decimal]]) -> list[Substance]:
    """表1 with the β of 表3 where it names the gas, then the 表3 gases 表1 does not name."""
    substances: list[Substance] = []
    used_beta: set[str] = set()
    for row in _read("gb18218_2018_table1_substances.csv"):
        cas = tuple(c for c in row["cas"].split(";") if c)
        aliases = tuple(a for a in row["aliases_zh"].split(";") if a)
        beta = None
        for key in (*cas, row["name_zh"]):
            if key in beta_substances:
                beta = beta_substances[key][1]
                used_beta.add(key)
                break
        substances.append(
            Substance(int(row["seq"]), row["name_zh"], aliases, cas, Decimal(row["critical_quantity_t"]), beta)
        )
    for key, (name, beta) in beta_substances.items():
        if key not in used_beta:  # 一氧化碳: a 表3 gas whose Q comes from its categories
            cas = (key,) if key != name else ()
            substances.append(Substance(None, name, (), cas, None, beta))
    return substances


def _lookup(substances: list[Substance]) -> dict[str, Substance]:
    lookup: dict[str, Substance] = {}
    for substance in substances:
        for key in (substance.name, *substance.aliases, *substance.cas):
            lookup.setdefault(normalise(key), substance)
    for substance in substances:  # derived keys never shadow a name the standard gives
        for key in _names(substance.name):
            lookup.setdefault(normalise(key), substance)
    return lookup


def _categories(category_beta: dict[str, Decimal]) -> dict[str, Category]:
    return {
        row["code"]: Category(
            row["code"],
            row["category_zh"],
            row["description_zh"],
            Decimal(row["critical_quantity_t"]),
            category_beta[row["code"]],
        )
        for row in _read("gb18218_2018_table2_categories.csv")
    }


def _alpha() -> tuple[tuple[int, int | None, Decimal], ...]:
    return tuple(
        (int(row["min_people"]), int(row["max_people"]) if row["max_people"] else None, Decimal(row["alpha"]))
        for row in _read("gb18218_2018_alpha.csv")
    )


def _levels() -> tuple[tuple[int, Fraction | None, Fraction | None], ...]:
    level_numbers = {"一级": 1, "二级": 2, "三级": 3, "四级": 4}
    return tuple(
        (
            level_numbers[row["level_zh"]],
            Fraction(row["r_min_inclusive"]) if row["r_min_inclusive"] else None,
            Fraction(row["r_max_exclusive"]) if row["r_max_exclusive"] else None,
        )
        for row in _read("gb18218_2018_levels.csv")
    )


@cache
def tables() -> Tables:
    beta_substances, category_beta = _betas()
    substances = _substances(beta_substances)
    return Tables(tuple(substances), _categories(category_beta), _lookup(substances), _alpha(), _levels())


def find_substance(name: str) -> Substance | None:
    """A substance by its Chinese name, an alias or a CAS number; None when not named."""
    return tables().lookup.get(normalise(name))


def find_category(code: str) -> Category | None:
    return tables().categories.get(code.strip().upper())


def alpha_for(exposed_people: int) -> Decimal:
    """表5: α by the people possibly exposed (residents within 500 m of the boundary)."""
    if isinstance(exposed_people, bool) or not isinstance(exposed_people, int) or exposed_people < 0:
        raise Refused(gettext_noop("The number of people exposed is a whole number, 0 or more."))
    for low, high, alpha in tables().alpha:
        if exposed_people >= low and (high is None or exposed_people <= high):
            return alpha
    raise ValueError(f"No α for {exposed_people} people.")  # pragma: no cover - table is complete


def level_for(r: Fraction | Decimal) -> int:
    """表6: the level of a major hazard source from R."""
    r = Fraction(r)
    for level, low, high in tables().levels:
        if (low is None or r >= low) and (high is None or r < high):
            return level
    raise ValueError(f"No level for R = {r}.")  # pragma: no cover - table is complete


@dataclass(frozen=True)
class Entry:
    """One line of a unit's inventory: a substance (name, alias or CAS number) and/or hazard
    categories (codes of 表2), with the largest quantity present in tonnes."""

    substance: str = ""
    categories: tuple[str, ...] = ()
    tonnes: Decimal | int | float | str = 0
    label: str = ""


@dataclass(frozen=True)
class Line:
    label: str  # what the line is called on the report
    substance: str  # the 表1 name, or "" for a category-only chemical
    category: str  # the 表2 code whose Q or β is used, or ""
    q: Decimal  # tonnes present
    critical_quantity: Decimal  # Q
    q_source: str  # "table1" or "table2"
    beta: Decimal
    beta_source: str  # "table3" or "table4" ("default" in records made before β was required)
    ratio: Decimal  # q/Q
    weighted: Decimal  # β·q/Q


@dataclass(frozen=True)
class Result:
    s: Decimal
    is_major: bool
    alpha: Decimal
    r: Decimal | None
    level: int | None
    exposed_people: int
    lines: tuple[Line, ...] = field(default_factory=tuple)
    weighted_sum: Decimal = Decimal(0)  # Σ β·q/Q


def _decimal(value: Fraction) -> Decimal:
    """A fraction as a Decimal (28 significant digits); the decisions are made on the exact
    fraction before this, so 0.99999… never becomes a major hazard source."""
    return Decimal(value.numerator) / Decimal(value.denominator)


def _tonnes(value, name: str) -> Fraction:
    try:
        tonnes = Fraction(Decimal(str(value)))
    except (ArithmeticError, ValueError, TypeError) as exc:
        raise Refused(gettext_noop("%(name)s: not a quantity in tonnes: %(value)s"), name=name, value=value) from exc
    if tonnes < 0:
        raise Refused(gettext_noop("%(name)s: a quantity cannot be negative: %(value)s"), name=name, value=value)
    return tonnes


def _entries(quantities) -> list[Entry]:
    if isinstance(quantities, Mapping):
        quantities = quantities.items()
    entries = []
    for item in quantities:
        if isinstance(item, Entry):
            entries.append(item)
            continue
        key, tonnes = item
        if isinstance(key, tuple | list):  # several categories of one chemical
            entries.append(Entry(categories=tuple(key), tonnes=tonnes))
        elif find_category(key) is not None:
            entries.append(Entry(categories=(key,), tonnes=tonnes))
        else:
            entries.append(Entry(substance=key, tonnes=tonnes))
    return entries


def _line(entry: Entry) -> tuple[Line, Fraction, Fraction]:
    substance = find_substance(entry.substance) if entry.substance else None
    if entry.substance and substance is None:
        raise Refused(
            gettext_noop("Not a substance of GB 18218-2018 table 1 or table 3: %(name)s"), name=entry.substance
        )
    categories = []
    for code in entry.categories:
        category = find_category(code)
        if category is None:
            raise Refused(gettext_noop("Not a hazard category of GB 18218-2018 table 2: %(code)s"), code=code)
        categories.append(category)
    # With several categories the smallest Q decides (§4.1.2); β is the largest of them.
    chosen = min(categories, key=lambda c: (c.critical_quantity, -c.beta), default=None)
    name = entry.substance or entry.label or "?"
    if substance is not None and substance.critical_quantity is not None:
        critical, q_source = substance.critical_quantity, "table1"
    elif chosen is not None:
        critical, q_source = chosen.critical_quantity, "table2"
    else:
        raise Refused(
            gettext_noop("%(name)s is not named in table 1: give its hazard categories (table 2)."), name=name
        )
    if substance is not None and substance.beta is not None:
        beta, beta_source = substance.beta, "table3"
    elif categories:
        beta, beta_source = max(c.beta for c in categories), "table4"
    else:  # a 表1 substance that is not a 表3 gas: its β is its category's, never guessed
        raise Refused(
            gettext_noop("%(name)s is not a toxic gas of table 3: give its hazard categories (table 2) for β."),
            name=name,
        )
    q = _tonnes(entry.tonnes, name)
    ratio = q / Fraction(critical)
    weighted = Fraction(beta) * ratio
    label = entry.label or (substance.name if substance else "、".join(c.code for c in categories))
    line = Line(
        label=label,
        substance=substance.name if substance else "",
        category=chosen.code if chosen else "",
        q=Decimal(str(entry.tonnes)),
        critical_quantity=critical,
        q_source=q_source,
        beta=beta,
        beta_source=beta_source,
        ratio=_decimal(ratio),
        weighted=_decimal(weighted),
    )
    return line, ratio, weighted


def identify(quantities, *, exposed_people: int) -> Result:
    """Identify and grade one unit.

    `quantities` maps a substance (Chinese name or alias as in GB 18218, or a CAS number), a
    category code ("J1", "W5.1", …) or a tuple of category codes to tonnes; it may also be an
    iterable of (key, tonnes) pairs or of `Entry` objects (a free-named chemical with its
    categories, or a named substance with categories for its β). Unknown names, a 表1 substance
    that is not a 表3 gas given without categories, and people exposed that are not a whole
    number ≥ 0 raise `Refused` (a ValueError).
    """
    alpha = alpha_for(exposed_people)
    lines: list[Line] = []
    s = weighted_sum = Fraction(0)
    for entry in _entries(quantities):
        line, ratio, weighted = _line(entry)
        lines.append(line)
        s += ratio
        weighted_sum += weighted
    is_major = s >= 1
    r = Fraction(alpha) * weighted_sum if is_major else None
    return Result(
        s=_decimal(s),
        is_major=is_major,
        alpha=alpha,
        r=_decimal(r) if r is not None else None,
        level=level_for(r) if r is not None else None,
        exposed_people=exposed_people,
        lines=tuple(lines),
        weighted_sum=_decimal(weighted_sum),
    )
