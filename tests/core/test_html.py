from core.html import plain_text_to_html


def test_plain_text_to_html_escapes_tags_and_links_web_addresses():
    html = plain_text_to_html('Voir <script>alert(1)</script> https://www.ville-du-lien.fr/parc?a=1&b=2 "ok"')
    assert html == (
        "Voir &lt;script&gt;alert(1)&lt;/script&gt; "
        '<a href="https://www.ville-du-lien.fr/parc?a=1&amp;b=2" rel="nofollow ugc noopener">'
        'https://www.ville-du-lien.fr/parc?a=1&amp;b=2</a> "ok"'
    )


def test_plain_text_to_html_leaves_other_schemes_as_text():
    html = plain_text_to_html('javascript:alert(1) <a href="javascript:alert(1)">x</a> mailto:a@b.fr')
    assert "<a" not in html.replace("&lt;a", "")
