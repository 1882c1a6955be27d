"""The content rules of the facilitation pipeline and the registry that turns a profile into steps.

Each rule is a plain function ``rule(context, params) -> Verdict | None`` in a module of its own,
with its parameters' defaults. A facilitation profile lists the rules to run, in order, with
their parameters (``[{"rule": name, "enabled": bool, "params": {...}}]``); :func:`steps_for`
validates that list once, merges it with the defaults and caches the result per profile and
version, so that a message pays only for the rules themselves.

The gate rules (closed room, charter, mute, turns, slow mode, empty, too long) belong to the
debate rooms and run before these.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from ..pipeline import Rule
from . import (
    attacks,
    classifier,
    exclusion,
    flood,
    generalisations,
    insults,
    links,
    newcomers,
    reformulation,
    sarcasm,
    shouting,
    third_party,
    threats,
)
from .nudges import DECISIONS

if TYPE_CHECKING:
    from ..models import FacilitationProfile

Step = tuple[Rule, Mapping[str, Any]]

_MODULES = (
    flood,
    shouting,
    insults,
    attacks,
    threats,
    third_party,
    generalisations,
    exclusion,
    sarcasm,
    classifier,
    links,
    newcomers,
    reformulation,
)
RULES: dict[str, Rule] = {module.NAME: getattr(module, module.NAME) for module in _MODULES}
DEFAULTS: dict[str, Mapping[str, Any]] = {module.NAME: MappingProxyType(dict(module.DEFAULTS)) for module in _MODULES}


class ProfileError(ValueError):
    """A profile's ``rules`` list cannot be run; ``errors`` lists every problem, translated."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


def _param_error(rule: str, key: str, value: Any, default: Any) -> str | None:
    """Why ``value`` is not acceptable for a parameter whose default is ``default``, or None."""
    where = {"rule": rule, "param": key}
    if isinstance(default, str):  # every text parameter is a decision
        if value not in DECISIONS:
            return _("%(rule)s: “%(param)s” must be one of allow, nudge, hold, reject.") % where
    elif isinstance(default, bool):
        if not isinstance(value, bool):
            return _("%(rule)s: “%(param)s” must be true or false.") % where
    elif isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            return _("%(rule)s: “%(param)s” must be a number between 0 and 1.") % where
    elif isinstance(default, list):
        if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
            return _("%(rule)s: “%(param)s” must be a list of words.") % where
    elif default is None and value is None:
        return None
    elif isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return _("%(rule)s: “%(param)s” must be a whole number, 0 or more.") % where
    return None


def validate(rules: Any) -> list[str]:
    """Every problem in a profile's ``rules`` list, translated; an empty list when it can run."""
    if not isinstance(rules, list):
        return [_("The rules must be a list of steps.")]
    errors: list[str] = []
    for position, step in enumerate(rules, start=1):
        if not isinstance(step, dict) or not isinstance(step.get("rule"), str):
            errors.append(_("Step %(n)d: each step needs a rule name.") % {"n": position})
            continue
        name = step["rule"]
        if name not in RULES:
            errors.append(
                _("Step %(n)d: unknown rule “%(rule)s” (known rules: %(known)s).")
                % {"n": position, "rule": name, "known": ", ".join(RULES)}
            )
            continue
        if not isinstance(step.get("enabled", True), bool):
            errors.append(_("%(rule)s: “enabled” must be true or false.") % {"rule": name})
        params = step.get("params", {})
        if not isinstance(params, dict):
            errors.append(_("%(rule)s: the parameters must be a mapping.") % {"rule": name})
            continue
        for key, value in params.items():
            if key not in DEFAULTS[name]:
                errors.append(_("%(rule)s: unknown parameter “%(param)s”.") % {"rule": name, "param": key})
                continue
            error = _param_error(name, key, value, DEFAULTS[name][key])
            if error:
                errors.append(error)
    return errors


def compile_steps(rules: Any, *, new_participant_held: int = 0) -> tuple[Step, ...]:
    """The enabled steps of a ``rules`` list, in order, each with its complete parameters.

    Raises :class:`ProfileError` naming every unknown rule or bad parameter: a profile that
    cannot be read must fail loudly, not silently run fewer rules.
    """
    errors = validate(rules)
    if errors:
        raise ProfileError(errors)
    steps: list[Step] = []
    for step in rules:
        if not step.get("enabled", True):
            continue
        name = step["rule"]
        params = {**DEFAULTS[name], **step.get("params", {})}
        if name == newcomers.NAME and params["count"] is None:
            params["count"] = new_participant_held
        steps.append((RULES[name], MappingProxyType(params)))
    return tuple(steps)


_CACHE: dict[int, tuple[Any, tuple[Step, ...]]] = {}


def steps_for(profile: FacilitationProfile) -> list[Step]:
    """The pipeline steps of ``profile``, compiled once per profile and version (``updated_at``).

    Every save of a profile changes ``updated_at``, so an edited profile is recompiled on its
    next message, in every process. Raises :class:`ProfileError` for an unknown rule.
    """
    if profile.pk is None:
        return list(compile_steps(profile.rules, new_participant_held=profile.new_participant_held))
    cached = _CACHE.get(profile.pk)
    if cached is None or cached[0] != profile.updated_at:
        cached = (
            profile.updated_at,
            compile_steps(profile.rules, new_participant_held=profile.new_participant_held),
        )
        _CACHE[profile.pk] = cached
    return list(cached[1])


def history_needed(profile: FacilitationProfile) -> int:
    """How many of the author's latest messages ``MessageContext.recent_bodies`` and
    ``recent_times`` must hold for ``profile``'s rules to see everything they count (the flood
    rule's ``max_messages``; at least 5)."""
    counts = [params["max_messages"] for rule, params in steps_for(profile) if rule is flood.flood]
    return max([5, *counts])


__all__ = ["DEFAULTS", "RULES", "ProfileError", "Step", "compile_steps", "history_needed", "steps_for", "validate"]
