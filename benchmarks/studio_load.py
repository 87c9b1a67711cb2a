"""The studio under load: 20 clients at once building handout previews for 60 seconds.

Usage: python benchmarks/studio_load.py [--clients 20] [--seconds 60] [--port 8877]

Starts `booklet studio` over a copy of the sample project on 127.0.0.1 (its own process,
as a clinic runs it), then each client, in its own thread with its own connection and
form token, posts handout previews with three exercises and its own patient name, one
after another, until the time is up. Prints the requests per second, the median, 95th
percentile and slowest preview time, every status other than 200 (there should be none),
and the server's resident memory before, just after, and ten seconds after the load, so a
leak shows as memory that keeps growing. Bounded: it stops at --seconds whatever happens.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ("kneeling-hip-flexor", "glute-bridge", "bird-dog")


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def wait_until_up(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/static/studio.css")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the studio did not start")


def form_token(connection: http.client.HTTPConnection) -> str:
    connection.request("GET", "/handout")
    response = connection.getresponse()
    response.read()
    cookie = response.getheader("set-cookie") or ""
    return cookie.split("studio_csrf=", 1)[1].split(";", 1)[0]


def preview_body(client: int, request: int) -> str:
    fields = [
        ("program", "content/hip-home-program.yaml"),
        ("name", f"Load Client {client}"),
        ("date", "2026-11-20"),
        ("clinician", "Sam Okafor, PT"),
        ("notes", f"Request {request}: start with the bridge."),
        *(("ex", exercise) for exercise in EXERCISES),
        ("dose.glute-bridge.repeat", str(8 + request % 5)),
    ]
    return urlencode(fields)


class Results:
    def __init__(self) -> None:
        self.times: list[float] = []
        self.failures: dict[str, int] = {}
        self.lock = threading.Lock()

    def add(self, seconds: float, status: str) -> None:
        with self.lock:
            if status == "200":
                self.times.append(seconds)
            else:
                self.failures[status] = self.failures.get(status, 0) + 1


def client_loop(client: int, port: int, stop_at: float, results: Results) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    token = form_token(connection)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"studio_csrf={token}",
        "X-CSRF-Token": token,
    }
    request = 0
    while time.monotonic() < stop_at:
        request += 1
        started = time.perf_counter()
        try:
            connection.request("POST", "/handout/preview", preview_body(client, request), headers)
            response = connection.getresponse()
            body = response.read()
            ok = response.status == 200 and b"data:image/png" in body
            status = "200" if ok else str(response.status)
        except OSError as error:
            status = type(error).__name__
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        results.add(time.perf_counter() - started, status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--port", type=int, default=8877)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        for name in ("content", "library", "images"):
            shutil.copytree(ROOT / name, project / name)
        command = [sys.executable, "-m", "booklet", "studio", str(project), "--port"]
        server = subprocess.Popen(
            [*command, str(args.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=dict(os.environ),
        )
        try:
            wait_until_up(args.port, time.monotonic() + 30)
            started_mb = resident_mb(server.pid)
            warm = Results()
            client_loop(0, args.port, time.monotonic() + 3, warm)  # fonts, figures, caches
            before_mb = resident_mb(server.pid)
            results = Results()
            stop_at = time.monotonic() + args.seconds
            threads = [
                threading.Thread(target=client_loop, args=(n, args.port, stop_at, results))
                for n in range(1, args.clients + 1)
            ]
            began = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=args.seconds + 120)
            elapsed = time.perf_counter() - began
            after_mb = resident_mb(server.pid)
            time.sleep(10)
            rested_mb = resident_mb(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    times = sorted(results.times)
    count = len(times)
    print(f"{args.clients} clients for {args.seconds:.0f} s: {count} previews, ", end="")
    print(f"{count / elapsed:.1f} requests/s")
    if times:
        p95 = times[min(count - 1, int(0.95 * count))]
        print(
            f"preview time: median {statistics.median(times) * 1000:.0f} ms, "
            f"95th percentile {p95 * 1000:.0f} ms, slowest {times[-1] * 1000:.0f} ms"
        )
    print(f"failures: {results.failures or 'none'}")
    print(
        f"server memory: {started_mb:.0f} MB at start, {before_mb:.0f} MB warm, "
        f"{after_mb:.0f} MB after the load, {rested_mb:.0f} MB ten seconds later"
    )
    if results.failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
