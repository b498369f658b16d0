"""Ingestion: one module per input format, all producing ``Article``."""

from newsprism.ingest.sources import IngestFailure, IngestOptions, ingest_inputs

__all__ = ["IngestFailure", "IngestOptions", "ingest_inputs"]
