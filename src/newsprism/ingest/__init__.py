"""Ingestion: one module per input format, all producing ``Article``.

``ingest_inputs`` walks files, folders and URLs; ``mark_duplicates`` marks
near-duplicate copies; ``infer_missing_years`` dates year-less reports from
their batch; ``ingest_into_store`` (in ``ingest.run``) streams all of it
into the store.
"""

from newsprism.ingest.dedup import DuplicateIndex, mark_duplicates
from newsprism.ingest.items import IngestFailure, Ingested, IngestOptions
from newsprism.ingest.published import infer_missing_years
from newsprism.ingest.sources import ingest_inputs, ingest_items

__all__ = ["DuplicateIndex", "IngestFailure", "IngestOptions", "Ingested", "infer_missing_years", "ingest_inputs",
           "ingest_items", "mark_duplicates"]
