#!/usr/bin/env python3
"""Edit → reload latency of `prongsai serve` on a generated portal.

Usage: bench/serve_latency.py PORTAL [--edits 30] [--bin target/release/prongsai]

Starts `prongsai serve --port 0` in PORTAL, opens the live-reload event stream, then edits
random Markdown pages (an in-place append, as editors that write in place do) one at a time
and measures the time from the write to the `reload` event. Prints the median, p90 and max,
and the server's own rebuild times. Nothing here is timed inside `cargo test`.
"""
import argparse, os, random, socket, statistics, sys, time

import serve_process

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("portal")
    ap.add_argument("--edits", type=int, default=30)
    ap.add_argument("--bin", default=serve_process.DEFAULT_BIN)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    portal = os.path.abspath(args.portal)
    started = time.time()
    proc, port, log = serve_process.start(portal, args.bin)
    print(f"startup (full build in memory): {time.time() - started:.2f} s; {log[0].strip()}")

    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(f"GET /__prongsai/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    f = s.makefile("rb")
    while f.readline().strip():
        pass

    pages = []
    for d, _, files in os.walk(os.path.join(portal, "content")):
        pages += [os.path.join(d, x) for x in files if x.endswith(".md") and x != "_index.md"]
    pages.sort()
    rng = random.Random(args.seed)
    times = []
    for n in range(args.edits):
        path = rng.choice(pages)
        with open(path, "a", encoding="utf-8") as out:
            t0 = time.perf_counter()
            out.write(f"\nแก้ไขครั้งที่ {n} ทรัพย์สินของราชการ\n")
        while True:
            line = f.readline()
            if not line:
                sys.exit("event stream closed")
            if line.startswith(b"event: reload"):
                times.append((time.perf_counter() - t0) * 1000)
                break
            if line.startswith(b"event: failed"):
                sys.exit("rebuild failed")
        time.sleep(0.15)
    proc.terminate()
    times.sort()
    print(f"pages edited: {len(times)}")
    print(f"edit → reload: median {statistics.median(times):.0f} ms, p90 {times[int(len(times) * 0.9) - 1]:.0f} ms, max {times[-1]:.0f} ms")
    rebuilds = [l.strip() for l in log if "rendered" in l][1:]
    timings = [l.strip() for l in log if l.startswith("timings:")]
    if timings:
        print("server stages (last rebuild):", timings[-1])
        if os.environ.get("ALL_TIMINGS"):
            print("\n".join(timings))
    if rebuilds:
        print("server's last rebuild line:", rebuilds[-1])

if __name__ == "__main__":
    main()
