"""newsprism's accuracy harness: every task on every annotated corpus, tune and check splits, baselines.

`make eval` (eval/run_all.py) runs it and writes docs/accuracy.md; eval/gate.py
runs a small fixed sample of check items against stored floors inside `make test`.
"""
