"""The clinician report as a PDF: the same facts as the HTML, the pain chart drawn as lines."""

from __future__ import annotations

from fpdf.enums import TextEmphasis
from fpdf.fonts import FontFace

from backtui.export import fonts
from backtui.export.escape import clean
from backtui.export.pdf import GREY, Document, Line
from backtui.export.report import AFTER_COLOR, BEFORE_COLOR, INTRO, Report, chart_points, pain_text, where_text

TITLE = "Exercise and pain report"
CHART_H = 55.0
HEADINGS = FontFace(emphasis=TextEmphasis.NONE, fill_color=(230, 230, 230))


def _cell(text: str) -> str:
    return fonts.covered(clean(text)) or " "


def _table(pdf: Document, rows: list[list[str]], widths: tuple[int, ...], size: float = 8.5) -> None:
    pdf.set_font(fonts.FAMILY, "", size)
    pdf.set_text_color(17, 17, 17)
    with pdf.table(
        col_widths=widths, headings_style=HEADINGS, text_align="LEFT", line_height=size * 0.55, padding=0.8
    ) as table:
        for row in rows:
            cells = table.row()
            for value in row:
                cells.cell(_cell(value))
    pdf.ln(4)


def _chart(pdf: Document, report: Report) -> None:
    left, width = pdf.l_margin + 8, pdf.epw - 10
    if pdf.y + CHART_H + 20 > pdf.page_break_trigger:
        pdf.add_page()
    top = pdf.y + 6
    pdf.set_font(fonts.FAMILY, "", 8)
    pdf.set_text_color(*BEFORE_COLOR)
    pdf.text(left, top - 2, "— pain before")
    pdf.set_text_color(*AFTER_COLOR)
    pdf.text(left + 28, top - 2, "— pain after")
    pdf.set_text_color(*GREY)
    pdf.set_line_width(0.15)
    pdf.set_draw_color(210, 210, 210)
    for pain in range(0, 11, 2):
        y = top + CHART_H - CHART_H * pain / 10
        pdf.line(left, y, left + width, y)
        pdf.text(left - 5, y + 1, str(pain))
    pdf.text(left, top + CHART_H + 5, report.start.isoformat())
    pdf.text(left + width - 16, top + CHART_H + 5, report.end.isoformat())
    before, after = chart_points(report, width, CHART_H)
    for points, color in ((before, BEFORE_COLOR), (after, AFTER_COLOR)):
        placed = [(left + x, top + y) for x, y in points]
        pdf.set_draw_color(*color)
        pdf.set_fill_color(*color)
        pdf.set_line_width(0.5)
        if len(placed) > 1:
            pdf.polyline(placed)
        for x, y in placed:
            pdf.circle(x, y, 0.9, style="F")
    pdf.set_line_width(0.2)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_fill_color(255, 255, 255)
    pdf.set_y(top + CHART_H + 10)


def render(report: Report, *, paper: str = "A4") -> bytes:
    pdf = Document(TITLE, paper)
    pdf.add_page()
    period = f"{report.start.isoformat()} to {report.end.isoformat()} · {len(report.sessions)} sessions"
    pdf.block(
        [Line(TITLE, "B", 18, gap=2), Line(period, "", 10, color=GREY), Line(INTRO, "", 9.5, gap=4)],
        keep_together=False,
    )
    pdf.block([Line("Sessions per week", "B", 13, gap=2)], keep_together=False)
    if report.recommendations:
        lines = [Line("The sources recommend:", "", 9.5)]
        lines += [Line(f"• {text}", "", 9.5, indent=4) for text in report.recommendations]
        pdf.block(lines)
    target = f" (target: {report.target_days})" if report.target_days else ""
    rows = [["Week of", "Sessions", "Complete", f"Days with an exercise done{target}"]]
    rows += [[w.monday.isoformat(), str(w.sessions), str(w.completed), str(w.days)] for w in report.weeks]
    _table(pdf, rows, (30, 20, 20, 50))
    pdf.block([Line("Pain before and after", "B", 13, gap=2)], keep_together=False)
    if report.pain_points:
        _chart(pdf, report)
    else:
        pdf.block([Line("No check-ins recorded in this period.", "", 9.5)])
    pdf.block([Line("Sessions", "B", 13, gap=2)], keep_together=False)
    rows = [["Date", "Routine", "Status", "Done", "Skipped", "Pain", "Where"]]
    rows += [
        [
            f"{s.started_at:%Y-%m-%d %H:%M}",
            s.routine,
            s.status_label,
            str(s.completed),
            str(s.skipped),
            pain_text(s),
            where_text(s),
        ]
        for s in report.sessions
    ]
    _table(pdf, rows, (26, 38, 22, 12, 14, 14, 40))
    noted = [s for s in report.sessions if s.notes]
    if noted:
        pdf.block([Line("Notes", "B", 13, gap=2)], keep_together=False)
        for s in noted:
            pdf.block([Line(f"{s.started_at:%Y-%m-%d %H:%M}: {'; '.join(s.notes)}", "", 9.5)])
    return bytes(pdf.output())
