"""Upgrading a site made with the code of commit c7f7f46 (before the programme, the evaluation
and the facilitation profiles left ``cite`` and ``moderation``), demo loaded, to the current
migrations: pages, their types, revisions and permissions, debates, pacts and signatures are
intact, and every fingerprint still verifies.

``demo-c7f7f46.sql.gz`` is the SQLite dump of that site, made by
``bin/upgrade_fixture.sh c7f7f46`` (migrate + load_demo with that commit's code).
"""

import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DUMP = HERE / "demo-c7f7f46.sql.gz"


def _old_site(path: Path) -> dict:
    with sqlite3.connect(path) as db:
        db.executescript(gzip.decompress(DUMP.read_bytes()).decode("utf-8"))
        rows = db.execute(
            "SELECT p.id, p.title, ct.app_label, ct.model FROM wagtailcore_page p "
            "JOIN django_content_type ct ON ct.id = p.content_type_id"
        ).fetchall()
        return {
            "pages": {page_id: (title, app_label, model) for page_id, title, app_label, model in rows},
            "debates": {
                row[0]: list(row[1:])
                for row in db.execute("SELECT id, question, engagement_id, profile_id FROM debates_debate")
            },
            "messages": db.execute("SELECT COUNT(*) FROM debates_message").fetchone()[0],
            "pacts": {
                row[0]: list(row[1:]) for row in db.execute("SELECT id, title, status, engagement_id FROM pactes_pact")
            },
            "hashes": dict(db.execute("SELECT id, content_hash FROM pactes_pactversion")),
            "signatures": sorted(list(row) for row in db.execute("SELECT id, content_hash FROM pactes_signature")),
            "group_page_permissions": sorted(
                f"{group}:{codename}"
                for group, codename in db.execute(
                    "SELECT g.name, p.codename FROM wagtailcore_grouppagepermission gp "
                    "JOIN auth_group g ON g.id = gp.group_id JOIN auth_permission p ON p.id = gp.permission_id"
                )
            ),
        }


def _django(args: list[str], database: Path) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DATABASE_NAME"}}
    environment.update(SQLITE_PATH=str(database), DJANGO_SETTINGS_MODULE="cite.settings.test")
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory) -> tuple[dict, dict]:
    database = tmp_path_factory.mktemp("upgrade") / "site.sqlite3"
    before = _old_site(database)
    migrated = _django(["manage.py", "migrate", "--noinput"], database)
    assert migrated.returncode == 0, migrated.stderr[-3000:]
    inspected = _django([str(HERE / "inspect_site.py")], database)
    assert inspected.returncode == 0, inspected.stderr[-3000:]
    return before, json.loads(inspected.stdout)


MOVED = {
    "homepage": "programme.HomePage",
    "programmepage": "programme.ProgrammePage",
    "engagementpage": "programme.EngagementPage",
    "newsindexpage": "programme.NewsIndexPage",
    "newspage": "programme.NewsPage",
    "standardpage": "programme.StandardPage",
    "yearlyreportpage": "evaluation.YearlyReportPage",
}


def test_upgrade_keeps_every_page_with_its_new_type_and_serves_it(upgraded):
    before, after = upgraded
    assert set(after["pages"]) == {str(page_id) for page_id in before["pages"]}
    for page_id, (title, app_label, model) in before["pages"].items():
        page = after["pages"][str(page_id)]
        assert page["title"] == title
        if app_label == "cite":
            assert page["class"] == MOVED[model]
        assert page["status"] in (None, 200), (title, page)
    assert after["revisions_resolve"]


def test_upgrade_moves_content_types_in_place_and_keeps_permissions(upgraded):
    before, after = upgraded
    assert not [ct for ct in after["content_types"] if ct.startswith("cite.")]
    assert "programme.engagementpage" in after["content_types"]
    assert "facilitation.facilitationprofile" in after["content_types"]
    assert "moderation.facilitationprofile" not in after["content_types"]
    assert after["group_page_permissions"] == before["group_page_permissions"] != []


def test_upgrade_keeps_debates_messages_and_their_profile(upgraded):
    before, after = upgraded
    assert {int(k): v for k, v in after["debates"].items()} == before["debates"]
    assert after["messages"] == before["messages"] > 0
    assert after["profiles"] >= 1


def test_upgrade_keeps_pacts_signatures_and_every_fingerprint_verifies(upgraded):
    before, after = upgraded
    assert {int(k): v for k, v in after["pacts"].items()} == before["pacts"]
    assert {int(k): v[0] for k, v in after["fingerprints"].items()} == before["hashes"]
    assert all(intact for _hash, intact in after["fingerprints"].values())
    assert after["signatures"] == before["signatures"] != []
