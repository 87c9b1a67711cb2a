"""`python -m booklet` -> the command line."""

import os

try:
    from booklet.cli import main
except KeyboardInterrupt:  # Ctrl-C while Python is still loading the command line
    os._exit(130)

main(prog_name="booklet")
