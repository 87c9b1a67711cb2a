"""Figures booklet draws itself: posed people and anatomy, as vector shapes."""

from booklet import rl_setup  # noqa: F401  (before ReportLab's drawing modules)
