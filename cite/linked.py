"""Debates and pacts shown on the programme pages, read through those apps' selectors.

The programme does not know how debates or pacts are stored: it calls the selectors the debates
and pactes apps publish, and shows an empty list while an app does not provide them (yet). Each
selector returns model instances with ``title``, ``get_absolute_url()`` and
``get_status_display()``.
"""

from importlib import import_module
from importlib.util import find_spec


def _call(module_name: str, function_name: str, **kwargs) -> list:
    try:
        spec = find_spec(module_name)
    except ModuleNotFoundError:  # the app's package itself is missing
        return []
    if spec is None:
        return []
    function = getattr(import_module(module_name), function_name, None)
    if function is None:
        return []
    return list(function(**kwargs))


def debates_for_engagement(*, engagement_id: int, user) -> list:
    return _call("debates.selectors", "debates_for_engagement", engagement_id=engagement_id, user=user)


def debates_for_home(*, user, limit: int) -> list:
    return _call("debates.selectors", "debates_for_home", user=user, limit=limit)


def pacts_for_engagement(*, engagement_id: int, user) -> list:
    return _call("pactes.selectors", "pacts_for_engagement", engagement_id=engagement_id, user=user)


def latest_pacts(*, limit: int) -> list:
    return _call("pactes.selectors", "latest_pacts", limit=limit)
