"""Figures booklet draws itself: posed people and anatomy, as vector shapes."""

from booklet.pdf import reportlab_settings  # noqa: F401  (before ReportLab's drawing modules)
