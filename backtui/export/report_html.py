"""The clinician report as one self-contained HTML file, its pain chart drawn in inline SVG."""

from __future__ import annotations

from backtui.export.escape import html_text as h
from backtui.export.html import page
from backtui.export.report import AFTER_COLOR, BEFORE_COLOR, INTRO, Report, pain_text, where_text

CHART_W, CHART_H, PAD = 640.0, 200.0, 30.0


def _rgb(color: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*color)


def chart(report: Report) -> str:
    from backtui.export.report import chart_points

    before, after = chart_points(report, CHART_W, CHART_H)
    out = [
        f'<svg class="chart" role="img" aria-label="Pain before and after each session" '
        f'viewBox="0 0 {CHART_W + 2 * PAD:.0f} {CHART_H + 2 * PAD:.0f}">'
    ]
    for pain in range(0, 11, 2):
        y = PAD + CHART_H - CHART_H * pain / 10
        out.append(f'<line x1="{PAD}" x2="{PAD + CHART_W}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{PAD - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{pain}</text>')
    for name, points, color in (("before", before, BEFORE_COLOR), ("after", after, AFTER_COLOR)):
        coords = " ".join(f"{PAD + x:.1f},{PAD + y:.1f}" for x, y in points)
        if len(points) > 1:
            out.append(
                f'<polyline class="{name}" fill="none" stroke="{_rgb(color)}" stroke-width="2" points="{coords}"/>'
            )
        for x, y in points:
            out.append(f'<circle class="{name}" cx="{PAD + x:.1f}" cy="{PAD + y:.1f}" r="3" fill="{_rgb(color)}"/>')
    bottom = PAD + CHART_H + 18
    out.append(f'<text x="{PAD}" y="{bottom}" font-size="11">{report.start.isoformat()}</text>')
    out.append(
        f'<text x="{PAD + CHART_W}" y="{bottom}" font-size="11" text-anchor="end">{report.end.isoformat()}</text>'
    )
    out.append(f'<text x="{PAD}" y="16" font-size="12" fill="{_rgb(BEFORE_COLOR)}">● pain before</text>')
    out.append(f'<text x="{PAD + 110}" y="16" font-size="12" fill="{_rgb(AFTER_COLOR)}">● pain after</text>')
    out.append("</svg>")
    return "\n".join(out)


def render(report: Report) -> str:
    out = ["<h1>Exercise and pain report</h1>"]
    out.append(
        f'<p class="meta">{report.start.isoformat()} to {report.end.isoformat()} · {len(report.sessions)} sessions</p>'
    )
    out.append(f"<p>{h(INTRO)}</p>")
    out.append("<h2>Sessions per week</h2>")
    if report.recommendations:
        out.append("<p>The sources recommend:</p><ul>")
        out += [f"<li>{h(line)}</li>" for line in report.recommendations]
        out.append("</ul>")
    target = f" (target: {report.target_days})" if report.target_days else ""
    out.append(
        '<table class="weeks"><thead><tr><th>Week of</th><th>Sessions</th><th>Complete</th>'
        f"<th>Days with an exercise done{h(target)}</th></tr></thead><tbody>"
    )
    for week in report.weeks:
        out.append(
            f"<tr><td>{week.monday.isoformat()}</td><td>{week.sessions}</td>"
            f"<td>{week.completed}</td><td>{week.days}</td></tr>"
        )
    out.append("</tbody></table>")
    out.append("<h2>Pain before and after</h2>")
    out.append(chart(report) if report.pain_points else "<p>No check-ins recorded in this period.</p>")
    out.append("<h2>Sessions</h2>")
    out.append(
        "<table><thead><tr><th>Date</th><th>Routine</th><th>Status</th><th>Done</th><th>Skipped</th>"
        "<th>Pain</th><th>Where</th></tr></thead><tbody>"
    )
    for s in report.sessions:
        out.append(
            f"<tr><td>{s.started_at:%Y-%m-%d %H:%M}</td><td>{h(s.routine)}</td><td>{h(s.status_label)}</td>"
            f"<td>{s.completed}</td><td>{s.skipped}</td><td>{h(pain_text(s))}</td><td>{h(where_text(s))}</td></tr>"
        )
    out.append("</tbody></table>")
    noted = [s for s in report.sessions if s.notes]
    if noted:
        out.append("<h2>Notes</h2><ul>")
        out += [f"<li>{s.started_at:%Y-%m-%d %H:%M}: {h('; '.join(s.notes))}</li>" for s in noted]
        out.append("</ul>")
    return page("Exercise and pain report", "\n".join(out) + "\n")
