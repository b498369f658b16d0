# Two commands do all set-up: `make demo` and `make test`.
# Python 3.12 is required (spaCy's parser and NER run 2-2.5x faster there than on 3.11).
PY ?= $(shell for p in python3.12 $(HOME)/.pyenv/versions/3.12*/bin/python3.12 /usr/local/bin/python3.12 /usr/bin/python3.12; do "$$p" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' >/dev/null 2>&1 && { echo "$$p"; break; }; done)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test venv clean eval gate bench

$(BIN)/python:
	@if [ -z "$(PY)" ]; then echo "newsprism needs Python 3.12: install python3.12 (e.g. apt-get install python3.12 python3.12-venv, or pyenv install 3.12) and run again, or pass PY=/path/to/python3.12" >&2; exit 1; fi
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 12) else "$(PY) is not Python 3.12")'
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $@

venv: $(VENV)/.installed

demo: venv
	$(BIN)/newsprism analyze examples/demo --out out/demo --db out/demo/newsprism.db

test: venv
	$(BIN)/python -m pytest -q

$(VENV)/.eval-installed: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[dev,heideltime]'
	@touch $@

eval: venv $(VENV)/.eval-installed
	$(BIN)/python eval/run_all.py

gate: venv
	$(BIN)/python eval/gate.py --show

bench: venv
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) out .pytest_cache
