"""The handout as Markdown: what ``backtui export ROUTINE`` prints."""

from __future__ import annotations

from backtui.export.escape import md
from backtui.export.handout import Handout, seconds_words


def render(handout: Handout) -> str:
    out: list[str] = [f"# {md(handout.name)}", ""]
    if handout.description:
        out += [md(handout.description), ""]
    total = f"about {seconds_words(handout.total_s)}" if handout.total_s is not None else "too long to plan"
    out += [f"**Total time:** {md(total)} · **Steps:** {len(handout.steps)}", ""]
    out += ["## Stop if pain increases", ""]
    for note in handout.stop:
        out.append(f"> {md(note.text)}" + (f" *({md(note.source)})*" if note.source else ""))
        out.append(">")
    out[-1] = ""
    out += ["## Steps", ""]
    for step in handout.steps:
        out.append(f"### {step.number}\\. {md(step.name)}")
        out.append("")
        if step.missing:
            out += [f"**Missing:** {md(step.missing)}", ""]
        if step.source:
            out.append(f"*Source: {md(step.source)}*" + (f" · position: {md(step.position)}" if step.position else ""))
            out.append("")
        out += [f"**Dosage:** {md(step.dosage)}", ""]
        if step.article_dosage:
            out += [f"As the article gives it: {md(step.article_dosage)}", ""]
        if step.start:
            out += [f"**Starting position:** {md(step.start)}", ""]
        for n, line in enumerate(step.instructions, 1):
            out.append(f"{n}. {md(line)}")
        if step.instructions:
            out.append("")
        for caution in step.cautions:
            out.append(f"- **Caution:** {md(caution)}")
        for flag in step.avoid:
            out.append(f"- **Avoid:** {md(flag.name)} is on the avoid list of {md(flag.source)}: {md(flag.reason)}")
        if step.cautions or step.avoid:
            out.append("")
        if step.note:
            out += [f"**Note:** {md(step.note)}", ""]
    if handout.sources:
        out += ["## Sources", ""]
        for source in handout.sources:
            out += [f"### {md(source.title)}", ""]
            if source.byline:
                out += [md(source.byline), ""]
            for freq in source.frequency:
                out.append(f"- **How often:** {md(freq)}")
            for safety in source.safety_notes:
                out.append(f"- {md(safety)}")
            out.append("")
    if handout.command:
        out += [f"Run it in backtui: {md(handout.command)}", ""]
    return "\n".join(out).rstrip("\n") + "\n"
