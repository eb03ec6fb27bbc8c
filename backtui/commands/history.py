"""``backtui history``: the sessions you have run, as a table, JSON, or CSV for a clinician."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        "history",
        help="list the sessions you have run, with pain before and after",
        description="List your recorded sessions, oldest first: routine, status, steps done and skipped, "
        "and the pain check-ins before and after.",
    )
    p.add_argument("--since", metavar="DATE", help="only sessions on or after DATE (YYYY-MM-DD)")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print a JSON list of sessions, with their steps")
    fmt.add_argument("--csv", action="store_true", help="print CSV, one row per session, to share with a clinician")
    fmt.add_argument(
        "--report", action="store_true", help="write a report for a clinician (PDF, or HTML), with a chart"
    )
    p.add_argument("--format", choices=("pdf", "html"), help="--report: pdf (default) or html; or from -o's suffix")
    p.add_argument("-o", "--output", metavar="FILE", help="--report: where to write it (default: backtui-report-DATE)")
    return p


def _areas(checkin: Any) -> str:
    return ", ".join(checkin.areas) if checkin is not None else ""


def _pain(session: Any) -> str:
    def one(checkin: Any) -> str:
        return "–" if checkin is None else str(checkin.pain)

    if session.before is None and session.after is None:
        return ""
    return f"{one(session.before)}→{one(session.after)}"


def _where(session: Any) -> str:
    before, after = _areas(session.before), _areas(session.after)
    if not before and not after:
        return ""
    if before == after:
        return before
    return f"{before or '–'} → {after or '–'}"


#: First characters that make a spreadsheet treat a cell as a formula (or strip it into one).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A CSV cell a spreadsheet will show as text: one starting like a formula gets a leading ``'``.

    A carriage return inside a cell becomes a line feed, so the writer quotes the cell
    and the row stays one record. Numbers stay numbers; JSON output keeps the raw text.
    """
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _checkin_json(checkin: Any) -> dict[str, Any] | None:
    if checkin is None:
        return None
    return {"pain": checkin.pain, "areas": list(checkin.areas), "note": checkin.note}


def run(args: argparse.Namespace) -> int:
    import sys
    from datetime import date

    from backtui.core import paths
    from backtui.core.terminal_text import printable

    since: date | None = None
    if args.since is not None:
        try:
            since = date.fromisoformat(args.since)
        except ValueError:
            print(printable(f"backtui: --since: expected a date like 2026-01-31, got {args.since!r}"), file=sys.stderr)
            return 1

    if args.report:
        from backtui.export.report_command import write_report

        return write_report(since, fmt=args.format, output=args.output)
    if args.format or args.output:
        print("backtui: --format and -o go with --report", file=sys.stderr)
        return 1

    path = paths.history_db_path()
    if not path.exists() and (problem := paths.home_problem()):
        print(printable(f"backtui: {problem}"), file=sys.stderr)
        return 1
    sessions: list[Any] = []
    steps: dict[int, list[Any]] = {}
    if path.exists():
        from backtui.core.history import HistoryUnavailable, open_history

        opened = open_history(path, readonly=True)  # reading and exporting never need to write
        if opened.history is None:
            print(printable(f"backtui: history unavailable: {opened.error}"), file=sys.stderr)
            return 1
        try:
            sessions = opened.history.sessions(since)
            if args.json:
                steps = opened.history.steps_since(since)
        except HistoryUnavailable as exc:
            print(printable(f"backtui: history unavailable: {exc}"), file=sys.stderr)
            return 1

    if args.json:
        from backtui.commands.output import print_json

        out = []
        for s in sessions:
            out.append(
                {
                    "id": s.id,
                    "routine": s.routine_name,
                    "routine_path": s.routine_path,
                    "started_at": s.started_at.isoformat(),
                    "ended_at": s.ended_at.isoformat() if s.ended_at else None,
                    "status": s.status,
                    "stopped_for_pain": s.stopped_for_pain,
                    "completed": s.completed,
                    "skipped": s.skipped,
                    "planned_s": s.planned_s,
                    "elapsed_s": s.elapsed_s,
                    "before": _checkin_json(s.before),
                    "after": _checkin_json(s.after),
                    "steps": [
                        {
                            "index": t.index,
                            "name": t.name,
                            "exercise": t.exercise,
                            "status": t.status,
                            "at": t.at.isoformat(),
                        }
                        for t in steps.get(s.id, ())
                    ],
                }
            )
        print_json(out)
        return 0

    if args.csv:
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(
            [
                "date", "started_at", "ended_at", "routine", "routine_path", "status", "stopped_for_pain",
                "completed", "skipped", "minutes", "planned_minutes", "pain_before", "pain_after",
                "areas_before", "areas_after", "note_before", "note_after",
            ]
        )  # fmt: skip
        for s in sessions:
            b, a = s.before, s.after
            row: list[object] = [
                s.started_at.date().isoformat(),
                s.started_at.isoformat(),
                s.ended_at.isoformat() if s.ended_at else "",
                s.routine_name,
                s.routine_path,
                s.status,
                "yes" if s.stopped_for_pain else "no",
                s.completed,
                s.skipped,
                round(s.elapsed_s / 60, 1),
                round(s.planned_s / 60, 1),
                "" if b is None else b.pain,
                "" if a is None else a.pain,
                "; ".join(b.areas) if b else "",
                "; ".join(a.areas) if a else "",
                b.note if b else "",
                a.note if a else "",
            ]
            writer.writerow([csv_cell(cell) for cell in row])
        return 0

    from backtui.commands.output import table

    if not sessions:
        print("No sessions recorded" + (f" since {since.isoformat()}." if since else " yet."))
        return 0
    rows = [
        [
            s.started_at.strftime("%Y-%m-%d %H:%M"),
            s.routine_name,
            s.status,
            s.completed,
            s.skipped,
            _pain(s),
            _where(s),
        ]
        for s in sessions
    ]
    print(table(["DATE", "ROUTINE", "STATUS", "DONE", "SKIPPED", "PAIN", "WHERE"], rows))
    print(f"\n{len(sessions)} session{'s' if len(sessions) != 1 else ''}.")
    return 0
