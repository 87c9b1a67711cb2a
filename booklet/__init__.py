"""booklet: structured YAML content -> printed patient-education booklets (PDF)."""

__version__ = "0.1.0"
