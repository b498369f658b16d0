"""The scorers, each written once and tested on small hand-made cases (tests/eval)."""
