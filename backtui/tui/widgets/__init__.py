"""Small reusable widgets, each posting its own messages."""
