# The two commands of the README:
#   make build   set up (first time only), check the archive, build the site (and later the book)
#   make test    set up (first time only), run all tests (in parallel, one worker per CPU core)
#   make test-quick   the everyday tier: all but the tests that typeset a whole book or drive a browser
# Set-up installs missing Debian packages (as root, via apt-get), creates .venv and installs the
# locked Python dependencies; it is skipped when nothing it depends on has changed.

VENV   := .venv
STAMP  := $(VENV)/.zhi-setup

.PHONY: build test test-quick lint setup lock clean

build: $(STAMP)
	$(VENV)/bin/zhi build

# pytest-xdist: one worker per core; --dist loadfile keeps a file's tests (and its module fixtures, built
# once) on one worker; the sample build is shared by all workers (tests/conftest.py, shared_once).
PYTEST_PARALLEL := -n auto --dist loadfile

test: $(STAMP)
	$(VENV)/bin/python -m pytest $(PYTEST_PARALLEL)

test-quick: $(STAMP)
	ZHI_QUICK_TESTS=1 $(VENV)/bin/python -m pytest $(PYTEST_PARALLEL) -m "not slow"

# Lint with the project's ruff settings (pyproject.toml); ruff's version is pinned in requirements.lock.
lint: $(STAMP)
	$(VENV)/bin/ruff check scripts tests

setup: $(STAMP)

$(STAMP): scripts/setup.sh scripts/system-packages.txt requirements.lock pyproject.toml
	sh scripts/setup.sh

# Re-pin the Python dependencies after changing pyproject.toml (developers only).
lock:
	rm -rf /tmp/zhi-lock && python3.11 -m venv /tmp/zhi-lock && /tmp/zhi-lock/bin/pip install -q '.[test,zensical]' \
	  && /tmp/zhi-lock/bin/pip freeze --exclude zhi > requirements.lock

clean:
	rm -rf site .cache
