"""The command line: parse, call the stage functions, print. No analysis logic lives here."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsprism import __version__
from newsprism.errors import NewsprismError

DEFAULT_DB = "newsprism.db"
console = Console(stderr=True)


def _parse_map(pairs: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in pairs:
        if "=" not in p:
            raise click.BadParameter(f"{p!r}: expected FIELD=COLUMN, e.g. text=body", param_hint="--map")
        k, v = p.split("=", 1)
        out[k.strip()] = v.strip()
    return out


class _Bars:
    """A rich progress display with one bar per pipeline stage."""

    def __init__(self) -> None:
        self.progress = Progress(TextColumn("{task.description:<11}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=console, transient=False,
                                 disable=not console.is_terminal)
        self.tasks: dict[str, int] = {}

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=total)
        self.progress.update(self.tasks[stage], completed=done, total=total)

    def __enter__(self) -> _Bars:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(*exc)


def _ingest_options(map_pairs: tuple[str, ...], allow_private: bool):
    from newsprism.ingest import IngestOptions

    return IngestOptions(field_map=_parse_map(map_pairs), allow_private=allow_private)


def _report_failures(failures) -> None:
    for f in failures:
        click.echo(f"error: {f.source}: {f.reason}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsprism")
def main() -> None:
    """Cross-check news: which articles tell the same story, what each claims, on whose word.

    \b
    Example:
      newsprism analyze articles/ --out out/report
    """


map_option = click.option("--map", "map_pairs", multiple=True, metavar="FIELD=COLUMN",
                          help="Field mapping for JSON/JSONL/CSV records, e.g. --map text=body (repeatable).")
private_option = click.option("--allow-private", is_flag=True,
                              help="Allow URLs that resolve to private, loopback or link-local addresses.")
db_option = click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
                         help="SQLite store (WAL mode).")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@map_option
@private_option
def ingest(inputs: tuple[str, ...], db: str, map_pairs: tuple[str, ...], allow_private: bool) -> None:
    """Read files, folders, feeds or URLs into the store.

    \b
    Example:
      newsprism ingest articles/ feed.xml https://example.org/story.html --db news.db
    """
    from newsprism.ingest.run import ingest_into_store

    with _Bars() as bars:
        result = ingest_into_store(inputs, db=db, options=_ingest_options(map_pairs, allow_private), progress=bars)
    _report_failures(result.failures)
    click.echo(f"{result.added} new articles, {result.duplicates} already stored, {len(result.failures)} failed; store: {db}")
    if result.failures:
        sys.exit(1)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="out/report", show_default=True,
              help="Folder for report.json, report.md and report.html.")
@click.option("--json", "json_file", type=click.Path(dir_okay=False), default=None,
              help="Also write the JSON report to this file.")
@db_option
@map_option
@private_option
def analyze(inputs: tuple[str, ...], out_dir: str, json_file: str | None, db: str, map_pairs: tuple[str, ...],
            allow_private: bool) -> None:
    """Ingest, analyse and cross-check INPUTS; write the report as JSON, Markdown and HTML.

    \b
    Example:
      newsprism analyze ../shared/corpora/seeds --out out/seeds --json r.json
    """
    from newsprism.pipeline import run
    from newsprism.report import print_summary, render_html, render_markdown

    with _Bars() as bars:
        result = run(inputs, db=db, options=_ingest_options(map_pairs, allow_private), progress=bars)
    _report_failures(result.failures)
    report = result.report
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    text = report.to_json()
    (out / "report.json").write_text(text, encoding="utf-8")
    (out / "report.md").write_text(render_markdown(report), encoding="utf-8")
    (out / "report.html").write_text(render_html(report), encoding="utf-8")
    if json_file:
        Path(json_file).parent.mkdir(parents=True, exist_ok=True)
        Path(json_file).write_text(text, encoding="utf-8")
    print_summary(report, Console())
    click.echo(f"report.json: {out / 'report.json'}")
    click.echo(f"report.md:   {out / 'report.md'}")
    click.echo(f"report.html: {out / 'report.html'}")
    if json_file:
        click.echo(f"json:        {json_file}")
    if result.failures:
        sys.exit(1)


@main.command()
@click.argument("article_id")
@db_option
def show(article_id: str, db: str) -> None:
    """Print an article's normalised text (the text every offset refers to).

    \b
    Example:
      newsprism show a-1f2e3d4c5b6a7980 --db news.db
    """
    from newsprism.store import Store

    store = Store(db)
    try:
        art = store.get_article(article_id)
    finally:
        store.close()
    if art is None:
        raise click.ClickException(f"{article_id}: no such article in {db}")
    click.echo(art.text, nl=False)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the stories as JSON.")
def stories(db: str, as_json: bool) -> None:
    """List the stories in the store with their articles and outlets.

    \b
    Example:
      newsprism stories --db news.db
    """
    from newsprism.pipeline import analyze_stored
    from newsprism.store import Store

    store = Store(db)
    try:
        arts = list(store.articles())
    finally:
        store.close()
    report = analyze_stored(arts)
    if as_json:
        click.echo(json.dumps([{"id": s.id, "title": s.title, "article_ids": s.article_ids} for s in report.stories],
                              indent=1))
        return
    for s in report.stories:
        outlets = sorted({(report.article(a).outlet or "?") for a in s.article_ids if report.article(a)})
        click.echo(f"{s.id}  {s.title}  ({len(s.article_ids)} articles; {', '.join(outlets)})")
        for aid in s.article_ids:
            a = report.article(aid)
            if a:
                click.echo(f"    {a.id}  {a.published or '----------'}  {a.outlet or '?'}  {a.title or a.source}")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--jsonl", "jsonl_out", type=click.Path(dir_okay=False), required=True,
              help="Write one JSON line per article here ('-' for stdout).")
@map_option
@private_option
def extract(inputs: tuple[str, ...], jsonl_out: str, map_pairs: tuple[str, ...], allow_private: bool) -> None:
    """Run the per-article analysis alone: one JSON line per article.

    \b
    Example:
      newsprism extract ../shared/corpora/seeds --jsonl seeds.jsonl
    """
    from newsprism.ingest import IngestFailure, ingest_inputs
    from newsprism.nlp import analyze_articles
    from newsprism.nlp.export import extraction_record

    arts, failures = [], []
    for item in ingest_inputs(inputs, _ingest_options(map_pairs, allow_private)):
        (failures if isinstance(item, IngestFailure) else arts).append(item)
    _report_failures(failures)
    fh = sys.stdout if jsonl_out == "-" else open(jsonl_out, "w", encoding="utf-8")
    try:
        n = 0
        for a in analyze_articles(arts):
            fh.write(json.dumps(extraction_record(a), ensure_ascii=False) + "\n")
            n += 1
    finally:
        if fh is not sys.stdout:
            fh.close()
    click.echo(f"{n} articles extracted to {jsonl_out}", err=True)
    if failures:
        sys.exit(1)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--token", default=None, help="Require this bearer token for write endpoints.")
@click.option("--read-only", is_flag=True, help="Refuse every write (ingest) request.")
def serve(db: str, host: str, port: int, token: str | None, read_only: bool) -> None:
    """Serve the web app and JSON API over a store.

    \b
    Example:
      newsprism serve --db news.db --host 127.0.0.1 --port 8000
    """
    from newsprism.web.server import serve as run_server

    run_server(db=db, host=host, port=port, token=token, read_only=read_only)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), required=True, help="Output folder (Parquet + JSON).")
@click.option("--workers", default=2, show_default=True, type=int, help="Worker processes.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Process pool on this machine, or Dask distributed.")
@click.option("--scheduler", default=None, help="Address of an existing Dask scheduler (default: a LocalCluster).")
@map_option
def batch(inputs: tuple[str, ...], out_dir: str, workers: int, engine: str, scheduler: str | None,
          map_pairs: tuple[str, ...]) -> None:
    """Analyse a large archive in parallel; write Parquet tables and per-story reports.

    \b
    Example:
      newsprism batch archive/ --out out/batch --workers 2 --engine dask
    """
    if engine == "local":
        from newsprism.scale.engines import start_loading_local_workers

        start_loading_local_workers()  # spaCy loads in the fork server while the stages below are imported
    from newsprism.scale.batch import run_batch

    with _Bars() as bars:
        result = run_batch(inputs, out_dir=out_dir, workers=workers, engine=engine, scheduler=scheduler,
                           options=_ingest_options(map_pairs, False), progress=bars)
    _report_failures(result.failures)
    click.echo(f"{result.articles} articles in {result.partitions} partitions "
               f"({result.partitions_resumed} resumed), {result.stories} stories")
    click.echo(f"tables and reports: {result.out_dir}")
    if result.failures:
        sys.exit(1)


def entry() -> None:
    """Console entry point: user errors become one line on stderr and exit code 2."""
    try:
        main(standalone_mode=True)
    except NewsprismError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    entry()
