"""``python -m backtui``."""

from backtui.cli import main

raise SystemExit(main())
