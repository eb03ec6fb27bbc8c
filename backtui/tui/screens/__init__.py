"""Screens: one module each, with its own styles and messages."""
