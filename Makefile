# Two commands, from a fresh clone (README, "Quick start"):
#   make train   set everything up (a venv, torch's CPU build, fwdbwd and its dev tools), then train the classifier
#   make test    run every notebook as a test (what CI runs)
# The venv is .venv (VENV=dir to use another); `make setup` only sets it up. The checks CI runs besides (.ci/run):
#   make outputs     the committed outputs are what a fresh top-to-bottom run prints (nbval; .ci/nbval_nbdev.py)
#   make deps        runtime requirements = what fwdbwd imports, dev tools apart (deptry, on settings.ini's lists)
#   make imports     the course order of the modules (import-linter; the contract is in pyproject.toml)
#   make kernelspec  give every notebook the Python kernelspec (JupyterLab opens them on it); CI checks it is there
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: train test setup outputs deps imports kernelspec
train: $(VENV)/.installed
	$(BIN)/fwdbwd-train

test: $(VENV)/.installed
	$(BIN)/nbdev_test

setup: $(VENV)/.installed

# torch first: the CPU build from PyTorch's own index where this machine reaches it within 3 s; otherwise, at once,
# torch==2.13.0 from the usual index and the local wheels pip is configured with (on Linux x86, PyPI's torch is the
# CUDA build, GBs). Then fwdbwd with its dev tools.
$(VENV)/.installed: settings.ini setup.py
	@[ -x $(BIN)/python ] || python3 -m venv $(VENV)
	@if $(BIN)/python -c "import torch, sys; sys.exit(tuple(map(int, torch.__version__.split('+')[0].split('.')[:2])) < (2, 13))" \
		2>/dev/null; then echo "setup: torch $$($(BIN)/python -c 'import torch; print(torch.__version__)') is already in $(VENV)"; \
	elif $(BIN)/python -c "import urllib.request; urllib.request.urlopen('https://download.pytorch.org/whl/cpu/torch/', timeout=3)" \
		2>/dev/null; then echo "setup: torch's CPU build from download.pytorch.org"; \
		$(BIN)/python -m pip install -q "torch>=2.13" --index-url https://download.pytorch.org/whl/cpu; \
	else echo "setup: download.pytorch.org cannot be reached: torch==2.13.0 from the usual index"; \
		$(BIN)/python -m pip install -q torch==2.13.0; fi
	@echo "setup: installing fwdbwd and its dev tools into $(VENV)"
	PIP_DISABLE_PIP_VERSION_CHECK=1 $(BIN)/python -m pip install -q -e ".[dev]"
	@$(BIN)/python -c "import torch, fwdbwd; print(f'setup: done: torch {torch.__version__}, fwdbwd {fwdbwd.__version__} in $(VENV)')"
	touch $@

# two notebooks at a time (pytest-xdist), each in its own kernel
outputs: $(VENV)/.installed
	PYTHONPATH=$(CURDIR)/.ci$${PYTHONPATH:+:$$PYTHONPATH} $(BIN)/python -m pytest -p nbval_nbdev -p no:cacheprovider --nbval --nbval-current-env \
		--nbval-sanitize-with .ci/nbval_sanitize.cfg -n 2 --dist loadfile nbs/

# deptry reads a project's requirements from pyproject.toml or requirements files; nbdev keeps them in settings.ini
# (setup.py passes them to setuptools), so they are written out as requirements files first. execnb: imported by
# fwdbwd.exercises inside try/except ImportError, with a message saying to install it (a dev tool).
deps: $(VENV)/.installed
	@d=$$(mktemp -d) && $(BIN)/python -c "import configparser, sys; c = configparser.ConfigParser(delimiters=['=']); \
		c.read('settings.ini'); [open(f'$$d/{k}.txt', 'w').write('\n'.join(c['DEFAULT'][k].split())) \
		for k in ('requirements', 'dev_requirements')]" && \
	$(BIN)/deptry fwdbwd --config $$d/none.toml --known-first-party fwdbwd --per-rule-ignores DEP004=execnb \
		--requirements-files $$d/requirements.txt --requirements-files-dev $$d/dev_requirements.txt; \
	rc=$$?; rm -rf $$d; exit $$rc

imports: $(VENV)/.installed
	$(BIN)/lint-imports --no-cache

kernelspec:
	python3 .ci/check_notebooks.py --set-kernelspec
