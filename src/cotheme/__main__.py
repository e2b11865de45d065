"""``python -m cotheme`` runs the command line."""

from cotheme.cli.main import run

run()
