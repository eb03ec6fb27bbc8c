"""The handout as a PDF, made with fpdf2 (pure Python): Noto fonts, page numbers, steps kept whole.

A step is measured before it is drawn; when it would cross the page end but fits on a
page of its own, it starts on the next page. A step longer than a page flows on.
"""

from __future__ import annotations

from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, TextMode, XPos, YPos

from backtui.export import fonts
from backtui.export.escape import clean
from backtui.export.handout import Handout, seconds_words

RED = (176, 0, 32)
GREY = (85, 85, 85)
BLACK = (17, 17, 17)
#: Stroke width of bold text, in mm per point of font size (about 3% of the em).
BOLD_STROKE = 0.03 * 0.3528


@dataclass(frozen=True)
class Line:
    """One paragraph of a block: its text, face, size, left indent (mm) and colour."""

    text: str
    style: str = ""
    size: float = 10
    indent: float = 0
    color: tuple[int, int, int] = BLACK
    gap: float = 1.2  # space after it, in mm


class Document(FPDF):
    """A4 or Letter, Noto fonts, and a footer with the title and ``page N of M`` on every page."""

    def __init__(self, title: str, paper: str = "A4") -> None:
        super().__init__(format=paper)
        self.doc_title = title
        fonts.add_fonts(self)
        self.set_auto_page_break(True, margin=18)
        self.set_margins(18, 16, 18)
        self.set_title(fonts.covered(clean(title)))
        self.set_creator("backtui")
        self.alias_nb_pages()

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(fonts.FAMILY, "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 5, fonts.covered(clean(self.doc_title))[:80], align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"page {self.page_no()} of {{nb}}", align="R")

    # -- blocks of paragraphs ---------------------------------------------------------------

    def _write(self, line: Line, *, dry: bool) -> float:
        self.set_font(fonts.FAMILY, line.style.replace("B", ""), line.size)
        self.set_text_color(*line.color)
        bold = "B" in line.style
        if bold:  # the outline stroked as well as filled: see ``fonts``
            self.text_mode = TextMode.FILL_STROKE
            self.set_draw_color(*line.color)
            self.set_line_width(line.size * BOLD_STROKE)
        height = line.size * 0.5
        self.set_x(self.l_margin + line.indent)
        text = fonts.covered(clean(line.text)) or " "
        result = self.multi_cell(
            self.epw - line.indent,
            height,
            text,
            align="L",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            dry_run=dry,
            output=MethodReturnValue.HEIGHT,
        )
        used = float(result) + line.gap  # type: ignore[arg-type]
        if bold:
            self.text_mode = TextMode.FILL
            self.set_line_width(0.2)
        if not dry:
            self.ln(line.gap)
        return used

    def block_height(self, lines: list[Line]) -> float:
        return sum(self._write(line, dry=True) for line in lines)

    def block(self, lines: list[Line], *, keep_together: bool = True) -> None:
        """Draw ``lines``; start a new page first when they fit on one but not on what is left of this one."""
        if keep_together:
            needed = self.block_height(lines)
            room = self.page_break_trigger - self.y
            if needed > room and needed <= self.page_break_trigger - self.t_margin:
                self.add_page()
        for line in lines:
            self._write(line, dry=False)

    def boxed(self, lines: list[Line], color: tuple[int, int, int] = RED) -> None:
        """``lines`` in a framed box, kept on one page."""
        pad = 3.0
        inner = [Line(ln.text, ln.style, ln.size, ln.indent + pad, ln.color, ln.gap) for ln in lines]
        needed = self.block_height(inner) + 2 * pad + 1
        if needed > self.page_break_trigger - self.y:
            self.add_page()
        top = self.y
        self.set_draw_color(*color)
        self.set_line_width(0.8)
        self.set_fill_color(255, 244, 244)
        self.rect(self.l_margin, top, self.epw, needed, style="DF")
        self.set_y(top + pad)
        saved_right = self.r_margin
        self.set_right_margin(saved_right + pad)
        for line in inner:
            self._write(line, dry=False)
        self.set_right_margin(saved_right)
        self.set_y(top + needed + 3)


def step_lines(step: object) -> list[Line]:
    from backtui.export.handout import HandoutStep

    assert isinstance(step, HandoutStep)
    lines = [Line(f"{step.number}. {step.name}", "B", 12.5, gap=0.8)]
    if step.missing:
        lines.append(Line(f"Missing: {step.missing}", "B", 10, color=RED))
    if step.source:
        position = f" · position: {step.position}" if step.position else ""
        lines.append(Line(f"Source: {step.source}{position}", "I", 9, color=GREY))
    lines.append(Line(step.dosage, "B", 10.5))
    if step.article_dosage:
        lines.append(Line(f"As the article gives it: {step.article_dosage}", "", 9, color=GREY))
    if step.start:
        lines.append(Line(f"Starting position: {step.start}"))
    for n, text in enumerate(step.instructions, 1):
        lines.append(Line(f"{n}. {text}", indent=4))
    for caution in step.cautions:
        lines.append(Line(f"Caution: {caution}", indent=4))
    for flag in step.avoid:
        lines.append(Line(f"Avoid: {flag.name} is on the avoid list of {flag.source}: {flag.reason}", "B", color=RED))
    if step.note:
        lines.append(Line(f"Note: {step.note}", "I"))
    lines[-1] = Line(lines[-1].text, lines[-1].style, lines[-1].size, lines[-1].indent, lines[-1].color, gap=5)
    return lines


def render(handout: Handout, *, paper: str = "A4") -> bytes:
    pdf = Document(handout.name, paper)
    pdf.add_page()
    head = [Line(handout.name, "B", 20, gap=2)]
    if handout.description:
        head.append(Line(handout.description, "", 10.5))
    total = f"about {seconds_words(handout.total_s)}" if handout.total_s is not None else "too long to plan"
    head.append(Line(f"Total time: {total} · {len(handout.steps)} steps", "", 10, color=GREY, gap=4))
    pdf.block(head, keep_together=False)
    stop = [Line("Stop if pain increases", "B", 13, color=RED)]
    for note in handout.stop:
        stop.append(Line(note.text + (f" ({note.source})" if note.source else ""), "", 9.5))
    pdf.boxed(stop)
    pdf.block([Line("Steps", "B", 15, gap=2)], keep_together=False)
    for step in handout.steps:
        pdf.block(step_lines(step))
    if handout.sources:
        pdf.block([Line("Sources", "B", 15, gap=2)], keep_together=False)
        for source in handout.sources:
            lines = [Line(source.title, "B", 11.5, gap=0.8)]
            if source.byline:
                lines.append(Line(source.byline, "I", 9, color=GREY))
            lines += [Line(f"How often: {f}", indent=4) for f in source.frequency]
            lines += [Line(f"• {n}", indent=4) for n in source.safety_notes]
            lines[-1] = Line(lines[-1].text, lines[-1].style, lines[-1].size, lines[-1].indent, lines[-1].color, gap=4)
            pdf.block(lines)
    if handout.command:
        pdf.block([Line(f"Run it in backtui: {handout.command}", "", 9, color=GREY)])
    return bytes(pdf.output())
