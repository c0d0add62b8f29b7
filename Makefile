# Two commands, from a fresh clone (README, "Quick start"):
#   make train   set everything up (a venv, torch's CPU build, fwdbwd and its dev tools), then train the classifier
#   make test    run every notebook as a test (what CI runs)
# The venv is .venv (VENV=dir to use another); `make setup` only sets it up.
VENV ?= .venv

.PHONY: train test setup
train: $(VENV)/.installed
	$(VENV)/bin/fwdbwd-train

test: $(VENV)/.installed
	$(VENV)/bin/nbdev_test

setup: $(VENV)/.installed

$(VENV)/.installed: settings.ini setup.py .ci/setup
	bash .ci/setup $(VENV)
	touch $@
