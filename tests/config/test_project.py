"""Project-wide checks: deploy settings, the OpenAPI schema, offline docs, menu, language, demo."""

import io
import json
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from apps.org.models import Department, Employee
from apps.workflow.models import SignOff, Task

PROD_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.prod",
    "DJANGO_SECRET_KEY": "x7!k2@p9#m4$w8%q1^z6&n3*r5(t0)y-b+c=v_j{h}g[f]d;s:a'l<e>u",
    "DJANGO_ALLOWED_HOSTS": "anbiao.example.com",
    "DATABASE_URL": "postgres://anbiao@db:5432/anbiao",
    "REDIS_URL": "redis://redis:6379/0",
}


def _manage(*args, env=None):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={k: v for k, v in {**os.environ, **(env or {})}.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        capture_output=True,
        text=True,
    )


def test_check_deploy_passes_with_the_documented_environment():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PROD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_prod_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PROD_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env={k: v for k, v in {**os.environ, **env}.items() if k != "DJANGO_SECRET_KEY"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_the_openapi_schema_validates(tmp_path):
    result = _manage(
        "spectacular",
        "--validate",
        "--fail-on-warn",
        "--file",
        str(tmp_path / "s.yml"),
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    schema = (tmp_path / "s.yml").read_text()
    for path in ("/api/v1/tasks/{id}/sign-off/", "/api/v1/employees/", "/api/v1/signoffs/"):
        assert path in schema


def test_the_api_docs_load_nothing_from_outside(world, client_for):
    client = client_for("safety_manager")
    page = client.get("/api/docs/").content.decode()
    urls = re.findall(r"""(?:src|href)=["']([^"']+)["']""", page)
    assert urls, page
    assert all(not re.match(r"^(https?:)?//", u) for u in urls), urls
    for url in urls:
        if url.startswith("/static/"):
            assert client.get(url).status_code == 200, url


def test_no_page_links_outside(world, client_for):
    for url in ("/", "/tasks/", "/org/departments/", "/org/employees/"):
        html = client_for("safety_manager").get(url).content.decode()
        assert not re.search(r"""(?:src|href)=["'](https?:)?//""", html), url


@pytest.mark.parametrize("persona", ["safety_manager", "head_a", "employee_a", "leader", "outsider"])
def test_every_menu_link_opens(world, client_for, persona):
    client = client_for(persona)
    html = client.get("/").content.decode()
    menu = html[html.index('class="nav-menu') :]
    links = set(re.findall(r'href="(/[^"]*)"', menu))
    assert len(links) >= 17  # workspace pages and the 13 elements
    for link in links:
        assert client.get(link).status_code == 200, link


def test_elements_not_built_yet_say_so(world, client_for):
    page = client_for("employee_a").get("/coming-soon/8/").content.decode()
    assert "隐患排查和治理" in page
    assert 'data-testid="coming-soon"' in page
    assert client_for("employee_a").get("/coming-soon/99/").status_code == 404


def test_the_login_page_is_chinese_by_default_whatever_the_browser_says(db):
    page = Client().get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert page.status_code == 200
    html = page.content.decode()
    assert '<html lang="zh-hans">' in html
    assert "登录" in html


def test_the_language_switch_gives_english(db):
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    html = client.get("/accounts/login/").content.decode()
    assert '<html lang="en">' in html and "Log in" in html


def test_the_chinese_catalogue_is_complete():
    po = settings.BASE_DIR / "locale/zh_Hans/LC_MESSAGES/django.po"
    check = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(po)],
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "C", "LC_ALL": "C"},
    )
    assert check.returncode == 0, check.stderr
    # e.g. "412 translated messages." or "400 translated messages, 3 untranslated messages."
    assert re.fullmatch(r"\d+ translated messages\.", check.stderr.strip()), check.stderr


def test_the_demo_company_loads_and_a_second_run_changes_nothing(db):
    call_command("load_demo", "--quiet-users", stdout=io.StringIO())
    counts = (
        Department.objects.count(),
        Employee.objects.count(),
        Task.objects.count(),
        SignOff.objects.count(),
        Task.history.count(),
        Employee.history.count(),
    )
    stamps = list(Employee.objects.order_by("pk").values_list("updated_at", flat=True))
    assert counts[0] >= 10 and counts[1] >= 15 and counts[2] >= 5 and counts[3] >= 1
    call_command("load_demo", "--quiet-users", stdout=io.StringIO())
    assert (
        Department.objects.count(),
        Employee.objects.count(),
        Task.objects.count(),
        SignOff.objects.count(),
        Task.history.count(),
        Employee.history.count(),
    ) == counts
    assert list(Employee.objects.order_by("pk").values_list("updated_at", flat=True)) == stamps


def test_every_demo_user_can_log_in(db):
    call_command("load_demo", "--quiet-users", stdout=io.StringIO())
    data = json.loads((settings.BASE_DIR / "fixtures/demo/org.json").read_text("utf-8"))
    for user in data["users"]:
        client = Client()
        response = client.post("/accounts/login/", {"username": user["username"], "password": data["password"]})
        assert response.status_code == 302, user["username"]
        assert client.get("/").status_code == 200


def test_every_string_of_the_code_is_in_the_chinese_catalogue(tmp_path):
    """makemessages on a copy of the code finds nothing the catalogue does not translate."""
    import shutil

    for name in ("apps", "config", "templates", "locale"):
        shutil.copytree(settings.BASE_DIR / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copy(settings.BASE_DIR / "manage.py", tmp_path / "manage.py")
    run = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "zh_Hans", "--no-location", "-v0"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "PYTHONPATH": str(tmp_path)},
    )
    assert run.returncode == 0, run.stderr
    po = tmp_path / "locale/zh_Hans/LC_MESSAGES/django.po"
    check = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(po)],
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "C", "LC_ALL": "C"},
    )
    assert check.returncode == 0, check.stderr
    missing = [
        block.split("\n")[-2]
        for block in po.read_text("utf-8").split("\n\n")
        if block.rstrip().endswith('msgstr ""') and 'msgid ""' not in block.split("\n")[0]
    ]
    assert re.fullmatch(r"\d+ translated messages\.", check.stderr.strip()), (check.stderr, missing[:20])
