"""The handout as one self-contained HTML file: inline CSS, no script, nothing fetched from anywhere.

The print styles leave the paper size to the printer (A4 or Letter alike), keep each
step on one page where it fits, and repeat nothing the screen shows only for looks.
"""

from __future__ import annotations

from backtui.export.escape import html_text as h
from backtui.export.handout import Handout, seconds_words

CSS = """
:root { color-scheme: light; }
body { font-family: "Noto Sans", "DejaVu Sans", system-ui, sans-serif; line-height: 1.45;
       max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #111; background: #fff; }
h1 { margin-bottom: .2rem; }
.meta { color: #444; }
.stop { border: 3px solid #b00020; border-radius: 6px; padding: .6rem 1rem; margin: 1rem 0;
        background: #fff4f4; break-inside: avoid; page-break-inside: avoid; }
.stop h2 { margin: 0 0 .4rem; color: #b00020; font-size: 1.15rem; }
.stop p { margin: .3rem 0; }
.who { color: #555; font-style: italic; }
.step { border-top: 1px solid #bbb; padding: .4rem 0 .6rem; break-inside: avoid; page-break-inside: avoid; }
.step h3 { margin: .3rem 0; }
.dose { font-weight: bold; }
.missing, .avoid { color: #b00020; font-weight: bold; }
.source { break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: .2rem .4rem; text-align: left; vertical-align: top; }
svg { max-width: 100%; height: auto; }
@page { margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
}
"""


def page(title: str, body: str) -> str:
    """A whole HTML document: ``title`` is escaped here; ``body`` is already-escaped HTML."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        'img-src data:">\n'
        f"<title>{h(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


def render(handout: Handout) -> str:
    out: list[str] = [f"<h1>{h(handout.name)}</h1>"]
    if handout.description:
        out.append(f"<p>{h(handout.description)}</p>")
    total = f"about {seconds_words(handout.total_s)}" if handout.total_s is not None else "too long to plan"
    out.append(f'<p class="meta">Total time: {h(total)} · {len(handout.steps)} steps</p>')
    out.append('<section class="stop"><h2>Stop if pain increases</h2>')
    for note in handout.stop:
        who = f' <span class="who">({h(note.source)})</span>' if note.source else ""
        out.append(f"<p>{h(note.text)}{who}</p>")
    out.append("</section>")
    out.append("<h2>Steps</h2>")
    for step in handout.steps:
        out.append('<section class="step">')
        out.append(f"<h3>{step.number}. {h(step.name)}</h3>")
        if step.missing:
            out.append(f'<p class="missing">Missing: {h(step.missing)}</p>')
        if step.source:
            position = f" · position: {h(step.position)}" if step.position else ""
            out.append(f'<p class="who">Source: {h(step.source)}{position}</p>')
        out.append(f'<p class="dose">{h(step.dosage)}</p>')
        if step.article_dosage:
            out.append(f"<p>As the article gives it: {h(step.article_dosage)}</p>")
        if step.start:
            out.append(f"<p><b>Starting position:</b> {h(step.start)}</p>")
        if step.instructions:
            out.append("<ol>" + "".join(f"<li>{h(line)}</li>" for line in step.instructions) + "</ol>")
        items = [f"<li><b>Caution:</b> {h(c)}</li>" for c in step.cautions]
        items += [
            f'<li class="avoid">Avoid: {h(f.name)} is on the avoid list of {h(f.source)}: {h(f.reason)}</li>'
            for f in step.avoid
        ]
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
        if step.note:
            out.append(f"<p><b>Note:</b> {h(step.note)}</p>")
        out.append("</section>")
    if handout.sources:
        out.append("<h2>Sources</h2>")
        for source in handout.sources:
            out.append(f'<section class="source"><h3>{h(source.title)}</h3>')
            if source.byline:
                out.append(f'<p class="who">{h(source.byline)}</p>')
            items = [f"<li><b>How often:</b> {h(f)}</li>" for f in source.frequency]
            items += [f"<li>{h(n)}</li>" for n in source.safety_notes]
            if items:
                out.append("<ul>" + "".join(items) + "</ul>")
            out.append("</section>")
    if handout.command:
        out.append(f'<p class="meta">Run it in backtui: <code>{h(handout.command)}</code></p>')
    return page(handout.name, "\n".join(out) + "\n")
