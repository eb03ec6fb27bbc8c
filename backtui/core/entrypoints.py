"""Finding the installed ``backtui`` entry points cheaply.

``importlib.metadata`` would do it, but importing it costs more than the rest of a
``backtui validate`` (it pulls in the ``email`` package to read metadata). An entry
point is one line of a distribution's ``entry_points.txt``, in a ``*.dist-info`` (or
``*.egg-info``) folder on ``sys.path``; this module reads those files directly, in
``sys.path`` order as ``importlib.metadata`` does, and reads a distribution's name
and version only for the few distributions that have a ``backtui`` entry point.
Distributions inside zip files on ``sys.path`` are not searched.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import Any

import msgspec


class PluginEntry(msgspec.Struct, frozen=True):
    """One entry point: ``name = value`` in ``group``, and the distribution that declares it."""

    name: str
    value: str
    group: str = "backtui"
    distribution: str = ""
    version: str = ""
    metadata_dir: str = ""

    @property
    def module(self) -> str:
        return self.value.partition(":")[0].strip()

    def load(self) -> Any:
        """Import the module and return the object the value names, as ``EntryPoint.load`` does."""
        import importlib

        obj: Any = importlib.import_module(self.module)
        attrs = self.value.partition(":")[2].split("[")[0].strip()
        for attr in filter(None, attrs.split(".")):
            obj = getattr(obj, attr)
        return obj


def _entry_points_txt(text: str, group: str) -> list[tuple[str, str]]:
    """The ``name = value`` lines of one section of an ``entry_points.txt``."""
    found = []
    section = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif section == group and "=" in line:
            name, _, value = line.partition("=")
            found.append((name.strip(), value.strip()))
    return found


def _name_and_version(metadata_dir: str, folder: str) -> tuple[str, str]:
    """The distribution's name and version from its metadata headers, or its folder's name."""
    stem = folder.rsplit(".", 1)[0]
    name, _, version = stem.partition("-")
    for filename in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(metadata_dir, filename), encoding="utf-8", errors="replace") as f:
                for line in f:
                    if not line.strip():
                        break  # the headers end at the first blank line
                    key, _, value = line.partition(":")
                    if key == "Name":
                        name = value.strip()
                    elif key == "Version":
                        version = value.strip()
            break
        except OSError:
            continue
    return name, version


def _normal(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def scan(group: str, path: Iterable[str] | None = None) -> list[PluginEntry]:
    """Every entry point in ``group`` of the distributions on ``path`` (default ``sys.path``).

    A distribution found twice (in two folders of the path) counts once, the first
    time, as Python's own import order would have it.
    """
    seen_dists: set[str] = set()
    entries: list[PluginEntry] = []
    for folder in list(sys.path if path is None else path):
        try:
            names = sorted(os.listdir(folder or "."))
        except OSError:  # a zip file, a missing folder
            continue
        for child in names:
            if not child.endswith((".dist-info", ".egg-info")):
                continue
            dist_key = _normal(child.rsplit(".", 1)[0].partition("-")[0])
            if dist_key in seen_dists:
                continue
            seen_dists.add(dist_key)
            metadata_dir = os.path.join(folder or ".", child)
            try:
                with open(os.path.join(metadata_dir, "entry_points.txt"), encoding="utf-8") as f:
                    text = f.read()
            except (OSError, UnicodeDecodeError):
                continue
            if f"[{group}]" not in text:
                continue
            lines = _entry_points_txt(text, group)
            if not lines:
                continue
            distribution, version = _name_and_version(metadata_dir, child)
            entries += [PluginEntry(n, v, group, distribution, version, metadata_dir) for n, v in lines]
    return entries
