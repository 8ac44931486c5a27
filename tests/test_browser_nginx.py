"""The browser tests' site is served by nginx with the repository's configuration, its CSP included (issue 15).

tests/test_browser.py's `served` site (the one sweep of the sitemap runs on it) comes from deploy/nginx/gxkjzh.conf
in README's server block where nginx is installed; the sweep collects the CSP violations of every page
(tests/nginx_server.py's `watch_csp`). Without nginx, the browser tests fall back to Python's server and these tests
are skipped, saying so: the CSP is then not checked; with CI=true they fail.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.request import urlopen

import pytest
from nginx_server import NGINX_CONF, csp_violations, require_nginx, watch_csp
from test_browser import CHROMIUM, Watch, base_url, open_page, served, site  # noqa: F401

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (apt-get install chromium)")


NOT_CHECKED = "the browser tests ran behind Python's server, so the CSP was NOT checked in the sitemap sweep"


def expected_policy(folder: Path) -> str:
    """The file's Content-Security-Policy with the build's values (script hashes, image hosts) for its variables."""
    conf = NGINX_CONF.read_text(encoding="utf-8")
    (policy,) = [line for line in conf.splitlines() if line.startswith("add_header Content-Security-Policy ")]
    snippet = (folder / "csp-hashes.conf").read_text(encoding="utf-8")
    policy = policy.split('"', 2)[1]
    for variable in ("gxkjzh_script_hashes", "gxkjzh_image_hosts"):
        policy = policy.replace(f"${variable}", snippet.split(f'set ${variable} "', 1)[1].split('";', 1)[0])
    return policy


def test_the_browser_tests_site_is_served_by_nginx_with_the_sites_csp(
    base_url: str,  # noqa: F811
    site: Path,  # noqa: F811
) -> None:
    require_nginx(NOT_CHECKED)
    with urlopen(base_url + "zones/") as response:
        assert response.headers["Server"] == "nginx"
        assert response.headers["Content-Security-Policy"] == expected_policy(site)
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_sweep_sees_a_csp_violation(browser: Any, base_url: str) -> None:  # noqa: F811
    """What `_sweep` collects: an inline script the build did not hash is refused and reported."""
    require_nginx(NOT_CHECKED)
    ctx = browser.new_context()
    ctx.set_default_timeout(5_000)
    try:
        watch_csp(ctx)
        page = open_page(ctx, base_url, Watch())
        page.wait_for_load_state("load")
        assert csp_violations(page, "") == []
        page.evaluate(
            "() => { const s = document.createElement('script'); s.textContent = 'window.x = 1'; document.body.append(s); }"
        )
        page.wait_for_function("() => (window.__cspViolations || []).length > 0")
        assert page.evaluate("() => window.x") is None  # refused
        (found,) = csp_violations(page, "")
        assert found.startswith("/: CSP script-src-elem blocked inline")
    finally:
        ctx.close()
