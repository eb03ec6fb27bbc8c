"""Finding, loading and calling plugins, one at a time, so a broken one hurts no other.

Plugins are entry points in the ``backtui`` group. A plugin gives an exercise source
(``backtui_source`` and friends), cues (``backtui_cue``), or both. ``BACKTUI_LOAD_PLUGINS`` (a comma
list of entry point names; empty means none) and ``BACKTUI_DISABLE_PLUGINS`` are
applied to the names before anything is imported. A plugin that fails to import,
raises in a hook, returns the wrong types, reuses an id or implements no hook is
recorded with a one-line reason and skipped; with ``BACKTUI_STRICT_PLUGINS=1`` the
first such failure, warning or failed content check raises ``PluginError`` instead.

Source ids never depend on the order plugins load in: a source's id must equal its
entry point's name. When two plugins claim one source id, the one whose entry
point has that name keeps it and the other fails, naming both; if neither (or two
distributions declaring one entry-point name) can keep it, all of them fail.
"""

from __future__ import annotations

import difflib
import importlib.util
import inspect
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import msgspec
import pluggy

from backtui.core import hookspecs
from backtui.core.entrypoints import PluginEntry, scan
from backtui.core.model import Avoid, Exercise, Source, validate
from backtui.core.tomlfile import DataError, describe_validation_error

OK = "ok"
ERROR = "error"


class EntryPoint(Protocol):
    """What the loader needs of an entry point: a ``PluginEntry`` or an ``importlib.metadata.EntryPoint``."""

    @property
    def name(self) -> str: ...

    @property
    def value(self) -> str: ...

    def load(self) -> Any: ...


class PluginError(Exception):
    """A plugin failed while ``BACKTUI_STRICT_PLUGINS`` is on."""


class PluginRecord(msgspec.Struct, frozen=True, kw_only=True):
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
    warnings: tuple[str, ...] = ()
    #: Calls this plugin's ``backtui_cue`` alone (keyword arguments ``cue``, ``settings``); None without one.
    cue_hook: Callable[..., object] | None = None

    @property
    def gives_cues(self) -> bool:
        return self.cue_hook is not None and not self.error

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

    @property
    def origin(self) -> str:
        """``'name' (distribution version)``: enough to tell two plugins apart."""
        origin = f"{self.distribution} {self.version}".strip() or "no distribution"
        return f"{self.name!r} ({origin})"


class LoadResult(msgspec.Struct, kw_only=True):
    records: list[PluginRecord] = msgspec.field(default_factory=list)
    #: Names in BACKTUI_LOAD_PLUGINS / BACKTUI_DISABLE_PLUGINS that no installed plugin has, explained.
    unknown_names: str = ""

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


def unknown_names(eps: Iterable[EntryPoint], env: Mapping[str, str] | None = None) -> str:
    """A sentence naming what ``BACKTUI_LOAD_PLUGINS``/``BACKTUI_DISABLE_PLUGINS`` ask for
    that is not installed, with the names that are; empty when every name is known."""
    env = os.environ if env is None else env
    known = sorted({ep.name for ep in eps})
    parts = []
    for variable in ("BACKTUI_LOAD_PLUGINS", "BACKTUI_DISABLE_PLUGINS"):
        missing = sorted((_names(env.get(variable)) or set()) - set(known))
        if missing:
            hints = [h for m in missing for h in difflib.get_close_matches(m, known, n=1)]
            hint = f" (did you mean {', '.join(repr(h) for h in hints)}?)" if hints else ""
            parts.append(f"{variable} names {', '.join(repr(m) for m in missing)}, which no installed plugin is{hint}")
    if not parts:
        return ""
    return "; ".join(parts) + f"; the installed plugins are: {', '.join(known) or 'none'}"


def discover() -> list[EntryPoint]:
    """Every installed entry point in the ``backtui`` group (two distributions may declare one name)."""
    return list(scan(hookspecs.ENTRY_POINT_GROUP))


