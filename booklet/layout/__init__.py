"""The model -> ReportLab flowables, one module per document, with shared blocks."""

from booklet import rl_setup  # noqa: F401  (before ReportLab's drawing modules)
