# mnistlab: two commands for learners (make lab, make test) and a few for maintainers.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip install --quiet
PORT   ?= 8888

# Notebooks in the order of the series (ASCII names sort in lesson order).
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))

.PHONY: lab update test test-fast notebooks bench model screenshots slides html handouts lint browser clean help \
	labextension labextension-rise

help:
	@echo "make lab         - 환경을 준비하고 JupyterLab에서 시리즈를 엽니다"
	@echo "make update      - 시리즈를 새 버전으로 받습니다(git pull). my-notebooks/ 의 내 작업은 그대로 둡니다"
	@echo "make test        - 환경을 준비하고 모든 테스트(단위·위젯·노트북·설치·브라우저)를 실행합니다"
	@echo "make test-fast   - 브라우저 테스트와 설치(wheel) 테스트를 빼고 빠르게 테스트합니다"
	@echo "make browser     - 브라우저 테스트용 Chromium 을 Playwright 로 내려받습니다(인터넷 필요)"
	@echo "make notebooks   - 모든 노트북을 새 커널에서 순서대로 다시 실행해 저장합니다"
	@echo "make bench       - benchmarks/ 의 측정 스크립트를 실행합니다"
	@echo "make model       - resources/models/ 의 학습된 신경망을 다시 만듭니다"
	@echo "make screenshots - README용 화면 캡처를 다시 만듭니다"
	@echo "make slides      - 노트북마다 인터넷 없이 열리는 reveal.js 슬라이드를 slides/ 에 만듭니다"
	@echo "make html        - 노트북마다 인터넷 없이 열리는 웹 페이지(수식·한국어 그림 설명 포함)를 html/ 에 만듭니다"
	@echo "make handouts    - 노트북마다 A4 학습지 PDF(학생용, 교사용 정답 포함)를 handouts/ 에 만듭니다"
	@echo "make labextension - JupyterLab 확장(labextension/)을 다시 빌드해 mnistlab/labextension/ 에 둡니다(npm 필요)"
	@echo "make labextension-rise - labextension-rise/ 를 고친 뒤 그 빌드(prebuilt/)를 다시 만듭니다(Node.js, npm)"
	@echo "make clean       - 가상환경(.venv)과 빌드 파일을 지웁니다(다음 make 때 새로 만듭니다)"
	@echo "make classroom   - (root) 한 대의 서버에서 반 전체를 위한 JupyterHub 를 실행합니다 (README 의 수업 서버)"
	@echo "make classroom-image - (root) 학생 서버 컨테이너 이미지(podman)를 Debian 패키지와 mnistlab wheel 로 만듭니다"
	@echo "make student NAME=kim / make teacher NAME=lee / make student-remove NAME=kim - 수업 계정"

