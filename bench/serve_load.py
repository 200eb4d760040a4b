#!/usr/bin/env python3
"""Load on `prongsai serve` while it rebuilds: the §5 F P-01/P-03/P-04 measurements.

Usage: bench/serve_load.py PORTAL [--seconds 30] [--connections 200] [--bin target/release/prongsai]

Copies nothing: run it on a scratch copy of a portal (it appends to one page). Starts
`prongsai serve --port 0` in PORTAL, notes the server's threads and open files, runs
`wrk -t2 -cN -dS --latency` against `/` while a page is edited every 2 s (each edit is a
rebuild and a swap of the in-memory site), then waits 10 s and notes threads and files
again. Prints wrk's summary, the number of rebuilds, and the before/after counts. Needs
`wrk` (Debian package `wrk`). Nothing here runs inside `cargo test`.
"""
import argparse, os, subprocess, threading, time

import serve_process


def counts(pid):
    threads = len(os.listdir(f"/proc/{pid}/task"))
    files = len(os.listdir(f"/proc/{pid}/fd"))
    return threads, files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("portal")
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--connections", type=int, default=200)
    ap.add_argument("--bin", default=serve_process.DEFAULT_BIN)
    args = ap.parse_args()
    portal = os.path.abspath(args.portal)
    proc, port, log = serve_process.start(portal, args.bin)
    time.sleep(6)  # let the first search index finish and idle pool threads exit
    before = counts(proc.pid)

    pages = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(portal, "content"))
                   for f in fs if f.endswith(".md") and f != "_index.md")
    page = pages[len(pages) // 2]
    stop = threading.Event()

    def edit():
        n = 0
        while not stop.wait(2):
            with open(page, "a", encoding="utf-8") as out:
                out.write(f"\nแก้ไขระหว่างโหลด {n}\n")
            n += 1

    editor = threading.Thread(target=edit, daemon=True)
    editor.start()
    wrk = subprocess.run(["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--latency",
                          f"http://127.0.0.1:{port}/"], capture_output=True, text=True)
    stop.set()
    editor.join()
    during = counts(proc.pid)
    time.sleep(10)
    after = counts(proc.pid)
    proc.terminate()
    print(wrk.stdout)
    rebuilds = sum(1 for l in log if "rendered" in l) - 1
    print(f"rebuilds during the run: {rebuilds}")
    print(f"threads/open files: before {before[0]}/{before[1]}, end of load {during[0]}/{during[1]}, "
          f"10 s later {after[0]}/{after[1]}")


if __name__ == "__main__":
    main()