def strict_from_env(env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    return env.get("BACKTUI_STRICT_PLUGINS", "").strip().lower() in {"1", "true", "yes", "on"}


def _provenance(ep: EntryPoint) -> dict[str, Any]:
    dist = getattr(ep, "dist", None)
    if isinstance(ep, PluginEntry):
        distribution, version = ep.distribution, ep.version
    elif dist is not None:
        distribution, version = dist.metadata["Name"] or "", dist.version or ""
    else:
        return {"distribution": "", "version": "", "location": ""}
    location = ""
    try:
        # find_spec on a top-level name locates the package without running it.
        spec = importlib.util.find_spec(ep.value.split(":", 1)[0].split(".", 1)[0])
        origin = spec.origin if spec is not None else None
        if origin:
            path = Path(origin)
            location = str(path.parent if path.name == "__init__.py" else path)
        elif dist is not None:
            location = str(dist.locate_file(""))
    except Exception:  # provenance is best effort; never fail a load over it
        location = ""
    return {"distribution": distribution, "version": version, "location": location}


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

    if isinstance(exc, DataError):  # a DataError already names its file and place
        return ""
    if isinstance(exc, SyntaxError) and exc.filename:  # the plugin's own file, not the importer's
        return f" ({exc.filename}:{exc.lineno})"
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if not f.filename.startswith("<frozen ")]
    if not frames:
        return ""
    last = frames[-1]
    return f" ({Path(last.filename).name}:{last.lineno})"


class _Failure(Exception):
    pass


def _check_hooks(pm: pluggy.PluginManager, plugin: object) -> list[str]:
    """Catch hook mistakes pluggy would ignore or report on several lines.

    A marked function whose name is no hook (``backtui_exercise``), a hook that takes
    arguments, and a function named like a hook but never marked are all bugs a
    plugin author wants to hear about by name. Returns the warnings: a function
    named ``backtui_*`` that is neither a hook nor marked (probably a misspelt hook).
    """
    warnings = []
    for attr in dir(plugin):
        if not attr.startswith("backtui_"):
            continue
        value = getattr(plugin, attr, None)
        marked = pm.parse_hookimpl_opts(plugin, attr) is not None
        if marked and attr not in hookspecs.HOOK_NAMES:
            hint = difflib.get_close_matches(attr, hookspecs.HOOK_NAMES, n=1)
            suggestion = f"; did you mean {hint[0]}?" if hint else f"; the hooks are {', '.join(hookspecs.HOOK_NAMES)}"
            raise _Failure(f"{attr} is marked @hookimpl but is not a backtui hook{suggestion}")
        if not marked and attr not in hookspecs.HOOK_NAMES and inspect.isfunction(value):
            hint = difflib.get_close_matches(attr, hookspecs.HOOK_NAMES, n=1)
            suggestion = f"; did you mean {hint[0]}?" if hint else f"; the hooks are {', '.join(hookspecs.HOOK_NAMES)}"
            warnings.append(f"{attr}() is not a backtui hook and is never called{suggestion}")
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
    return warnings


def _call(pm: pluggy.PluginManager, plugin: object, hook: str) -> Any:
    """Call one hook of one plugin only; ``None`` if it doesn't implement it."""
    impls = [i for i in getattr(pm.hook, hook).get_hookimpls() if i.plugin is plugin]
    if not impls:
        return None
    others = [p for p in pm.get_plugins() if p is not plugin]
    caller = pm.subset_hook_caller(hook, remove_plugins=others)
    try:
        results = caller()
    except DataError as exc:  # the plugin's data file is at fault: name it, not the hook
        raise _Failure(str(exc)) from exc
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
    seen: dict[str, str] = {}
    items = [(e.id, f"exercise {n} ({e.name!r})") for n, e in enumerate(exercises, 1)]
    items += [(a.id, f"avoid item {n} ({a.name!r})") for n, a in enumerate(avoid, 1)]
    for item_id, label in items:
        if not item_id.startswith(source.id + ":"):
            raise _Failure(f"id {item_id!r} must start with the source id {source.id + ':'!r}")
        if item_id in seen:
            raise _Failure(f"id {item_id!r} is used twice: by {seen[item_id]} and by {label}")
        seen[item_id] = label
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
    available = discover() if eps is None else list(eps)
    result = LoadResult(unknown_names=unknown_names(available, env))
    if strict and result.unknown_names:
        raise PluginError(result.unknown_names)
    chosen = select(available, env)
    records = [_load_one(ep) for ep in chosen]
    records = _settle_claims(records)
    if strict:
        from backtui.core.plugin_checks import content_problems

        for record in records:
            problems = [record.error] if record.error else list(record.warnings)
            if record.ok and not problems:
                problems = content_problems(record, records)
            if problems:
                raise PluginError(msgspec.structs.replace(record, error=problems[0]).describe())
    result.records = records
    return result


