"""Render the scaffold templates into a new plugin package folder, all or nothing."""

from __future__ import annotations

import os
import shutil
import string
import tempfile
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from backtui import __version__

STYLES = ("python", "data")

EDIT_HINTS = {
    "python": "The content is Python: `{module}/__init__.py` returns a `Source`, a list of "
    "`Exercise` and a list of `Avoid` from three functions marked `@hookimpl`.",
    "data": "The content is data: `{module}/source.toml` holds the `[source]`, its "
    "`[[exercises]]` and its `[[avoid]]` items; `{module}/__init__.py` is two lines that serve it.",
}


class ScaffoldError(Exception):
    """The package cannot be created where it was asked for. ``str`` is one line."""


def values(name: str, style: str) -> dict[str, str]:
    """What the templates' ``$placeholders`` become, for plugin ``name`` (a slug)."""
    module = "backtui_" + name.replace("-", "_")
    return {
        "name": name,
        "module": module,
        "distribution": f"backtui-{name}",
        "title": name.replace("-", " ").capitalize(),
        "backtui_version": __version__,
        "edit_hint": EDIT_HINTS[style].format(module=module),
    }


def _files(root: Traversable, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Traversable]]:
    found = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        if entry.is_dir():
            found.extend(_files(entry, (*prefix, entry.name)))
        elif entry.name.endswith(".tmpl"):
            found.append(((*prefix, entry.name), entry))
    return found


def render(name: str, style: str) -> dict[str, str]:
    """Every file of the new package: relative path -> text."""
    if style not in STYLES:
        raise ScaffoldError(f"unknown style {style!r}; choose one of: {', '.join(STYLES)}")
    subs = values(name, style)
    root = resources.files("backtui.scaffold")
    out: dict[str, str] = {}
    for part in ("common", style):
        for parts, entry in _files(root.joinpath(part)):
            path = "/".join(p.replace("__module__", subs["module"]) for p in parts).removesuffix(".tmpl")
            path = path.replace("dot-", ".", 1) if path.startswith("dot-") else path  # dot-gitignore: .gitignore
            out[path] = string.Template(entry.read_text(encoding="utf-8")).substitute(subs)
    return out


def scaffold(name: str, parent: Path, style: str = "python") -> Path:
    """Create ``parent/backtui-NAME`` (and ``parent`` if need be); never overwrite, never leave half a package."""
    target = parent / f"backtui-{name}"
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise ScaffoldError(f"{parent}: this is a file, not a folder") from None
    except OSError as exc:
        raise ScaffoldError(f"{parent}: cannot create the folder ({exc.strerror or exc})") from None
    if target.exists() or target.is_symlink():
        raise ScaffoldError(f"{target} already exists; nothing was written (choose another NAME or --dir)")
    files = render(name, style)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".backtui-{name}-", dir=parent))
    except OSError as exc:
        raise ScaffoldError(f"{parent}: cannot write here ({exc.strerror or exc})") from None
    try:
        for rel, text in files.items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        os.chmod(staging, 0o755)
        if target.exists():  # created by someone else meanwhile
            raise ScaffoldError(f"{target} already exists; nothing was written")
        staging.rename(target)
    except OSError as exc:
        raise ScaffoldError(f"{target}: cannot write the package ({exc.strerror or exc})") from None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target
