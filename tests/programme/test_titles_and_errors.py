"""Page titles name the page, then the site, with a separator; error pages are the site's own."""

import re

from django.conf import settings


def _title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


def test_page_titles_name_the_page_then_the_site_with_a_separator(client, home):
    assert _title(client.get("/debats/")) == f"Débats · {settings.SITE_NAME}"
    assert _title(client.get("/moderation/registre/")) == f"Registre de modération · {settings.SITE_NAME}"
    home_title = _title(client.get("/"))
    assert home_title in {settings.SITE_NAME, f"{home.title} · {settings.SITE_NAME}"}
    assert settings.SITE_NAME * 2 not in home_title
    client.cookies["vdl_language"] = "en"
    assert _title(client.get("/debats/", follow=True)) == f"Debates · {settings.SITE_NAME}"


def test_unknown_address_answers_the_sites_404_page(client, home):
    response = client.get("/moderation/recours/message/99999999999999999999999/")
    assert response.status_code == 404
    assert _title(response) == f"Page introuvable · {settings.SITE_NAME}"
    assert 'class="site-header"' in response.content.decode()
    assert client.get("/pactes/abc/").status_code == 404


def test_api_offset_beyond_any_database_is_a_400_with_a_message(client, home):
    response = client.get("/api/v2/pages/?offset=99999999999999999999999")
    assert response.status_code == 400
    assert "offset" in response.json()["message"]
    assert client.get("/api/v2/pages/?offset=0").status_code == 200
