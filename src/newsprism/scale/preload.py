"""Imported once by the local pool's fork server: load what every worker needs before any worker exists.

The fork server (``multiprocessing`` start method "forkserver") is a clean
single-threaded process that forks each pool worker; whatever it has loaded
the workers inherit, so the work below is done once per run instead of once
per worker, while the driver is still ingesting, and its memory pages are
shared until written:

- the spaCy pipeline (about 3.5 CPU seconds);
- the module the worker tasks live in (``newsprism.scale.tasks`` pulls in
  the extractors, the cross-check and the report);
- dateparser's first parse, which compiles its time-zone and locale
  patterns (0.3-0.8 s).

Last, everything loaded is frozen out of the garbage collector's reach
(``gc.freeze``, as Python's documentation advises before forking without
exec): a worker's collections no longer walk the model's objects, nor write
to their pages, which the workers then keep sharing instead of copying.

Importing this module is its whole job.
"""

from __future__ import annotations

import gc

import newsprism.scale.tasks  # noqa: F401 - imported for the workers to inherit
from newsprism.nlp.pipeline import load_pipeline
from newsprism.nlp.temporal import warm_up_dateparser

try:
    load_pipeline()
except Exception:  # noqa: BLE001 - a worker loading it again raises the same error, with its message
    pass
warm_up_dateparser()
gc.freeze()