# Python 3.11 or newer. A .venv made by an older (or since removed) Python is
# rebuilt with $(PYTHON) instead of failing the same way forever.
PY_IS_NEW_ENOUGH := -c 'import sys; sys.exit(sys.version_info < (3, 11))'
define NEED_PYTHON
  - Debian/Ubuntu/WSL: sudo apt-get install python3.11 python3.11-venv  (또는 더 새 버전)
  - macOS: brew install python@3.12  (또는 https://www.python.org/downloads/ 의 설치 파일)
  그 다음 그 Python 을 지정해 다시 실행하세요: make PYTHON=python3.11 lab
endef
export NEED_PYTHON

# A .venv whose Python is too old or gone (e.g. uninstalled) is set up again.
ifneq ($(wildcard $(VENV)/.installed),)
ifneq ($(shell $(PY) $(PY_IS_NEW_ENOUGH) 2>/dev/null && echo ok),ok)
$(shell rm -f $(VENV)/.installed)
endif
endif

# The virtual environment is rebuilt when pyproject.toml or setup.py changes, or a
# prebuilt JupyterLab extension (the install copies them to .venv/share/jupyter). pip's
# output goes to .venv/install.log (shown only on failure), so it does not bury the
# JupyterLab address under setuptools' editable-install warning.
$(VENV)/.installed: pyproject.toml setup.py mnistlab/labextension/package.json \
		labextension-rise/prebuilt/package.json
	@if [ -e $(VENV) ] && ! $(PY) $(PY_IS_NEW_ENOUGH) 2>/dev/null; then \
		echo "기존 .venv 는 Python 3.11 이상으로 만들어지지 않았습니다: 지우고 새로 만듭니다."; \
		rm -rf $(VENV); fi
	@test -x $(PY) || $(PYTHON) $(PY_IS_NEW_ENOUGH) 2>/dev/null || { \
		echo "Python 3.11 이상이 필요합니다. 지금 '$(PYTHON)': $$(command -v $(PYTHON) >/dev/null && $(PYTHON) --version 2>&1 || echo 찾을 수 없음)"; \
		echo "$$NEED_PYTHON"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { \
		echo "가상환경을 만들 수 없습니다. Debian/Ubuntu 라면 'sudo apt-get install python3-venv' 후 다시 실행하세요."; \
		rm -rf $(VENV); exit 1; }
	@echo "패키지를 설치합니다(처음 한 번은 1~2분; 기록: $(VENV)/install.log)"
	@$(PIP) --upgrade pip >$(VENV)/install.log 2>&1 && $(PIP) -e . >>$(VENV)/install.log 2>&1 \
		|| { tail -n 30 $(VENV)/install.log; echo "설치에 실패했습니다: 위 기록(전체는 $(VENV)/install.log)을 확인하세요."; exit 1; }
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	@$(PIP) -e ".[test]" >>$(VENV)/install.log 2>&1 \
		|| { tail -n 30 $(VENV)/install.log; echo "테스트용 패키지 설치에 실패했습니다($(VENV)/install.log)."; exit 1; }
	@touch $@

$(VENV)/.installed-bench: $(VENV)/.installed-test
	@$(PIP) -e ".[test,bench]" >>$(VENV)/install.log 2>&1 \
		|| { tail -n 30 $(VENV)/install.log; echo "측정용 패키지 설치에 실패했습니다($(VENV)/install.log)."; exit 1; }
	@touch $@

# JupyterLab's defaults for this environment only: no first-run pop-up asking
# about Jupyter news, no update check (the class may well be offline), and the menus
# in Korean (the language pack jupyterlab-language-pack-ko-KR; English is one setting
# away: Settings → Language → English, kept in the learner's own settings).
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json
$(LAB_SETTINGS): $(VENV)/.installed Makefile
	@mkdir -p $(dir $@)
	@printf '%s\n' '{"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}, "@jupyterlab/translation-extension:plugin": {"locale": "ko_KR"}}' > $@

# Jupyter refuses to run as root unless told; containers and CI often are root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

# Bound to this machine only; Jupyter's token authentication stays on.
# Learners work in my-notebooks/ (their copies, not tracked by git: see tools/lab.py), and the
# terminal shows one Korean line with the address instead of Jupyter's log.
lab: $(VENV)/.installed $(LAB_SETTINGS)
	@$(PY) tools/lab.py --port=$(PORT) $(ALLOW_ROOT)

# A new version of the series (git pull) that keeps the learner's work in my-notebooks/.
update: $(VENV)/.installed
	@$(PY) tools/lab.py update

test: $(VENV)/.installed-test
	$(PY) -m pytest

test-fast: $(VENV)/.installed-test
	$(PY) -m pytest --ignore=tests/browser --ignore=tests/test_wheel.py

# Playwright's own Chromium (downloaded from Playwright's servers). Without
# internet use the system's: see README, '브라우저 테스트'.
browser: $(VENV)/.installed-test
	@$(PY) -m playwright install chromium || { \
		echo "Chromium 을 내려받지 못했습니다. 대신 시스템의 브라우저를 설치하세요:"; \
		echo "  Debian/Ubuntu/WSL: sudo apt-get install chromium fonts-nanum   (Ubuntu: chromium-browser)"; \
		echo "  macOS: Google Chrome 설치 (또는 brew install --cask chromium)"; exit 1; }

# Executed in order from fresh kernels; a widget state saved by an earlier run (that no output
# refers to any more) is dropped, so only the outputs' PNG snapshots remain.
notebooks: $(VENV)/.installed-test
	@for nb in $(NOTEBOOKS); do \
		echo "실행: $$nb"; \
		$(PY) -m jupyter nbconvert --to notebook --execute --inplace \
			--ExecutePreprocessor.timeout=600 --ExecutePreprocessor.kernel_name=python3 \
			--ExecutePreprocessor.store_widget_state=False \
			"$$nb" || exit 1; \
		$(PY) -c "import nbformat, sys; nb = nbformat.read(sys.argv[1], 4); \
			nb.metadata.pop('widgets', None); nbformat.write(nb, sys.argv[1])" "$$nb" || exit 1; \
	done

bench: $(VENV)/.installed-bench
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

model: $(VENV)/.installed
	$(PY) -m mnistlab.train_network

screenshots: $(VENV)/.installed-test
	MNISTLAB_SCREENSHOTS=resources/screenshots $(PY) -m pytest tests/browser -q -k every_widget_factory

# Static reveal.js decks with every asset in slides/lib/ (npm, once): they open offline.
# Live slides: RISE in JupyterLab (installed by `make lab`; live widgets with labextension-rise/).
slides: $(VENV)/.installed
	$(PY) -m mnistlab.slides slides

# The JupyterLab / Notebook 7 extension (the Korean notice on a widget whose kernel is gone)
# is committed prebuilt in mnistlab/labextension/, so no install needs Node.js. Maintainers
# rebuild it after changing labextension/ (npm packages in labextension/node_modules, never
# in git), then commit mnistlab/labextension/; .venv picks the new build up on the next make.
LABEXT_BUILDER := labextension/node_modules/@jupyter/builder/package.json
$(LABEXT_BUILDER): labextension/package.json labextension/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
		echo "npm 이 없습니다. Debian/Ubuntu 라면 'apt-get install nodejs npm' 후 다시 실행하세요."; exit 1; }
	cd labextension && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

labextension: $(VENV)/.installed $(LABEXT_BUILDER)
	$(VENV)/bin/jupyter-builder build labextension
	cp labextension/install.json mnistlab/labextension/
	cd labextension && sha256sum package.json package-lock.json src/*.js style/*.css \
		> ../mnistlab/labextension/source.sha256
	@$(MAKE) --no-print-directory $(VENV)/.installed
# Rebuild labextension-rise/prebuilt/ after changing labextension-rise/ (maintainers; needs Node.js
# 20+ and npm once for @jupyterlab/builder). The build is committed: `make lab` needs no Node.
labextension-rise: $(VENV)/.installed
	@command -v npm >/dev/null 2>&1 || { \
		echo "npm 이 없습니다. Debian/Ubuntu 라면 'apt-get install nodejs npm' 후 다시 실행하세요."; exit 1; }
	cd labextension-rise && npm ci --no-audit --no-fund --loglevel=error
	cd labextension-rise && PATH="$(abspath $(VENV))/bin:$$PATH" jupyter-builder build \
		--core-package-file="$$($(abspath $(PY)) -c 'import jupyterlab, pathlib; print(pathlib.Path(jupyterlab.__file__).parent / "staging" / "package.json")')" .
	cd labextension-rise && sha256sum package.json package-lock.json src/*.js > prebuilt/source.sha256
	@$(MAKE) --no-print-directory $(VENV)/.installed

# Each notebook as one offline web page (MathJax from html/lib, Korean alt text on every picture).
html: $(VENV)/.installed
	$(PY) tools/webpages.py html

# Printable worksheets (A4 PDF, Korean font embedded): Chromium prints generated HTML, offline
# once MathJax is in slides/lib (npm, fetched on the first run).
handouts: $(VENV)/.installed-test
	$(PY) tools/handouts.py handouts

lint: $(VENV)/.installed-test
	$(PY) -m ruff check mnistlab tests benchmarks

clean:
	rm -rf $(VENV) build dist *.egg-info mnistlab/_resources labextension/node_modules \
		labextension-rise/node_modules

# ---- classroom: JupyterHub for a class on one machine (README "수업 서버") -------------
# Run as root: the hub starts each student's server as that student's system user.
.PHONY: classroom classroom-setup classroom-stop student teacher student-remove
CLASS_PROXY := classroom/node_modules/.bin/configurable-http-proxy
CLASS_STATE ?= classroom/state
# make test / make bench set the class server up only as root (elsewhere
# tests/classroom and benchmarks/bench_classroom.py skip with a message).
CLASSROOM_FOR_TESTS := $(if $(filter 0,$(shell id -u)),classroom-setup,)
test bench: $(CLASSROOM_FOR_TESTS)

$(VENV)/.installed-classroom: $(VENV)/.installed
	@$(PIP) -e ".[classroom]" >>$(VENV)/install.log 2>&1 \
		|| { tail -n 30 $(VENV)/install.log; echo "수업 서버용 패키지 설치에 실패했습니다($(VENV)/install.log)."; exit 1; }
	@touch $@

# The proxy from npm, into classroom/node_modules (never installed globally).
$(CLASS_PROXY): classroom/package.json classroom/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
		echo "npm 이 없습니다. Debian/Ubuntu 라면 'apt-get install nodejs npm' 후 다시 실행하세요."; exit 1; }
	cd classroom && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

classroom-setup: $(VENV)/.installed-classroom $(CLASS_PROXY) $(LAB_SETTINGS)

classroom: classroom-setup
	@test "$$(id -u)" = 0 || { echo "수업 서버는 root 로 실행해야 합니다 (학생마다 자기 계정으로 서버를 띄우므로): sudo make classroom"; exit 1; }
	MNISTLAB_CLASS_STATE=$(CLASS_STATE) $(PY) classroom/server.py run

# Waits until the hub has exited, and ends what a crashed hub left (proxy, culler, servers).
classroom-stop:
	@MNISTLAB_CLASS_STATE=$(CLASS_STATE) $(PY) classroom/server.py stop

# The students' server image for MNISTLAB_CLASS_SPAWNER=container and Zero to JupyterHub:
# Debian packages (mmdebstrap) + this repository's wheel, imported into podman; no registry.
.PHONY: classroom-image
classroom-image: $(VENV)/.installed-test
	@test "$$(id -u)" = 0 || { echo "이미지는 root 로 만듭니다 (mmdebstrap, podman): sudo make classroom-image"; exit 1; }
	PY=$(PY) sh classroom/image/build.sh

student: $(VENV)/.installed
	$(PY) classroom/accounts.py add $(NAME)

teacher: $(VENV)/.installed
	$(PY) classroom/accounts.py add --teacher $(NAME)

student-remove: $(VENV)/.installed
	MNISTLAB_CLASS_STATE=$(CLASS_STATE) $(PY) classroom/accounts.py remove $(NAME)
