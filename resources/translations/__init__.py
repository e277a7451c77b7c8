"""Translation catalogs (docs/TRANSLATION.md)."""
