"""Finding, loading and calling plugins, one at a time, so a broken one hurts no other.

Plugins are entry points in the ``backtui`` group. A plugin gives an exercise source
(``backtui_source`` and friends), cues (``backtui_cue``), or both. ``BACKTUI_LOAD_PLUGINS`` (a comma
list of entry point names; empty means none) and ``BACKTUI_DISABLE_PLUGINS`` are
applied to the names before anything is imported. A plugin that fails to import,
raises in a hook, returns the wrong types, reuses an id or implements no hook is
recorded with a one-line reason and skipped; with ``BACKTUI_STRICT_PLUGINS=1`` the
first such failure raises ``PluginError`` instead.
"""

from __future__ import annotations

import difflib
import importlib.util
import inspect
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import Any

import msgspec
import pluggy

from backtui.core import hookspecs
from backtui.core.model import Avoid, Exercise, Source, validate
from backtui.core.tomlfile import DataError, describe_validation_error

OK = "ok"
ERROR = "error"


class PluginError(Exception):
    """A plugin failed while ``BACKTUI_STRICT_PLUGINS`` is on."""


@dataclass(frozen=True)
class PluginRecord:
    """What the host knows about one plugin: where it came from and what it gave."""

    name: str
    distribution: str = ""
    version: str = ""
    location: str = ""
    value: str = ""
    source: Source | None = None
    exercises: tuple[Exercise, ...] = ()
    avoid: tuple[Avoid, ...] = ()
    error: str = ""
    #: Calls this plugin's ``backtui_cue`` alone (keyword arguments ``cue``, ``settings``); None without one.
    cue_hook: Callable[..., object] | None = field(default=None, compare=False, repr=False)

    @property
    def gives_cues(self) -> bool:
        return self.cue_hook is not None

    @property
    def status(self) -> str:
        return ERROR if self.error else OK

    @property
    def ok(self) -> bool:
        return not self.error

    def describe(self) -> str:
        """One line naming the plugin and what went wrong, for notifications and logs."""
        origin = self.distribution or "no distribution"
        if self.version:
            origin += f" {self.version}"
        return f"plugin {self.name!r} ({origin}): {self.error}"


@dataclass
class LoadResult:
    records: list[PluginRecord] = field(default_factory=list)

    @property
    def ok(self) -> list[PluginRecord]:
        return [r for r in self.records if r.ok]

    @property
    def failed(self) -> list[PluginRecord]:
        return [r for r in self.records if not r.ok]


def _names(value: str | None) -> set[str] | None:
    if value is None:
        return None
    return {part.strip() for part in value.split(",") if part.strip()}


def select(eps: Iterable[EntryPoint], env: Mapping[str, str] | None = None) -> list[EntryPoint]:
    """Apply ``BACKTUI_LOAD_PLUGINS`` and ``BACKTUI_DISABLE_PLUGINS`` to entry points by name."""
    env = os.environ if env is None else env
    wanted = _names(env.get("BACKTUI_LOAD_PLUGINS"))
    disabled = _names(env.get("BACKTUI_DISABLE_PLUGINS")) or set()
    chosen = []
    for ep in eps:
        if wanted is not None and ep.name not in wanted:
            continue
        if ep.name in disabled:
            continue
        chosen.append(ep)
    return sorted(chosen, key=lambda ep: ep.name)


def discover() -> list[EntryPoint]:
    """Every installed entry point in the ``backtui`` group, one per name."""
    seen: dict[str, EntryPoint] = {}
    for ep in entry_points(group=hookspecs.ENTRY_POINT_GROUP):
        seen.setdefault(ep.name, ep)
    return list(seen.values())


