"""The tablet view: backtui in a web page, served by textual-serve."""
