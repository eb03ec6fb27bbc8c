"""Reminders: a routine as recurring calendar events, at the frequency its sources recommend.

``schedule`` reads the sources' ``Frequency``: the most days a week any of them asks for
(every day when one gives sessions a day but no days), and the sessions a day of each
source's first recommendation (the larger low end wins: Verywell's "three to four times a
day while you have pain" gives 3). ``--at`` times replace the spread times.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from backtui.core.model import Source
from backtui.export.escape import clean
from backtui.export.handout import Handout

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
#: Reminders spread over the day fall between these times.
DAY_START = time(8, 0)
DAY_END = time(20, 0)


@dataclass(frozen=True)
class Schedule:
    times: tuple[time, ...]
    days_per_week: int
    reason: str  # which sources, in one line, for the description

    @property
    def byday(self) -> tuple[str, ...]:
        """The weekdays for ``days_per_week`` spread over the week (all seven for a daily routine)."""
        n = self.days_per_week
        return tuple(WEEKDAYS[round(i * 7 / n)] for i in range(n))


def spread(count: int) -> tuple[time, ...]:
    """``count`` times from 08:00 to 20:00, evenly apart (one: 08:00)."""
    if count <= 1:
        return (DAY_START,)
    start = DAY_START.hour * 60 + DAY_START.minute
    span = DAY_END.hour * 60 + DAY_END.minute - start
    return tuple(time(*divmod(start + round(i * span / (count - 1)), 60)) for i in range(count))


def schedule(sources: list[Source], at: tuple[time, ...] = ()) -> Schedule:
    """How often to remind, from the sources' recommendations (once a day when they give none)."""
    days: int | None = None
    per_day = 0
    said: list[str] = []
    for source in sources:
        for freq in source.frequency:
            if freq.days_per_week is not None:
                days = max(days or 0, freq.days_per_week)
        if source.frequency:
            said.append(f"{source.publisher or source.title}: {source.frequency[0].text}")
            first = source.frequency[0]
            if first.sessions_per_day is not None:
                per_day = max(per_day, first.sessions_per_day[0])
                if days is None:
                    days = 7
    reason = " ".join(said) if said else "The sources give no frequency; one reminder a day."
    times = tuple(sorted(at)) if at else spread(max(per_day, 1))
    return Schedule(times, days or 7, reason)


def parse_times(text: str) -> tuple[time, ...]:
    """``08:00,13:00,18:30`` as times; raises ``ValueError`` naming the one it can't read."""
    found = []
    for part in text.split(","):
        part = part.strip()
        try:
            hours, minutes = part.split(":")
            found.append(time(int(hours), int(minutes)))
        except ValueError:
            raise ValueError(f"expected times like 08:00,13:00, got {part!r}") from None
    return tuple(sorted(set(found)))


def _brief(handout: Handout) -> str:
    lines = [f"{s.number}. {s.name}: {s.dosage}" for s in handout.steps]
    return "\n".join(clean(line) for line in lines)


def render(handout: Handout, plan: Schedule, *, start: date, now: datetime | None = None) -> bytes:
    """An iCalendar file with one recurring event per time of day."""
    from icalendar import Alarm, Calendar, Event, vRecur

    cal = Calendar()
    cal.add("prodid", "-//backtui//export//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", clean(f"backtui: {handout.name}"))
    minutes = max(5, -(-(handout.total_s or 0) // 60))
    stamp = now or datetime.now().astimezone()
    description = [clean(handout.description)] if handout.description else []
    description += [_brief(handout), clean(plan.reason)]
    if handout.command:
        description.append(f"Run it: {clean(handout.command)}")
    if plan.days_per_week != 7:  # the first event on one of the chosen weekdays
        while WEEKDAYS[start.weekday()] not in plan.byday:
            start += timedelta(days=1)
    key = hashlib.sha256(clean(handout.name).encode("utf-8")).hexdigest()[:16]
    for moment in plan.times:
        event = Event()
        event.add("uid", f"{key}-{moment:%H%M}@backtui")
        event.add("dtstamp", stamp)
        event.add("summary", clean(f"Back exercises: {handout.name}"))
        begin = datetime.combine(start, moment)  # floating local time: the calendar's own time zone
        event.add("dtstart", begin)
        event.add("dtend", begin + timedelta(minutes=minutes))
        rule: dict[str, object] = {"freq": "daily"} if plan.days_per_week == 7 else {"freq": "weekly"}
        if plan.days_per_week != 7:
            rule["byday"] = list(plan.byday)
        event.add("rrule", vRecur(rule))
        event.add("description", "\n\n".join(d for d in description if d))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", clean(f"Time for {handout.name}"))
        alarm.add("trigger", timedelta(0))
        event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())
