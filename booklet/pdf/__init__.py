"""The printed booklet, laid out and written with ReportLab."""

from booklet.pdf.deferred_patterns import import_reportlab_paragraphs

import_reportlab_paragraphs()  # first: every module here imports ReportLab's text modules
