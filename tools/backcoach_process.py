"""Starting, stopping and building `backcoach serve` for the scripts in bench/ and reliability/."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(command, cwd=None, quiet=False):
    """Runs a command; exits with its error output when it fails."""
    result = subprocess.run(command, cwd=cwd, capture_output=quiet, text=True)
    if result.returncode != 0:
        sys.exit(f"{os.path.basename(sys.argv[0])}: {' '.join(command[:3])} failed (exit {result.returncode}):\n{result.stderr or ''}")
    return result.stdout


def build_release():
    """Builds the release binary and returns its path."""
    print("# building release (swift build -c release)", flush=True)
    run(["swift", "build", "-c", "release", "--product", "backcoach"], cwd=ROOT, quiet=True)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "backcoach")


class Server:
    """One `backcoach serve` process on 127.0.0.1, logging to NAME.log in the work folder."""

    def __init__(self, binary, database, port, workdir, name, bench_routes=False):
        self.binary, self.database, self.port, self.workdir, self.name = binary, database, port, workdir, name
        self.bench_routes = bench_routes
        self.process = None

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        # Fuzz and load runs sign up from one address; the hourly per-address sign-up limit would turn them into 429s.
        environment = dict(os.environ, BENCH_ROUTES="true" if self.bench_routes else "false", AUTH_SIGNUPS_HOURLY="100000")
        log = open(os.path.join(self.workdir, f"{self.name}.log"), "a")
        self.process = subprocess.Popen(
            [self.binary, "serve", "--port", str(self.port), "--database", self.database,
             "--env-file", os.path.join(self.workdir, "none.env")],
            env=environment, stdout=log, stderr=log)
        wait_for_health(self.base, self.process)

    def stop(self):
        """Graceful stop (SIGTERM), as a deploy would."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def crash(self):
        """kill -9: no shutdown code runs."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def rss_kb(self):
        try:
            with open(f"/proc/{self.process.pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0


def wait_for_health(base, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"{os.path.basename(sys.argv[0])}: the server stopped on start (exit {process.returncode}); see its log")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            pass
        time.sleep(0.002)
    sys.exit(f"{os.path.basename(sys.argv[0])}: the server did not answer /healthz within {timeout} s")


def read_credentials(path):
    """The lines `backcoach seed --credentials` wrote: (email, token, cookie, calendar secret)."""
    with open(path) as lines:
        return [tuple(line.rstrip("\n").split("\t")) for line in lines if line.strip()]
