"""Imported once by the local pool's fork server: load the spaCy pipeline before any worker exists.

The fork server (``multiprocessing`` start method "forkserver") is a clean
single-threaded process that forks each pool worker; whatever it has loaded
the workers inherit, so the pipeline is read from disk once per run instead
of once per worker (about 3.5 CPU seconds each) and its memory pages are
shared until written. Importing this module is its whole job.
"""

from __future__ import annotations

from newsprism.nlp.pipeline import load_pipeline

try:
    load_pipeline()
except Exception:  # noqa: BLE001 - a worker loading it again raises the same error, with its message
    pass
