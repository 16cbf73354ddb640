# Trade Talks Monitor: `make run` serves the dashboard, `make test` runs the tests.
# Works from a fresh Debian machine with Python 3.11, as root.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STORE  ?= store
PORT   ?= 8501

.PHONY: run install install-test browser demo test test-fast bench screenshots clean

$(PY):
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); apt-get update -qq && \
	  apt-get install -y -qq python3-venv python3-pip && $(PYTHON) -m venv $(VENV); }

$(VENV)/.installed: requirements.txt | $(PY)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-test.txt
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test browser

# Debian's own Chromium and its driver: browser tests never download a browser.
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; fi

demo: install
	$(PY) -m pipeline demo --store $(STORE)

run: demo
	$(PY) -m streamlit run app.py --server.port $(PORT) -- --store $(STORE)

test: install-test
	$(PY) -m pytest -q

# The inner loop: every test but those that start a server, drive Chromium or run the slow trials.
test-fast: $(VENV)/.installed-test
	$(PY) -m pytest -q -m "not browser and not server and not slow"

bench: install
	$(PY) benchmarks/ingest.py
	$(PY) benchmarks/app.py
	$(PY) benchmarks/faults.py
	$(PY) benchmarks/copies.py

screenshots: install-test
	$(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache
