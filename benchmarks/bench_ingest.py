"""Ingest throughput and memory: text files and HTML pages into a fresh store, one process, one core.

Generates N distinct articles (default 10,000 of each kind) by recombining
invented template sentences with varied names, places and numbers, writes
them to a temporary folder, and times ``ingest_into_store`` end to end
(read, decode, parse, date, near-duplicate index, batched commits). Memory
is sampled as resident set size at each tenth of the run: flat samples mean
ingestion streams. Goals (issue #2): >= 1,000 text articles/s, >= 150 HTML
pages/s.

Usage:
    .venv/bin/python benchmarks/bench_ingest.py [--n 10000] [--kinds text,html] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from newsprism.ingest.run import ingest_into_store
from newsprism.store import Store

TOWNS = ["Velden", "Rondale", "Marenbourg", "Ostrava Bay", "Kesselholm", "Tarnwick", "Blauberg", "Lindquay",
         "Port Sorrel", "Hallin", "Dunmarch", "Querrin"]
PEOPLE = ["Marta Olenska", "Pavel Runge", "Ilse Varga", "Tomas Brenner", "Noor Haddad", "Eli Sandor",
          "Agnes Petrov", "Jonas Vell", "Rita Amsel", "Karl Dorne"]
ROLES = ["union secretary", "transport minister", "port director", "mayor", "harbour master", "economist",
         "council leader", "spokeswoman for the ministry"]
ISSUES = ["night-shift pay", "pension rules", "crane safety", "overtime rates", "staffing levels", "rent controls",
          "flood defences", "bus fares"]
BODIES = ["port authority", "harbour board", "transport ministry", "chamber of commerce", "dockers' union",
          "city council", "regional assembly"]
CARGO = ["grain", "fuel", "fresh fruit", "timber", "fertiliser", "steel coils", "medicines"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
SENTENCES = [
    "Workers in {town} stopped work on {day} over {issue}, the {body} said.",
    "{person}, the {role}, told reporters that talks on {issue} had stalled after {n} hours.",
    "About {n} ships were waiting outside {town} by the evening, according to shipping agents.",
    "The {body} estimated losses at {n} million crowns a day and asked the courts to intervene.",
    "\"We will not accept another delay,\" {person} said outside the {body} offices in {town}.",
    "Officials in {town} warned that deliveries of {cargo} could be delayed within days.",
    "{person} said the government was ready to mediate between the {body} and the unions.",
    "Two carriers loaded with {cargo} were diverted to {town2}, where unloading takes longer.",
    "The last stoppage in {town}, over {issue}, ended after {n} days without agreement.",
    "Importers of {cargo} said prices had risen by {n} percent since the start of the month.",
    "A spokesman for the {body} declined to comment on the figures published by {person}.",
    "Residents of {town2} gathered on {day} evening to support the workers, local media reported.",
    "The {role} is expected to meet representatives of the {body} in {town} next week.",
    "Analysts said the dispute over {issue} reflected wider strains after {n} months of rising costs.",
    "Police said {n} people had been questioned after scuffles near the gates in {town}.",
    "{person} accused the {body} of ignoring repeated warnings about {issue}.",
]


def _article(n: int) -> tuple[str, str, list[str]]:
    """(title, date, paragraphs) of the n-th generated article."""
    rnd = random.Random(n)

    def fill(template: str) -> str:
        return template.format(town=rnd.choice(TOWNS), town2=rnd.choice(TOWNS), person=rnd.choice(PEOPLE),
                               role=rnd.choice(ROLES), issue=rnd.choice(ISSUES), body=rnd.choice(BODIES),
                               cargo=rnd.choice(CARGO), day=rnd.choice(DAYS), n=rnd.randint(2, 900))

    sentences = [fill(t) for t in rnd.sample(SENTENCES, rnd.randint(8, 14))]
    paragraphs = [" ".join(sentences[i:i + 2]) for i in range(0, len(sentences), 2)]
    title = f"{rnd.choice(TOWNS)}: dispute over {rnd.choice(ISSUES)} enters day {n % 40 + 1}"
    date = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
    return title, date, paragraphs


def write_text(folder: Path, n: int) -> None:
    for i in range(n):
        title, date, paragraphs = _article(i)
        (folder / f"{i:06d}.txt").write_text(
            f"harbour-news.example\n\nPublish Date : {date}\n\n{title}\n\n"
            f"{random.Random(i).choice(TOWNS).upper()} (Norpress) - " + "\n".join(paragraphs) + "\n",
            encoding="utf-8")


def write_html(folder: Path, n: int) -> None:
    for i in range(n):
        title, date, paragraphs = _article(i)
        body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
        (folder / f"{i:06d}.html").write_text(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Harbour News</title>
<meta property="og:site_name" content="Harbour News">
<meta property="article:published_time" content="{date}T08:00:00Z">
<link rel="canonical" href="https://harbour-news.example/story/{i}"></head><body>
<header><nav><a href="/">Home</a> <a href="/ports">Ports</a> <a href="/economy">Economy</a></nav></header>
<main><article><h1>{title}</h1><p class="byline">By Staff Reporter</p>
{body}
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Ferry timetable changes</a></li><li><a href="/b">Weather</a></li></ul></aside>
</main><footer><p>Harbour News Ltd. All rights reserved.</p></footer></body></html>
""", encoding="utf-8")


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def bench(kind: str, n: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix=f"bench-ingest-{kind}-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        (write_text if kind == "text" else write_html)(folder, n)
        samples: list[float] = []

        def progress(stage: str, done: int, total: int | None) -> None:
            if done % max(1, n // 10) == 0:
                samples.append(round(_rss_mb(), 1))

        start_rss = _rss_mb()
        t0 = time.perf_counter()
        cpu0 = time.process_time()
        res = ingest_into_store([str(folder)], db=Path(tmp) / "bench.db", progress=progress)
        wall = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
        with Store(Path(tmp) / "bench.db") as store:
            stored = store.count()
    return {"kind": kind, "articles": n, "stored": stored, "failures": len(res.failures),
            "near_duplicates": res.near_duplicates, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "articles_per_s_wall": round(n / wall, 1), "articles_per_s_cpu": round(n / cpu, 1),
            "rss_start_mb": round(start_rss, 1), "rss_samples_mb": samples,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6, 1),
            "load_avg_1m": round(os.getloadavg()[0], 2), "cpus": os.cpu_count()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000, help="articles of each kind (default 10000)")
    parser.add_argument("--kinds", default="text,html", help="comma-separated: text, html")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args(argv)
    results = []
    for kind in args.kinds.split(","):
        r = bench(kind.strip(), args.n)
        results.append(r)
        print(f"{r['kind']:>5}: {r['articles']} articles in {r['wall_s']} s wall / {r['cpu_s']} s CPU = "
              f"{r['articles_per_s_wall']}/s wall, {r['articles_per_s_cpu']}/s CPU; RSS {r['rss_start_mb']} MB at "
              f"start, samples {r['rss_samples_mb']} MB, peak {r['peak_rss_mb']} MB "
              f"(load {r['load_avg_1m']} on {r['cpus']} CPUs)")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
