"""The layers of docs/architecture.md, checked on the source: no import points up or sideways,
nothing imports the shell, and no two modules import each other, even through others."""

from tests.architecture import imports


def test_imports_point_only_down_the_layers():
    assert imports.upward_imports(imports.build()) == []


def test_no_module_imports_itself_through_others():
    assert imports.cycles(imports.build()) == []


def test_the_check_sees_an_upward_import_inside_a_function(tmp_path, monkeypatch):
    # The check itself could fail silently: a fake tree with one upward import, hidden in a
    # function, and a circle of two modules.
    for app in imports.APPS:
        (tmp_path / app).mkdir()
        (tmp_path / app / "__init__.py").write_text("")
    (tmp_path / "core" / "bad.py").write_text("def f():\n    from pactes import models\n")
    (tmp_path / "debates" / "a.py").write_text("from debates import b\n")
    (tmp_path / "debates" / "b.py").write_text("from . import a\n")
    (tmp_path / "moderation" / "c.py").write_text("import importlib\nimportlib.import_module('cite.urls')\n")
    monkeypatch.setattr(imports, "ROOT", tmp_path)

    graph = imports.build()

    assert imports.upward_imports(graph) == [
        "core/bad.py:2 imports pactes (pactes is not below core)",
        "moderation/c.py:2 imports cite.urls (nothing imports the shell)",
    ]
    assert imports.cycles(graph) == [["debates.a", "debates.b"]]
