"""Spreadsheet exchange: the Liaison workbook format, its writer (export) and, later, its reader
(import). openpyxl is imported only inside the functions that need it, so the command line and
the app start without it."""
