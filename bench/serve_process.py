"""Starting `prongsai serve` for the serve benchmarks (serve_latency.py, serve_load.py)."""
import os, re, subprocess, sys, threading

DEFAULT_BIN = os.path.join(os.path.dirname(__file__), "..", "target", "release", "prongsai")


def start(portal, binary):
    """Starts `prongsai serve --port 0` in `portal`; returns (process, port, log lines).

    The log keeps filling from a background thread, so the server never blocks on stderr.
    """
    proc = subprocess.Popen([os.path.abspath(binary), "serve", "--port", "0"], cwd=portal,
                            stderr=subprocess.PIPE, text=True)
    log = []
    port = None
    for line in proc.stderr:
        log.append(line)
        m = re.search(r"serving at http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
            break
    if port is None:
        sys.exit("serve did not start:\n" + "".join(log))
    threading.Thread(target=lambda: [log.append(l) for l in proc.stderr], daemon=True).start()
    return proc, port, log
