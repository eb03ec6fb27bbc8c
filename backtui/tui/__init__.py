"""backtui's Textual interface: a layer over ``backtui.core``."""
