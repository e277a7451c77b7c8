"""Service functions: plain values in, frozen dataclasses out; each owns its transaction.
One module per aggregate."""
