#!/usr/bin/env python3
"""Build-speed benchmark of prongsai against Hugo, in one session on one machine.

For each size (1k and 10k pages; 100k with --with-100k) and each location (a folder on disk
and one on tmpfs) it generates the corpus with gen_corpus.py (`--flavor plain` for prongsai,
`--flavor hugo` for Hugo: same pages, same bodies) and measures, RUNS times each:

  cold       `prongsai build` into a missing output folder
  no-change  `prongsai build` again, nothing changed
  one-edit   `prongsai build` after one sentence was added to one page
  cp -r      `cp -r` of prongsai's output tree (the floor of writing it)
  hugo       `hugo --quiet -s SITE -d OUT` into a missing output folder

with the peak RSS of each build (ru_maxrss of the child). Medians are printed as a Markdown
table with the ratios the build-speed targets are stated in, and the exact commands.

    python3 bench/build.py                      # 1k + 10k, disk + tmpfs, 3 runs
    python3 bench/build.py --with-100k --runs 1 # add 100k pages (slow: ~2 GB of files)

Stdlib only. Before every timed command the page cache is flushed to disk (`sync`, not
timed), so no run pays for the writes of the one before. Old output folders are moved
aside and deleted at the end, outside the timings.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_GEN = os.path.join(os.path.dirname(REPO), "shared", "bench", "gen_corpus.py")
CONFIG = 'title = "bench"\nbase_url = "https://example.go.th/"\n'
EDIT_MARK = "\n\nประโยคที่แก้ไขเพื่อวัดเวลาสร้างใหม่ครั้งที่ {n}\n"

# target name, metric, bound (ratios measured in the same run)
TARGETS = [
    ("cold ≤ 0.5× Hugo", "cold/hugo", 0.5),
    ("cold ≤ 1.3× cp -r (disk)", "cold/cp", 1.3),
    ("no-change ≤ 0.1× cold", "nochange/cold", 0.1),
]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run_timed(argv, cwd=None):
    """Runs argv after a `sync`; returns (wall seconds, peak RSS in MB)."""
    os.sync()
    # stderr goes to a file, not a pipe: thousands of warnings would fill a pipe nobody
    # reads before the child exits, and the build would block
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        errors.seek(0)
        err = errors.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"command failed ({code}): {' '.join(argv)}\n{err}")
    return wall, usage.ru_maxrss / 1024.0


class Trash:
    """Output folders to delete after the session (deleting is slow on some disks)."""

    def __init__(self):
        self.items = []

    def move(self, path):
        if not os.path.exists(path):
            return
        if path.startswith("/dev/shm"):
            shutil.rmtree(path)
            return
        target = f"{path}.trash-{len(self.items)}-{os.getpid()}"
        os.rename(path, target)
        self.items.append(target)

    def empty(self):
        for item in self.items:
            shutil.rmtree(item, ignore_errors=True)
        self.items.clear()


def generate(gen, flavor, pages, out):
    stamp = os.path.join(out, ".bench-stamp")
    want = f"{flavor} {pages}\n"
    if os.path.exists(stamp) and open(stamp, encoding="utf-8").read() == want:
        return
    log(f"  generating {flavor} corpus of {pages} pages in {out}")
    if os.path.exists(out):
        shutil.rmtree(out)
    subprocess.run([sys.executable, gen, "--flavor", flavor, "--pages", str(pages), "--out", out],
                   check=True, stdout=subprocess.DEVNULL)
    if flavor == "plain":
        with open(os.path.join(out, "prongsai.toml"), "w", encoding="utf-8") as f:
            f.write(CONFIG)
    with open(stamp, "w", encoding="utf-8") as f:
        f.write(want)


def edit_target(site):
    """A regular page of the corpus (the first measure page), to edit."""
    for dirpath, dirnames, filenames in os.walk(os.path.join(site, "content")):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".md") and not name.startswith("_"):
                return os.path.join(dirpath, name)
    raise SystemExit(f"no page to edit in {site}")


def tree_size(path):
    files, total = 0, 0
    for dirpath, _, filenames in os.walk(path):
        for name in filenames:
            files += 1
            total += os.path.getsize(os.path.join(dirpath, name))
    return files, total


def median(values):
    return statistics.median(values) if values else float("nan")


def measure(args, where, base, pages, trash, commands):
    plain = os.path.join(base, f"c-plain-{pages}")
    hugo_site = os.path.join(base, f"c-hugo-{pages}")
    generate(args.gen, "plain", pages, plain)
    if args.hugo:
        generate(args.gen, "hugo", pages, hugo_site)
    out = os.path.join(plain, "public")
    copy = os.path.join(base, f"cp-{pages}")
    hugo_out = os.path.join(base, f"out-hugo-{pages}")
    page = edit_target(plain)
    original = open(page, encoding="utf-8").read()
    build = [args.binary, "build", "--root", plain]
    hugo = [args.hugo, "--quiet", "-s", hugo_site, "-d", hugo_out] if args.hugo else None
    commands.update({
        "prongsai": " ".join(build),
        "cp": f"cp -r {out} {copy}",
        "edit": f"append one sentence to {os.path.relpath(page, plain)}, then " + " ".join(build),
    })
    if hugo:
        commands["hugo"] = " ".join(hugo)
    m = {k: [] for k in ("cold", "rss", "nochange", "nochange_rss", "edit", "edit_rss", "cp", "hugo", "hugo_rss")}
    try:
        for n in range(args.runs):
            log(f"  {where} {pages} pages, run {n + 1}/{args.runs}")
            trash.move(out)
            wall, rss = run_timed(build)
            m["cold"].append(wall)
            m["rss"].append(rss)
            wall, rss = run_timed(build)
            m["nochange"].append(wall)
            m["nochange_rss"].append(rss)
            with open(page, "a", encoding="utf-8") as f:
                f.write(EDIT_MARK.format(n=n))
            wall, rss = run_timed(build)
            m["edit"].append(wall)
            m["edit_rss"].append(rss)
            trash.move(copy)
            wall, _ = run_timed(["cp", "-r", out, copy])
            m["cp"].append(wall)
            trash.move(copy)
            if hugo:
                trash.move(hugo_out)
                wall, rss = run_timed(hugo)
                m["hugo"].append(wall)
                m["hugo_rss"].append(rss)
                trash.move(hugo_out)
    finally:
        with open(page, "w", encoding="utf-8") as f:
            f.write(original)
    files, size = tree_size(out)
    trash.move(out)
    row = {k: median(v) for k, v in m.items()}
    row.update(where=where, pages=pages, files=files, bytes=size)
    return row


def fmt(x, unit=" s"):
    return "–" if x != x else f"{x:.2f}{unit}"


def ratio(a, b, bound):
    if a != a or b != b or b == 0:
        return "–"
    r = a / b
    return f"{r:.2f} {'✓' if r <= bound else '✗'}"


def report(rows, args, commands):
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nprongsai build benchmark — {args.runs} run(s) each, medians; "
          f"{os.cpu_count()} CPUs; load average {load:.1f} at the end; {time.strftime('%Y-%m-%d')}\n")
    print("| where | pages | cold | no-change | one-page edit | peak RSS | cp -r output | Hugo cold | Hugo RSS "
          "| cold/Hugo (≤ 0.5) | cold/cp (≤ 1.3) | no-change/cold (≤ 0.1) | µs/page |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['where']} | {r['pages']:,} | {fmt(r['cold'])} | {fmt(r['nochange'])} | {fmt(r['edit'])} "
              f"| {fmt(r['rss'], ' MB')} | {fmt(r['cp'])} | {fmt(r['hugo'])} | {fmt(r['hugo_rss'], ' MB')} "
              f"| {ratio(r['cold'], r['hugo'], 0.5)} | {ratio(r['cold'], r['cp'], 1.3) if r['where'] == 'disk' else '–'} "
              f"| {ratio(r['nochange'], r['cold'], 0.1)} | {r['cold'] / r['pages'] * 1e6:.0f} |")
    for where in sorted({r["where"] for r in rows}):
        by = {r["pages"]: r for r in rows if r["where"] == where}
        if 10000 in by and 100000 in by:
            per10 = by[10000]["cold"] / 10000
            per100 = by[100000]["cold"] / 100000
            print(f"\n{where}: cost per page at 100k / at 10k = {per100 / per10:.2f} (target ≤ 1.2 "
                  f"{'✓' if per100 / per10 <= 1.2 else '✗'})")
    for r in rows:
        if r["pages"] == 10000:
            print(f"\n{r['where']} 10k: peak RSS {r['rss']:.0f} MB (target ≤ 180 MB "
                  f"{'✓' if r['rss'] <= 180 else '✗'}); output {r['files']:,} files, {r['bytes'] / 1e6:.0f} MB")
    print("\nCommands (SITE is the corpus folder of each size and place):\n")
    print("```")
    print(f"python3 {args.gen} --flavor plain --pages N --out SITE  # + prongsai.toml")
    if args.hugo:
        print(f"python3 {args.gen} --flavor hugo --pages N --out SITE-hugo")
    for key in ("prongsai", "edit", "cp", "hugo"):
        if key in commands:
            print(f"{key:9} {commands[key]}")
    print("```")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3, help="repetitions; medians are reported (default 3)")
    ap.add_argument("--sizes", default="1000,10000", help="page counts (default 1000,10000)")
    ap.add_argument("--with-100k", action="store_true", help="add 100,000 pages (slow)")
    ap.add_argument("--disk", default=os.path.join(tempfile.gettempdir(), "prongsai-bench"),
                    help="scratch folder on disk (default $TMPDIR/prongsai-bench)")
    ap.add_argument("--tmpfs", default="/dev/shm/prongsai-bench",
                    help="scratch folder on tmpfs (default /dev/shm/prongsai-bench; '' to skip)")
    ap.add_argument("--no-disk", action="store_true", help="measure on tmpfs only")
    ap.add_argument("--binary", help="a prongsai binary (default: cargo build --release, target/release)")
    ap.add_argument("--hugo", default=shutil.which("hugo"), help="the hugo binary (default: from PATH)")
    ap.add_argument("--no-hugo", action="store_true", help="skip Hugo")
    ap.add_argument("--gen", default=DEFAULT_GEN, help="gen_corpus.py (default ../shared/bench/gen_corpus.py)")
    args = ap.parse_args()
    if args.no_hugo:
        args.hugo = None
    elif not args.hugo:
        log("hugo not found (apt-get install hugo); measuring prongsai only")
    if not os.path.exists(args.gen):
        raise SystemExit(f"gen_corpus.py not found at {args.gen}; pass --gen")
    if not args.binary:
        log("building prongsai (cargo build --release --locked)")
        subprocess.run(["cargo", "build", "--release", "--locked", "--bin", "prongsai"], cwd=REPO, check=True)
        args.binary = os.path.join(REPO, "target", "release", "prongsai")
    args.binary = os.path.abspath(args.binary)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.with_100k and 100000 not in sizes:
        sizes.append(100000)
    places = []
    if not args.no_disk:
        places.append(("disk", args.disk))
    if args.tmpfs and os.path.isdir(os.path.dirname(args.tmpfs)):
        places.append(("tmpfs", args.tmpfs))
    commands = {}
    rows = []
    trash = Trash()
    try:
        for where, base in places:
            os.makedirs(base, exist_ok=True)
            for pages in sizes:
                rows.append(measure(args, where, os.path.abspath(base), pages, trash, commands))
                trash.empty()
    finally:
        trash.empty()
    report(rows, args, commands)


if __name__ == "__main__":
    main()
