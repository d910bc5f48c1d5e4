# Two commands do everything on a fresh machine (Python 3.11, pip, make):
#   make reports   regenerate reports/ from seeds/ (creates .venv when missing)
#   make test      run the whole test suite (pytest for lib/, nbval for notebooks/)
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)
# The optional extras `make bench` needs (spaCy, psutil, dask, sentence embeddings), same pins.
BENCH_STAMP := $(VENV)/.bench-installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)

# `make diff BASE=main` summarises what changed in reports/ since BASE (a revision or a folder).
BASE ?= main

# `make reports CORPUS=path/to/corpus OUT=path/to/out` runs another corpus. CODEBOOK defaults to
# <corpus>/codebook.yml when there is one; PARAMS is a YAML file of extra notebook parameters.
CORPUS ?= seeds
OUT ?= reports
CODEBOOK ?=
PARAMS ?=
SHOW_CODE ?=
# ENGINE=processes|dask|tcp://host:8786 runs the per-document stages elsewhere (default: in the notebook's kernel).
ENGINE ?=

# Third-party corpora for benchmarks, read in place (never copied into the repository).
DATA ?= ../shared/data

# `make codebook CORPUS=path DRAFT=draft.yml` drafts a codebook from a corpus nobody has coded.
DRAFT ?= draft.yml

.PHONY: help install reports test check lint diff lab bench bench-install lock clean codebook

help:
	@echo "make reports   run every notebook on $(CORPUS) and render $(OUT)/ (HTML, tables, figures)"
	@echo "make test      ruff, then pytest for lib/ and nbval for notebooks/ (everything CI runs)"
	@echo "make check     the fast tier: ruff and the unit tests, no pipeline runs (under a minute)"
	@echo "make codebook  draft a codebook for CORPUS into DRAFT (most-quoted speakers, sides, media, claim)"
	@echo "make diff      what changed in $(OUT)/ since BASE=$(BASE) (Markdown for a pull request)"
	@echo "make lab       JupyterLab at the repository root (notebooks run there write build/lab/)"
	@echo "make bench     benchmarks on $(DATA) (PolNeAR, Reuters-21578, AllSides, BASIL); results in bench/results/"
	@echo "               (installs the optional extras first: make bench-install)"
	@echo "make lock      re-resolve requirements.lock from pyproject.toml"

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -c 'import sys; v = sys.version_info[:2]; sys.exit(0 if v == (3, 11) else f"Python 3.11 is needed, $(VENV) has {v[0]}.{v[1]}: remove $(VENV) and run make PYTHON=/path/to/python3.11")'
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	@# Build matplotlib's font cache now: its one-time notice on stderr would otherwise land in notebook outputs.
	$(PY) -c 'import matplotlib.pyplot'
	@# nbdime's git drivers, by absolute path: `git diff` on a notebook then works outside the venv too.
	@if git rev-parse --git-dir >/dev/null 2>&1; then \
		git config diff.jupyternotebook.command "$(abspath $(VENV))/bin/git-nbdiffdriver diff"; \
		git config merge.jupyternotebook.driver "$(abspath $(VENV))/bin/git-nbmergedriver merge %O %A %B %L %P"; \
		git config merge.jupyternotebook.name "jupyter notebook merge driver"; fi
	@rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

reports: $(STAMP)
	$(PY) -m newsframe run --corpus '$(CORPUS)' --out '$(OUT)' \
		$(if $(CODEBOOK),--codebook '$(CODEBOOK)') $(if $(PARAMS),--params '$(PARAMS)') $(if $(SHOW_CODE),--show-code) $(if $(ENGINE),--engine '$(ENGINE)')
	@# The default run (seeds -> reports) also refreshes the README's findings blocks from its tables.
	$(if $(and $(filter seeds,$(CORPUS)),$(filter reports,$(OUT)),$(if $(CODEBOOK)$(PARAMS),,yes)),$(PY) tools/readme.py reports)

codebook: $(STAMP)
	$(PY) -m newsframe codebook --corpus '$(CORPUS)' --out '$(DRAFT)' $(if $(ENGINE),--engine '$(ENGINE)')

test: $(STAMP) lint
	$(PY) -m pytest

# The fast tier (under a minute): lint, then the library's unit tests without pipeline runs,
# notebooks or the browser. `make test` runs everything.
check: $(STAMP) lint
	$(PY) -m pytest tests -q -m "not slow and not browser" -p no:cacheprovider

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# JupyterLab at the repository root (notebooks/, reports/, seeds/ all reachable). Notebooks run here
# write to build/lab/, never to the committed reports/ (see lib/newsframe/paths.py).
diff: $(STAMP)
	@$(PY) -m newsframe diff '$(BASE)' '$(OUT)'

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=. $(if $(filter 0,$(shell id -u)),--allow-root)

$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev,dask,bench,semantic]'
	@rm -f $(VENV)/.bench-installed-* && touch $@

bench-install: $(BENCH_STAMP)

# Each script writes one bench/results/*.json; summarise.py turns them into the README's tables.
bench: $(BENCH_STAMP)
	$(PY) bench/attribution_polnear.py --data '$(DATA)/polnear' --out bench/results/attribution_polnear.json
	$(PY) bench/segmenters_polnear.py --data '$(DATA)/polnear' --out bench/results/segmenters_polnear.json
	$(PY) bench/speakers.py --data '$(DATA)' --out bench/results/speakers.json
	$(PY) bench/reports_floor.py --out bench/results/reports_floor.json
	$(PY) bench/throughput_vs_spacy.py --data '$(DATA)/reuters21578' --out bench/results/throughput_vs_spacy.json
	$(PY) bench/cluster_scale.py --out bench/results/cluster_scale.json
	$(PY) bench/cluster_compare.py --out bench/results/cluster_comparison.json
	$(PY) bench/stories_basil.py --data '$(DATA)/basil' --out bench/results/stories_basil.json
	$(PY) bench/claims_basil.py --data '$(DATA)/basil' --out bench/results/claims_basil.json
	$(PY) -m newsframe run --corpus '$(DATA)/allsides/allsides_world.jsonl.gz' --out build/allsides --build build/allsides-notebooks --engine processes
	$(PY) bench/contradictions_allsides.py --run build/allsides --out bench/results/contradictions_allsides.json
	$(PY) bench/scale_sweep.py --data '$(DATA)/reuters21578' --out bench/results/scale_sweep.json
	$(PY) bench/pathological.py --out bench/results/pathological.json
	$(PY) bench/real_corpora.py --data '$(DATA)' --out bench/results/real_corpora.json
	$(PY) bench/summarise.py

# Re-resolve the pins: newest versions that satisfy pyproject.toml, every extra, in a throw-away
# venv. torch is pinned without the local CPU wheel's "+cpu" label, as pyproject.toml pins it.
lock:
	rm -rf build/lock-venv && $(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/pip install --quiet -e '.[dev,dask,bench,semantic]'
	{ echo "# Exact versions for every install (pip constraints). Generated by 'make lock' from pyproject.toml;"; \
	  echo "# edit dependencies there, not here."; \
	  build/lock-venv/bin/pip freeze --exclude-editable | grep -v '^newsframe' | sed 's/^\(torch==[^+]*\)+.*/\1/'; } > requirements.lock
	rm -rf build/lock-venv

clean:
	rm -rf build .pytest_cache .hypothesis
