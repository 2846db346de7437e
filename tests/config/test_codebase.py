"""The codebase stays one a newcomer can hold: modules of a readable size, one format, comments
that point only at files in the repository, and the company's local date."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_MODULE_LINES = 400


def _python_files(*folders: str) -> list[Path]:
    return sorted(
        path for folder in folders for path in (ROOT / folder).rglob("*.py") if "migrations" not in path.parts
    )


def test_no_module_in_apps_is_over_400_lines():
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in _python_files("apps")
        if (lines := len(path.read_text("utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert too_long == {}


def test_nothing_opts_out_of_the_formatter():
    opted_out = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _python_files("apps", "config", "tests", "bench")
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if re.search(r"#\s*fmt:\s*(skip|off)", line)
    ]
    assert opted_out == []


# A file name in a comment or docstring: a Markdown file, or a path with a slash ending in a
# known extension.
CITED = re.compile(r"(?<![\w/.-])((?:[\w.-]+/)*[\w.-]+\.md)\b|((?:[\w.-]+/)+[\w.-]+\.(?:py|csv|json|html))\b")


def _cited_files(text: str) -> set[str]:
    return {m.group(1) or m.group(2) for m in CITED.finditer(text)}


def _exists(cited: str, near: Path) -> bool:
    cited = cited.lstrip("./")
    return any(
        (base / cited).exists() for base in (ROOT, ROOT / "docs", near.parent, ROOT / "templates", ROOT / "fixtures")
    )


def test_comments_cite_only_files_in_the_repository():
    missing = []
    for path in _python_files("apps", "config", "tests", "bench"):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if "#" not in line and '"""' not in line and not line.startswith(" " * 4):
                continue
            for cited in _cited_files(line):
                if "://" in line or cited.startswith(("http", "www")):
                    continue
                if not _exists(cited, path):
                    missing.append(f"{path.relative_to(ROOT)}:{number} cites {cited}")
    assert missing == []


@pytest.mark.parametrize("name", ["architecture.md", "domain.md", "sources.md"])
def test_the_docs_exist_and_their_links_resolve(name):
    text = (ROOT / "docs" / name).read_text("utf-8")
    links = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text)
    broken = [link for link in links if "://" not in link and not (ROOT / "docs" / link).exists()]
    assert broken == []


def test_the_company_date_is_the_local_date():
    """`date.today()` is the server's date; the company's day is `timezone.localdate()`."""
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _python_files("apps", "config", "tests", "bench")
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if re.search(r"\bdate\.today\(\)", line) and "test_codebase" not in path.name
    ]
    assert found == []