def _load_one(ep: EntryPoint) -> PluginRecord:
    """Import, register and call one plugin on its own; a failure becomes the record's error."""
    prov = _provenance(ep)
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    try:
        try:
            plugin = ep.load()
        except (Exception, SystemExit) as exc:
            raise _Failure(f"cannot be imported: {_raised(exc)}{_where(exc)}") from exc
        try:
            warnings = _check_hooks(pm, plugin)
            pm.register(plugin, name=ep.name)
        except _Failure:
            raise
        except Exception as exc:
            raise _Failure(f"cannot be registered: {_one_line(exc)}") from exc
        source, exercises, avoid = _collect(pm, plugin, ep.name)
    except Exception as exc:  # a plugin must never take the host down
        reason = str(exc) if isinstance(exc, _Failure) else f"failed: {_one_line(exc)}{_where(exc)}"
        return PluginRecord(name=ep.name, value=ep.value, error=reason, **prov)
    if source is not None and source.id != ep.name:
        warnings.append(
            f"source id {source.id!r} is not the entry point's name {ep.name!r}; a source's id must equal "
            "its entry-point name, as `backtui new-plugin` writes it"
        )
    return PluginRecord(
        name=ep.name,
        value=ep.value,
        source=source,
        exercises=tuple(exercises),
        avoid=tuple(avoid),
        warnings=tuple(warnings),
        cue_hook=_cue_hook(pm, plugin),
        **prov,
    )


def _settle_claims(records: list[PluginRecord]) -> list[PluginRecord]:
    """Decide who keeps each entry-point name and source id, whatever order the plugins loaded in.

    An entry-point name declared by two distributions: none of them loads. A source id
    claimed by two plugins: the one whose entry point has that name keeps it, the
    others fail; when no one (or more than one) has that name, all of them fail.
    Every message names both sides.
    """
    by_name: dict[str, list[PluginRecord]] = {}
    for record in records:
        by_name.setdefault(record.name, []).append(record)
    by_source: dict[str, list[PluginRecord]] = {}
    for record in records:
        if record.ok and record.source is not None and len(by_name[record.name]) == 1:
            by_source.setdefault(record.source.id, []).append(record)
    settled = []
    for record in records:
        twins = [r for r in by_name[record.name] if r is not record]
        if twins:
            others = " and ".join(r.origin for r in twins)
            error = f"the entry point {record.name!r} is also declared by {others}; uninstall one of them"
            settled.append(msgspec.structs.replace(record, error=error, source=None, exercises=(), avoid=()))
            continue
        if not record.ok or record.source is None:
            settled.append(record)
            continue
        source_id = record.source.id
        claimants = by_source[source_id]
        owners = [r for r in claimants if r.name == source_id]
        if len(claimants) == 1 or (len(owners) == 1 and record is owners[0]):
            settled.append(record)
            continue
        others = " and ".join(r.origin for r in claimants if r is not record)
        if len(owners) == 1:
            error = (
                f"source id {source_id!r} belongs to plugin {owners[0].origin}, whose entry point has that name; "
                f"a source's id must equal its entry-point name ({record.name!r} here)"
            )
        else:
            error = (
                f"source id {source_id!r} is also claimed by plugin {others}; a source's id must equal its "
                "entry-point name, so neither loads"
            )
        settled.append(msgspec.structs.replace(record, error=error, source=None, exercises=(), avoid=()))
    return settled
