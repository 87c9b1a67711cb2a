"""The model -> ReportLab flowables, one module per document, with shared blocks."""
