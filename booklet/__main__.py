"""`python -m booklet` -> the command line."""

from booklet.cli import main

main()
