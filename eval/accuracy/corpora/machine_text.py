"""machine_text (../shared/corpora/machine_text): machine-written and human texts, with the generator of each.

A machine text and the human passage it continues share the split (the unit
is the human passage's id; a human text is its own unit, an NGEC story, with
no human partner, is its own too), so a prompt never straddles tune and check.
The one machine text that upstream marks identical to its human passage is
left out: it carries no machine-written word.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from accuracy.corpora.jsonl import records
from accuracy.splits import Split, hashed_split

DOMAINS = ("pubmed", "writing", "squad", "news")


@dataclass(frozen=True)
class MachineText:
    id: str
    text: str
    machine: bool
    generator: str
    domain: str
    split: Split
    group: str = ""  # the split unit (pair_key): a machine text and its paired human text share it


def pair_key(record: dict) -> str:
    """The split unit: the paired human passage of a machine text, else the text itself."""
    return record.get("human_id") or record["id"]


def read_corpus(corpora: Path) -> list[MachineText]:
    """Every text, in a fixed order that mixes domains and labels (a hash of the id), so any prefix is a sample."""
    path = corpora / "machine_text" / "machine_text.jsonl"
    out: list[MachineText] = []
    for rec in records(path, "machine_text corpus"):
        if rec.get("identical_to_human"):
            continue
        out.append(MachineText(id=rec["id"], text=rec["text"], machine=rec["label"] == "machine",
                               generator=rec["generator"], domain=rec["domain"],
                               split=hashed_split("machine_text", pair_key(rec)), group=pair_key(rec)))
    return sorted(out, key=lambda t: hashlib.sha256(t.id.encode("utf-8")).hexdigest())
