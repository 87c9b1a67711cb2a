"""`python -m booklet` -> the command line."""

from booklet.cli import main

main(prog_name="booklet")
