"""``backtui new-plugin NAME``: scaffold an installable exercise-source package."""

from __future__ import annotations

import argparse
import re
from typing import Any

#: A valid distribution name (PEP 508): letters and digits, with ``-``, ``_`` or ``.``
#: only between them.
_VALID = re.compile(r"^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$", re.IGNORECASE)
MAX_NAME = 60


class BadName(ValueError):
    """A NAME that cannot become a plugin."""


def plugin_name(raw: str) -> str:
    """Check NAME and turn it into the plugin's lowercase-hyphen slug.

    ``My_Clinic.Handout`` becomes ``my-clinic-handout``; a leading ``backtui-`` is
    dropped, since the package gets that prefix anyway. Raises ``BadName``.
    """
    name = raw.strip()
    example = "use letters, digits and hyphens, e.g. 'physio-handout'"
    if not name:
        raise BadName(f"the plugin name is empty; {example}")
    if not _VALID.match(name):
        raise BadName(f"{raw!r} is not a valid package name; {example}")
    slug = re.sub(r"[-_.]+", "-", name.lower())
    if slug.startswith("backtui-"):
        slug = slug.removeprefix("backtui-")
    if not slug or slug == "backtui":
        raise BadName(f"{raw!r} names backtui itself; choose a name for your source, e.g. 'physio-handout'")
    if len(slug) > MAX_NAME:
        raise BadName(f"{raw!r} is {len(slug)} characters long; keep the name to {MAX_NAME}")
    return slug


def register(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "new-plugin",
        help="create a new exercise-source plugin package",
        description="Create the package backtui-NAME, ready to install editable (`uv add --dev --editable` "
        "or `pip install -e`): "
        "pyproject.toml with the backtui entry point, a module with one example exercise and one "
        "avoid item, a README and a test. See docs/plugins.md for the whole walk-through.",
    )
    p.add_argument("name", metavar="NAME", help="the source's name, e.g. physio-handout (becomes backtui-NAME)")
    p.add_argument(
        "--dir", metavar="DIR", default=".", help="the folder to create the package in, made if missing (default: here)"
    )
    p.add_argument(
        "--style",
        choices=("python", "data"),
        default="python",
        help="python: the content in Python hook functions; data: the content in a source.toml file (default: python)",
    )
    return p


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from backtui.scaffold.render import ScaffoldError, scaffold

    try:
        slug = plugin_name(args.name)
        target = scaffold(slug, Path(args.dir), args.style)
    except (BadName, ScaffoldError) as exc:
        print(f"backtui: {exc}", file=sys.stderr)
        return 1
    shown = target if not target.is_absolute() else _relative(target)
    module = "backtui_" + slug.replace("-", "_")
    what = f"{module}/source.toml" if args.style == "data" else f"{module}/__init__.py"
    print(f"Created {shown}/ ({args.style} style). Next:")
    print(f"  1. Put your source's content in {shown}/{what}")
    print(f"  2. Install it: uv add --dev --editable {shown}   (in a backtui clone; or: pip install -e {shown})")
    print(f"  3. Check it:   backtui plugins   and   backtui exercises --source {slug}")
    print("The guide: docs/plugins.md in the backtui repository.")
    return 0


def _relative(path: Any) -> Any:
    from pathlib import Path

    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path
