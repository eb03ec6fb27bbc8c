"""The fonts PDFs are set in: Noto Sans (Latin, Greek, Cyrillic) with Noto Sans CJK JP as fallback.

Both come as Python packages (``fontpkg-noto-sans``, ``noto-cjk-sans-jp-regular``). Noto
Sans is a variable font: its default instance is the regular weight, and the bold is
cut from it once (a few seconds with fontTools) and kept in backtui's cache folder.
Neither font has emoji; ``covered`` drops the characters no font can draw.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from backtui.core import paths
from backtui.core.atomic import write_bytes_atomic

if TYPE_CHECKING:
    from fpdf import FPDF

FAMILY = "NotoSans"
CJK_FAMILY = "NotoSansCJK"
_BOLD_NAME = "NotoSans-Bold-instance.ttf"


def _noto_files() -> Path:
    import fontpkg_noto_sans  # type: ignore[import-untyped]

    return Path(fontpkg_noto_sans.ROOT) / "files"


def regular_path() -> Path:
    return _noto_files() / "NotoSans[wdth,wght].ttf"


def italic_path() -> Path:
    return _noto_files() / "NotoSans-Italic[wdth,wght].ttf"


def cjk_path() -> Path:
    import noto_cjk_sans_jp_regular  # type: ignore[import-untyped]

    return Path(str(noto_cjk_sans_jp_regular.FONT_PATH))


def cache_folder() -> Path:
    return paths.cache_dir() / "fonts"


def bold_path() -> Path:
    """The bold weight of Noto Sans as a static font, cut from the variable font the first time."""
    target = cache_folder() / _BOLD_NAME
    if target.exists():
        return target
    import io

    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
    from fontTools.varLib import instancer  # type: ignore[import-untyped]

    font = instancer.instantiateVariableFont(TTFont(regular_path()), {"wght": 700, "wdth": 100})
    buffer = io.BytesIO()
    font.save(buffer)
    write_bytes_atomic(target, buffer.getvalue())
    return target


def add_fonts(pdf: FPDF) -> None:
    """Register the regular, bold and italic faces and the CJK fallback on ``pdf``."""
    pdf.add_font(FAMILY, "", regular_path())
    pdf.add_font(FAMILY, "B", bold_path())
    pdf.add_font(FAMILY, "I", italic_path())
    pdf.add_font(CJK_FAMILY, "", cjk_path())
    pdf.set_fallback_fonts([CJK_FAMILY], exact_match=False)


@cache
def _coverage(regular: Path, cjk: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    found: set[int] = set()
    for path in (regular, cjk):
        font = TTFont(path, lazy=True)
        found.update(font.getBestCmap() or {})
        font.close()
    return frozenset(found)


def covered(text: str) -> str:
    """``text`` without the characters neither font can draw (emoji, for one), spaces tidied."""
    have = _coverage(regular_path(), cjk_path())
    kept = "".join(ch for ch in text if ord(ch) in have or ch in "\n\t ")
    return text if kept == text else " ".join(kept.split())
