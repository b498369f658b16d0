"""Framing on invented articles from three invented outlets."""

from __future__ import annotations

from newsprism.crosscheck.framing import frame_story
from newsprism.model import AnalyzedArticle, Article, CanonicalEntity, Entity, Mention, Story

TEXTS = {
    "a-1": ("Harbour Times",
            "Estavian strongman Piotr Hrevnik met envoy Dmitry Volkan in Tbelis on Monday, days after Norland's "
            "full-scale invasion of Estavia entered its third month. Volkan said the war in Estavia could end "
            "by winter."),
    "a-2": ("Coastal Wire",
            "Estavian President Piotr Hrevnik received Dmitri Volkan, special envoy for fisheries, in "
            "Tbilis on Monday to discuss the Estavian "
            "crisis, his office said. Hrevnik said the crisis had cost the economy dearly."),
    "a-3": ("Northern Post",
            "Piotr Hrevnik, the Estavian President, told Dmitri Volkan that the conflict in Estavia must end. "
            "Volkan, whose talks on the war continue, said he was hopeful."),
}


def _mentions(text: str, phrase: str, kind: str = "name") -> list[Mention]:
    out, pos = [], text.find(phrase)
    while pos >= 0:
        out.append(Mention(pos, pos + len(phrase), phrase, kind))
        pos = text.find(phrase, pos + 1)
    return out


def _entity(aid: str, n: int, name: str, etype: str, names: list[str], labels: list[str]) -> Entity:
    text = TEXTS[aid][1]
    mentions = [m for p in names for m in _mentions(text, p)]
    # a short name inside a longer one is the longer one's mention
    mentions = [m for m in mentions if not any(o is not m and o.start <= m.start and m.end <= o.end
                                               and (o.end - o.start) > (m.end - m.start) for o in mentions)]
    return Entity(id=f"{aid}:e{n}", name=name, type=etype,  # type: ignore[arg-type]
                  mentions=mentions, labels=[m for lab in labels for m in _mentions(text, lab, "descriptor")])


def _world() -> tuple[Story, list[AnalyzedArticle]]:
    ents = {
        "a-1": [_entity("a-1", 1, "Piotr Hrevnik", "PERSON", ["Piotr Hrevnik"], ["Estavian strongman"]),
                _entity("a-1", 2, "Dmitry Volkan", "PERSON", ["Dmitry Volkan", "Volkan"], ["envoy"]),
                _entity("a-1", 3, "Tbelis", "GPE", ["Tbelis"], []),
                _entity("a-1", 4, "Estavia", "GPE", ["Estavia"], []),
                _entity("a-1", 5, "Norland", "GPE", ["Norland"], [])],
        "a-2": [_entity("a-2", 1, "Piotr Hrevnik", "PERSON", ["Piotr Hrevnik", "Hrevnik"], ["Estavian President"]),
                _entity("a-2", 2, "Dmitri Volkan", "PERSON", ["Dmitri Volkan"],
                        ["special envoy for fisheries"]),
                _entity("a-2", 3, "Tbilis", "GPE", ["Tbilis"], [])],
        "a-3": [_entity("a-3", 1, "Piotr Hrevnik", "PERSON", ["Piotr Hrevnik"], ["the Estavian President"]),
                _entity("a-3", 2, "Dmitri Volkan", "PERSON", ["Dmitri Volkan", "Volkan"], []),
                _entity("a-3", 3, "Estavia", "GPE", ["Estavia"], [])],
    }
    articles = [AnalyzedArticle(article=Article(id=aid, source=f"{aid}.txt", text=text, outlet=outlet),
                                entities=ents[aid]) for aid, (outlet, text) in TEXTS.items()]

    def canon(cid: str, name: str, etype: str, n: int, aids: list[str]) -> CanonicalEntity:
        return CanonicalEntity(id=cid, name=name, type=etype, aliases=[name],  # type: ignore[arg-type]
                               article_ids=aids, members={a: [f"{a}:e{n}"] for a in aids})

    story = Story(id="s-1", title="talks", article_ids=list(TEXTS), entities=[
        canon("e-hrevnik", "Piotr Hrevnik", "PERSON", 1, ["a-1", "a-2", "a-3"]),
        canon("e-volkan", "Dmitri Volkan", "PERSON", 2, ["a-1", "a-2", "a-3"]),
        canon("e-tbelis", "Tbelis", "GPE", 3, ["a-1"]),
        canon("e-tbilis", "Tbilis", "GPE", 3, ["a-2"]),
        CanonicalEntity(id="e-estavia", name="Estavia", type="GPE", aliases=["Estavia"], article_ids=["a-1", "a-3"],
                        members={"a-1": ["a-1:e4"], "a-3": ["a-3:e3"]}),
        CanonicalEntity(id="e-norland", name="Norland", type="GPE", aliases=["Norland"], article_ids=["a-1"],
                        members={"a-1": ["a-1:e5"]}),
    ])
    return story, articles


def _by_subject(aspect: str) -> dict[str, dict[str, list[str]]]:
    story, articles = _world()
    return {f.subject: {v.term: v.article_ids for v in f.variants}
            for f in frame_story(story, articles) if f.aspect == aspect}


