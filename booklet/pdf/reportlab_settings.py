"""booklet's process-wide ReportLab settings, applied before any ReportLab drawing module
is imported (the figures and layout packages import this module first)."""

from __future__ import annotations

from reportlab import rl_config

# Shapes are built only by booklet's own code, from validated figures; checking every
# attribute as it is set costs a tenth of a cold build, and the shapes module reads this
# flag when it is imported.
rl_config.shapeChecking = 0
rl_config.useA85 = 0  # plain binary streams: smaller files, same bytes every time
