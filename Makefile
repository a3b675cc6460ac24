# mnistlab: two commands for learners (make lab, make test) and a few for maintainers.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8888

# Notebooks in the order of the series (ASCII names sort in lesson order).
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))

.PHONY: lab test test-fast notebooks bench model screenshots slides lint clean help

help:
	@echo "make lab         - 환경을 준비하고 JupyterLab에서 시리즈를 엽니다"
	@echo "make test        - 환경을 준비하고 모든 테스트(단위·위젯·노트북·브라우저)를 실행합니다"
	@echo "make test-fast   - 브라우저 테스트를 빼고 빠르게 테스트합니다"
	@echo "make notebooks   - 모든 노트북을 새 커널에서 순서대로 다시 실행해 저장합니다"
	@echo "make bench       - benchmarks/ 의 측정 스크립트를 실행합니다"
	@echo "make model       - resources/models/ 의 학습된 신경망을 다시 만듭니다"
	@echo "make screenshots - README용 화면 캡처를 다시 만듭니다"
	@echo "make slides      - 노트북마다 인터넷 없이 열리는 reveal.js 슬라이드를 slides/ 에 만듭니다"

# The virtual environment is rebuilt when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { \
		echo "가상환경을 만들 수 없습니다. Debian/Ubuntu 라면 'sudo apt-get install python3-venv' 후 다시 실행하세요."; \
		rm -rf $(VENV); exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $@

$(VENV)/.installed-bench: $(VENV)/.installed-test
	$(PY) -m pip install --quiet -e ".[test,bench]"
	@touch $@

# Jupyter refuses to run as root unless told; containers and CI often are root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

# Bound to this machine only; Jupyter's token authentication stays on.
lab: $(VENV)/.installed
	$(PY) -m jupyter lab --ip=127.0.0.1 --port=$(PORT) --ServerApp.root_dir=notebooks $(ALLOW_ROOT)

test: $(VENV)/.installed-test
	$(PY) -m pytest

test-fast: $(VENV)/.installed-test
	$(PY) -m pytest --ignore=tests/browser

notebooks: $(VENV)/.installed-test
	@for nb in $(NOTEBOOKS); do \
		echo "실행: $$nb"; \
		$(PY) -m jupyter nbconvert --to notebook --execute --inplace \
			--ExecutePreprocessor.timeout=600 --ExecutePreprocessor.kernel_name=python3 \
			"$$nb" || exit 1; \
	done

bench: $(VENV)/.installed-bench
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

model: $(VENV)/.installed
	$(PY) -m mnistlab.train_network

screenshots: $(VENV)/.installed-test
	MNISTLAB_SCREENSHOTS=resources/screenshots $(PY) -m pytest tests/browser -q -k every_widget_factory

# Static reveal.js decks with every asset in slides/lib/ (npm, once): they open offline.
# Live slides with working widgets: RISE in JupyterLab (installed by `make lab`).
slides: $(VENV)/.installed
	$(PY) -m mnistlab.slides slides

lint: $(VENV)/.installed-test
	$(PY) -m ruff check mnistlab tests benchmarks

clean:
	rm -rf $(VENV) build *.egg-info