def test_frame_story_labels_differ_and_the_loaded_one_is_marked():
    story, articles = _world()
    labels = [f for f in frame_story(story, articles) if f.aspect == "label"]
    # Volkan is an "envoy" in one outlet and a "special envoy for fisheries" in another: same head.
    assert [f.subject for f in labels] == ["Piotr Hrevnik"]
    terms = {v.term: (v.article_ids, v.loaded) for v in labels[0].variants}
    assert terms == {"Estavian President": (["a-2", "a-3"], False), "Estavian strongman": (["a-1"], True)}
    for v in labels[0].variants:
        for e in v.evidence:
            text = TEXTS[e.article_id][1]
            assert text[e.start:e.end].lower().endswith(v.term.split()[-1].lower())


def test_frame_story_name_spellings_but_not_short_forms():
    names = _by_subject("name")
    assert names["Dmitri Volkan"] == {"Dmitri Volkan": ["a-2", "a-3"], "Dmitry Volkan": ["a-1"]}
    assert "Piotr Hrevnik" not in names  # "Hrevnik" beside "Piotr Hrevnik" is a short form


def test_frame_story_joins_place_spellings_the_linker_kept_apart():
    names = _by_subject("name")
    tb = next(v for k, v in names.items() if k in ("Tbelis", "Tbilis"))
    assert tb == {"Tbelis": ["a-1"], "Tbilis": ["a-2"]}


def test_frame_story_event_names():
    events = _by_subject("event")
    assert list(events) == ["the war in Estavia"]
    variants = next(iter(events.values()))
    assert variants["full-scale invasion"] == ["a-1"]
    assert variants["war"] == ["a-1", "a-3"]
    assert variants["Estavian crisis"] == ["a-2"]
    assert variants["conflict"] == ["a-3"]


def test_frame_story_same_words_everywhere_is_no_framing():
    story, articles = _world()
    one = [a for a in articles if a.id == "a-2"]
    story.article_ids = ["a-2"]
    assert frame_story(story, one) == []


def test_frame_story_regime_versus_government():
    texts = {"a-x": ("Harbour Times", "Sanctions on the Estavian regime were extended on Friday."),
             "a-y": ("Coastal Wire", "The Estavian government said the sanctions were unlawful."),
             "a-z": ("Northern Post", "Talks with the government in Estavia resumed.")}
    articles = [AnalyzedArticle(article=Article(id=aid, source=f"{aid}.txt", text=t, outlet=o))
                for aid, (o, t) in texts.items()]
    story = Story(id="s-2", title="sanctions", article_ids=list(texts), entities=[
        CanonicalEntity(id="e-estavia", name="Estavia", type="GPE", aliases=["Estavia"], article_ids=["a-z"])])
    labels = [f for f in frame_story(story, articles) if f.aspect == "label"]
    assert len(labels) == 1 and labels[0].subject == "the government of Estavia"
    terms = {v.term: (v.article_ids, v.loaded) for v in labels[0].variants}
    assert terms == {"Estavian government": (["a-y", "a-z"], False), "Estavian regime": (["a-x"], True)}


def test_frame_story_compounds_name_other_things():
    texts = {"a-x": ("Harbour Times", "The rescue operation in Estavia continued as the crisis in Estavia deepened."),
             "a-y": ("Coastal Wire", "Aid groups said the humanitarian crisis in Estavia was worsening.")}
    articles = [AnalyzedArticle(article=Article(id=aid, source=f"{aid}.txt", text=t, outlet=o))
                for aid, (o, t) in texts.items()]
    story = Story(id="s-3", title="quake", article_ids=list(texts), entities=[
        CanonicalEntity(id="e-estavia", name="Estavia", type="GPE", aliases=["Estavia"], article_ids=list(texts))])
    events = [f for f in frame_story(story, articles) if f.aspect == "event"]
    assert [{v.term for v in f.variants} for f in events] == [{"crisis", "humanitarian crisis"}]


def test_frame_story_partitive_label_keeps_its_noun():
    texts = {"a-x": ("Harbour Times", "Piotr Hrevnik, one of Norland's fiercest critics, spoke on Monday."),
             "a-y": ("Coastal Wire", "Estavian President Piotr Hrevnik spoke on Monday.")}
    labels = {"a-x": "one of Norland's fiercest critics", "a-y": "Estavian President"}
    articles = []
    for aid, (outlet, text) in texts.items():
        start = text.index(labels[aid])
        name_at = text.index("Piotr Hrevnik")
        ent = Entity(id=f"{aid}:e1", name="Piotr Hrevnik", type="PERSON",
                     mentions=[Mention(name_at, name_at + 13, "Piotr Hrevnik")],
                     labels=[Mention(start, start + len(labels[aid]), labels[aid], "descriptor")])
        articles.append(AnalyzedArticle(article=Article(id=aid, source=f"{aid}.txt", text=text, outlet=outlet),
                                        entities=[ent]))
    story = Story(id="s-4", title="x", article_ids=list(texts), entities=[
        CanonicalEntity(id="e-h", name="Piotr Hrevnik", type="PERSON", article_ids=list(texts),
                        members={aid: [f"{aid}:e1"] for aid in texts})])
    labels_found = [f for f in frame_story(story, articles) if f.aspect == "label"]
    assert {v.term for v in labels_found[0].variants} == {"fiercest critics", "Estavian President"}
