"""The `liaison` command line: db/cli/main.py parses and runs a command; `desktop.entry` hands
commands here without importing Qt."""
