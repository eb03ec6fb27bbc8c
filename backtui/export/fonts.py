"""The fonts PDFs are set in: Noto Sans (Latin, Greek, Cyrillic) with Noto Sans CJK JP as fallback.

Both come as Python packages (``fontpkg-noto-sans``, ``noto-cjk-sans-jp-regular``). Noto
Sans is a variable font whose default instance is the regular weight. Cutting a static
bold from it takes fontTools several seconds (a minute on a busy machine), so bold text
is drawn by ``pdf.Document`` as the regular outline filled and stroked, in every script.
Neither font has emoji; ``covered`` drops the characters no font can draw.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF

FAMILY = "NotoSans"
CJK_FAMILY = "NotoSansCJK"


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


def add_fonts(pdf: FPDF) -> None:
    """Register the regular and italic faces and the CJK fallback on ``pdf``."""
    pdf.add_font(FAMILY, "", regular_path())
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
