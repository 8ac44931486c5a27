"""`make bench-serve`: how long `make serve` takes to show a changed annual report (target: within 5 s).

Not part of `make test` (it times things). Copies the sample data into a temporary folder, starts
`make serve` on it (DATA=…, a free port on 127.0.0.1), waits for the first build, then edits one value
in one annual report (南宁 2025, 技术合同成交额) several times. After each edit it polls the year page and
the zone page until both show the new value, and reports the seconds from the file's write to the last
page showing it (the median of the runs is the figure; every run is printed). Writes
build/bench/serve.json.

    .venv/bin/python tests/bench/serve_latency.py [--runs 5]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
REPORT = Path("zones/nanning-hitech/annual/2025.yaml")
PAGES = ("zones/nanning-hitech/2025/", "zones/nanning-hitech/")
FIELD = re.compile(r"^(  tech_contract_turnover: )(\S+)$", re.M)
TARGET_S = 5.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # our own 127.0.0.1 server
            return html.unescape(response.read().decode("utf-8"))  # the pages write 45.8 as 45&#46;8
    except OSError:
        return ""


def wait_for(urls: list[str], text: str, deadline: float) -> float | None:
    """Seconds until every url's page contains text (polled every 50 ms), or None past the deadline."""
    start = time.monotonic()
    pending = list(urls)
    while pending and time.monotonic() < deadline:
        pending = [u for u in pending if text not in fetch(u)]
        if pending:
            time.sleep(0.05)
    return None if pending else time.monotonic() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    data = tmp / "data"
    shutil.copytree(ROOT / "zones_data", data)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (tmp / "serve.log").open("w")
    server = subprocess.Popen(
        ["make", "serve", f"DATA={data}", f"SERVE_ADDR=127.0.0.1:{port}", f"SITE_URL={base}"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    results: list[float] = []
    try:
        started = time.monotonic()
        if wait_for([base + PAGES[0]], "技术合同成交额", time.monotonic() + 300) is None:
            sys.exit(f"make serve did not come up; see {tmp / 'serve.log'}")
        print(f"first build served after {time.monotonic() - started:.1f} s")
        time.sleep(2)  # let the first build's own follow-up rebuild (generated files appearing) settle
        path = data / REPORT
        original = path.read_text(encoding="utf-8")
        for run in range(args.runs):
            value = f"{987 + run}.{run + 1}"  # a number no page shows yet
            path.write_text(FIELD.sub(lambda m, v=value: m.group(1) + v, original, count=1), encoding="utf-8")
            seconds = wait_for([base + p for p in PAGES], value, time.monotonic() + 60)
            if seconds is None:
                sys.exit(f"run {run + 1}: {value} not served within 60 s; see {tmp / 'serve.log'}")
            results.append(seconds)
            print(f"run {run + 1}: {value} on both pages after {seconds:.2f} s")
            time.sleep(1.5)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=30)
        log.close()
    median = statistics.median(results)
    figures = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "runs_s": [round(r, 2) for r in results],
        "median_s": round(median, 2),
        "max_s": round(max(results), 2),
        "target_s": TARGET_S,
    }
    out = ROOT / "build" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "serve.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    mark = "✔" if max(results) <= TARGET_S else "✘"
    print(f"changed report served in median {median:.2f} s, max {max(results):.2f} s (target ≤ {TARGET_S} s) {mark}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