def strict_from_env(env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    return env.get("BACKTUI_STRICT_PLUGINS", "").strip().lower() in {"1", "true", "yes", "on"}


def _provenance(ep: EntryPoint) -> dict[str, Any]:
    dist = getattr(ep, "dist", None)
    if dist is None:
        return {"distribution": "", "version": "", "location": ""}
    location = ""
    try:
        # find_spec on a top-level name locates the package without running it.
        spec = importlib.util.find_spec(ep.value.split(":", 1)[0].split(".", 1)[0])
        origin = spec.origin if spec is not None else None
        if origin:
            path = Path(origin)
            location = str(path.parent if path.name == "__init__.py" else path)
        else:
            location = str(dist.locate_file(""))
    except Exception:  # provenance is best effort; never fail a load over it
        location = ""
    return {"distribution": dist.metadata["Name"] or "", "version": dist.version or "", "location": location}


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    kind = type(exc).__name__
    if not text:
        return kind
    if isinstance(exc, msgspec.ValidationError | TypeError | ValueError | DataError):
        return text
    return f"{kind}: {text}"


def _raised(exc: BaseException) -> str:
    """``Kind: message`` for an exception a plugin raised; the kind always helps there."""
    text = " ".join(str(exc).split())
    kind = type(exc).__name__
    return f"{kind}: {text}" if text else kind


def _where(exc: BaseException) -> str:
    """``file:line`` of the innermost frame, so a plugin author knows where to look."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    if not frames or isinstance(exc, DataError):  # a DataError already names its file and place
        return ""
    last = frames[-1]
    return f" ({Path(last.filename).name}:{last.lineno})"


class _Failure(Exception):
    pass


def _check_hooks(pm: pluggy.PluginManager, plugin: object) -> None:
    """Catch hook mistakes pluggy would ignore or report on several lines.

    A marked function whose name is no hook (``backtui_exercise``), a hook that takes
    arguments, and a function named like a hook but never marked are all bugs a
    plugin author wants to hear about by name.
    """
    for attr in dir(plugin):
        if not attr.startswith("backtui_"):
            continue
        value = getattr(plugin, attr, None)
        marked = pm.parse_hookimpl_opts(plugin, attr) is not None
        if marked and attr not in hookspecs.HOOK_NAMES:
            hint = difflib.get_close_matches(attr, hookspecs.HOOK_NAMES, n=1)
            suggestion = f"; did you mean {hint[0]}?" if hint else f"; the hooks are {', '.join(hookspecs.HOOK_NAMES)}"
            raise _Failure(f"{attr} is marked @hookimpl but is not a backtui hook{suggestion}")
        if attr in hookspecs.HOOK_NAMES and callable(value):
            if not marked:
                raise _Failure(f"{attr}() is not marked with @backtui.hookimpl, so it would never be called")
            try:
                params = inspect.signature(value).parameters
            except (TypeError, ValueError):
                continue
            allowed = hookspecs.HOOK_ARGS.get(attr, ())
            extra = [p for p in params if p not in allowed]
            if extra and not allowed:
                raise _Failure(f"{attr}() must take no arguments, but it takes ({', '.join(params)})")
            if extra:
                raise _Failure(
                    f"{attr}() takes ({', '.join(params)}), but its arguments can only be named {', '.join(allowed)}"
                )


def _call(pm: pluggy.PluginManager, plugin: object, hook: str) -> Any:
    """Call one hook of one plugin only; ``None`` if it doesn't implement it."""
    impls = [i for i in getattr(pm.hook, hook).get_hookimpls() if i.plugin is plugin]
    if not impls:
        return None
    others = [p for p in pm.get_plugins() if p is not plugin]
    caller = pm.subset_hook_caller(hook, remove_plugins=others)
    try:
        results = caller()
    except (Exception, SystemExit) as exc:
        raise _Failure(f"{hook}() raised {_raised(exc)}{_where(exc)}") from exc
    return results[0] if results else None


def _as_list(value: Any, hook: str) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise _Failure(f"{hook}() must return a list, got {type(value).__name__}")
    try:
        return list(value)
    except Exception as exc:
        raise _Failure(f"{hook}() raised {_raised(exc)} while its result was read{_where(exc)}") from exc


def _check_all(items: list[Any], kind: type[Any], hook: str, *, single: bool = False) -> list[Any]:
    checked = []
    for index, item in enumerate(items):
        try:
            checked.append(validate(item, kind))
        except TypeError as exc:
            where = "" if single else f" item {index + 1}"
            raise _Failure(f"{hook}(){where} must be a backtui.{kind.__name__}: {_one_line(exc)}") from exc
        except msgspec.ValidationError as exc:
            item_id = getattr(item, "id", None)
            label = f"{item_id!r}" if isinstance(item_id, str) and item_id else f"item {index + 1}"
            error = describe_validation_error(exc, kind, label)
            if "matching regex" in error.message:
                example = "'merative'" if error.path == "id" and kind is Source else "'merative:cat-and-camel'"
                shape = "a slug" if example == "'merative'" else "SOURCE:SLUG"
                error.message = f"must be {shape}, lowercase words joined by hyphens, like {example}"
            problem = str(error)
            raise _Failure(f"{hook}() returned an invalid {kind.__name__} {problem}") from exc
    return checked


def _implemented(pm: pluggy.PluginManager, plugin: object) -> set[str]:
    return {h for h in hookspecs.HOOK_NAMES if any(i.plugin is plugin for i in getattr(pm.hook, h).get_hookimpls())}


def _cue_hook(pm: pluggy.PluginManager, plugin: object) -> Callable[..., object] | None:
    """A caller of this plugin's ``backtui_cue`` alone, or None if it has none."""
    if "backtui_cue" not in _implemented(pm, plugin):
        return None
    others = [p for p in pm.get_plugins() if p is not plugin]
    caller: Callable[..., object] = pm.subset_hook_caller("backtui_cue", remove_plugins=others)
    return caller


def _collect(pm: pluggy.PluginManager, plugin: object, name: str) -> tuple[Source | None, list[Exercise], list[Avoid]]:
    implemented = _implemented(pm, plugin)
    if not implemented:
        raise _Failure(
            "implements no backtui hook; mark functions with @backtui.hookimpl and name them "
            + ", ".join(hookspecs.HOOK_NAMES)
        )
    if implemented <= set(hookspecs.CUE_HOOKS):
        return None, [], []  # a cue plugin only
    if "backtui_source" not in implemented:
        raise _Failure("does not implement backtui_source(), which every plugin needs")
    source = _call(pm, plugin, "backtui_source")
    if source is None:
        raise _Failure("backtui_source() returned nothing; it must return a backtui.Source")
    [source] = _check_all([source], Source, "backtui_source", single=True)
    exercises = _check_all(
        _as_list(_call(pm, plugin, "backtui_exercises"), "backtui_exercises"), Exercise, "backtui_exercises"
    )
    avoid = _check_all(_as_list(_call(pm, plugin, "backtui_avoid"), "backtui_avoid"), Avoid, "backtui_avoid")
    seen: set[str] = set()
    for item_id in [e.id for e in exercises] + [a.id for a in avoid]:
        if not item_id.startswith(source.id + ":"):
            raise _Failure(f"id {item_id!r} must start with the source id {source.id + ':'!r}")
        if item_id in seen:
            raise _Failure(f"id {item_id!r} is used twice")
        seen.add(item_id)
    return source, exercises, avoid


def load(
    eps: Sequence[EntryPoint] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    strict: bool | None = None,
) -> LoadResult:
    """Load plugins from ``eps`` (default: every installed one, filtered by the env)."""
    env = os.environ if env is None else env
    strict = strict_from_env(env) if strict is None else strict
    chosen = select(discover() if eps is None else eps, env)
    result = LoadResult()
    claimed_sources: dict[str, str] = {}
    claimed_ids: dict[str, str] = {}
    for ep in chosen:
        prov = _provenance(ep)
        record = PluginRecord(name=ep.name, value=ep.value, **prov)
        pm = pluggy.PluginManager(hookspecs.PROJECT)
        pm.add_hookspecs(hookspecs)
        try:
            try:
                plugin = ep.load()
            except (Exception, SystemExit) as exc:
                raise _Failure(f"cannot be imported: {_raised(exc)}{_where(exc)}") from exc
            try:
                _check_hooks(pm, plugin)
                pm.register(plugin, name=ep.name)
            except _Failure:
                raise
            except Exception as exc:
                raise _Failure(f"cannot be registered: {_one_line(exc)}") from exc
            source, exercises, avoid = _collect(pm, plugin, ep.name)
            if source is not None and source.id in claimed_sources:
                raise _Failure(f"source id {source.id!r} is already provided by plugin {claimed_sources[source.id]!r}")
            ids: list[str] = [e.id for e in exercises] + [a.id for a in avoid]
            for item_id in ids:
                if item_id in claimed_ids:
                    raise _Failure(f"id {item_id!r} is already provided by plugin {claimed_ids[item_id]!r}")
        except Exception as exc:  # a plugin must never take the host down
            known = isinstance(exc, _Failure)
            reason = str(exc) if known else f"failed: {_one_line(exc)}{_where(exc)}"
            record = PluginRecord(name=ep.name, value=ep.value, error=reason, **prov)
            if strict:
                raise PluginError(record.describe()) from (exc.__cause__ if known else exc)
            result.records.append(record)
            continue
        if source is not None:
            claimed_sources[source.id] = ep.name
        for item_id in ids:
            claimed_ids[item_id] = ep.name
        result.records.append(
            PluginRecord(
                name=ep.name,
                value=ep.value,
                source=source,
                exercises=tuple(exercises),
                avoid=tuple(avoid),
                cue_hook=_cue_hook(pm, plugin),
                **prov,
            )
        )
    return result
