"""Liaison's data layer: everything that works without a screen.

This package never imports ``desktop`` or Qt (checked by import-linter in CI).
"""

__version__ = "0.1.0"
