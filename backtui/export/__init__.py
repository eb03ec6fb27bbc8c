"""Routines and history out of backtui: handouts (Markdown, HTML, PDF), calendar reminders, clinician reports.

No Textual here. ``handout.build`` and ``report.build`` gather the facts (from the
routine, the library and the history, nothing else); one module per format renders them,
escaping every piece of outside text for that format.
"""
