"""Story clustering on invented news: what must be grouped and what must stay apart."""

from __future__ import annotations

import hashlib

import pytest

from newsprism.errors import NewsprismError
from newsprism.model import AnalyzedArticle, Article, Entity, Mention
from newsprism.stories import StoryStream, cluster_stories, stream_key
from newsprism.stories.incremental import StoryClusterer
from newsprism.stories.features import extract_features


def _art(aid: str, title: str, text: str, published: str | None, *, outlet: str = "Daily Ledger",
         duplicate_of: str | None = None) -> AnalyzedArticle:
    return AnalyzedArticle(article=Article(id=aid, source=f"{aid}.txt", text=text, title=title, outlet=outlet,
                                           published=published, duplicate_of=duplicate_of))


def _groups(stories) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in stories}


MEETING_1 = [
    _art("m1a", "Varnosi and Keldar meet in Port Alesund to discuss river treaty",
         "President Ilan Varnosi of Ostravia met Prime Minister Teodor Keldar of Brenmark in Port Alesund on "
         "Tuesday to discuss a treaty on sharing the Vessa river. The two leaders spent three hours at the "
         "harbour hall and agreed to set up a joint water commission, Varnosi told reporters.", "2031-03-04"),
    _art("m1b", "Ostravia and Brenmark agree on Vessa water commission",
         "Meeting in Port Alesund, Ilan Varnosi and Teodor Keldar agreed to a joint commission on the Vessa "
         "river. Keldar said the Port Alesund talks were frank. The commission will publish water quotas "
         "by June, the Ostravian president said.", "2031-03-05", outlet="Brenmark Post"),
]
MEETING_2 = [
    _art("m2a", "Varnosi hosts Keldar in Tavrin for talks on border rail link",
         "President Ilan Varnosi welcomed Prime Minister Teodor Keldar to Tavrin on Friday for talks on a new "
         "rail link across the northern border. The leaders inspected the Tavrin freight yard and signed a "
         "memorandum on track gauges, officials said.", "2031-04-11"),
    _art("m2b", "Keldar and Varnosi sign rail memorandum in Tavrin",
         "In Tavrin, Teodor Keldar and Ilan Varnosi signed a memorandum on a cross-border rail link. The "
         "freight line would run from the Tavrin yard to Lomek, and construction could begin next spring, "
         "Keldar said after the talks.", "2031-04-12", outlet="Brenmark Post"),
]


def test_cluster_same_leaders_a_month_apart_are_two_stories():
    stories = cluster_stories(MEETING_1 + MEETING_2)
    assert _groups(stories) == {frozenset({"m1a", "m1b"}), frozenset({"m2a", "m2b"})}


QUAKE_A = [
    _art("qa1", "Magnitude 6.4 earthquake strikes Korvala province",
         "A magnitude 6.4 earthquake struck Korvala province early on Sunday, collapsing houses in the town "
         "of Drevno. At least 23 people were killed, the Korvala governor Mira Ostensk said. Rescue teams "
         "searched the rubble in Drevno through the night.", "2032-09-12"),
    _art("qa2", "Death toll in Drevno quake rises to 31",
         "The death toll from Sunday's magnitude 6.4 earthquake in Korvala rose to 31, governor Mira Ostensk "
         "said on Monday. Most victims lived in the old quarter of Drevno, where the quake flattened brick "
         "homes.", "2032-09-13", outlet="Korvala Times"),
]
QUAKE_B = [
    _art("qb1", "Earthquake of magnitude 5.1 shakes coastal Semmeria",
         "An earthquake of magnitude 5.1 shook the coastal region of Semmeria on Sunday, damaging the port of "
         "Halvik. Two people were injured, said Semmerian civil defence chief Arno Pelt. Ferries out of "
         "Halvik were suspended.", "2032-09-12"),
    _art("qb2", "Halvik port reopens after magnitude 5.1 quake",
         "The port of Halvik reopened on Monday after the magnitude 5.1 earthquake that shook Semmeria. Arno "
         "Pelt said engineers found cracks in two piers but ferries could resume. Two injured dock workers "
         "left hospital.", "2032-09-13", outlet="Semmeria Herald"),
]


def test_cluster_two_earthquakes_in_different_places_stay_apart():
    stories = cluster_stories(QUAKE_A + QUAKE_B)
    assert _groups(stories) == {frozenset({"qa1", "qa2"}), frozenset({"qb1", "qb2"})}


def test_cluster_syndicated_copy_joins_its_original():
    copy = _art("qa1-copy", "Quake kills at least 23 in Korvala", QUAKE_A[0].article.text, "2032-09-12",
                outlet="Wire Reprints", duplicate_of="qa1")
    stories = cluster_stories(QUAKE_A + QUAKE_B + [copy])
    story = next(s for s in stories if "qa1" in s.article_ids)
    assert "qa1-copy" in story.article_ids
    assert "qb1" not in story.article_ids


GROWING = [
    _art("g1", "Fire breaks out at Lorvik chemical plant",
         "A fire broke out at the Seltra chemical plant in Lorvik on Monday evening. Firefighters evacuated "
         "400 workers and residents near the Seltra site were told to keep windows shut.", "2033-02-07"),
    _art("g2", "Lorvik plant fire still burning, Seltra says",
         "The fire at the Seltra chemical plant in Lorvik was still burning on Tuesday. Seltra said no "
         "worker was hurt and that the blaze started in a solvent store. Lorvik schools stayed closed.",
         "2033-02-08"),
    _art("g3", "Firefighters put out Seltra blaze after three days",
         "Firefighters put out the Seltra plant fire in Lorvik on Thursday, three days after it began in a "
         "solvent store. Air readings around Lorvik were back to normal, the city said.", "2033-02-10"),
    _art("g4", "Lorvik prosecutors open inquiry into Seltra fire",
         "Prosecutors in Lorvik opened an inquiry into the fire at the Seltra chemical plant, asking whether "
         "solvent store rules were broken. Seltra said it would cooperate.", "2033-02-14"),
]


def test_cluster_story_grows_over_several_days():
    stories = cluster_stories(GROWING + QUAKE_A)
    grown = next(s for s in stories if "g1" in s.article_ids)
    assert grown.article_ids == ["g1", "g2", "g3", "g4"]
    assert len(stories) == 2


def test_cluster_batch_equals_stream_in_publication_order():
    everything = MEETING_1 + MEETING_2 + QUAKE_A + QUAKE_B + GROWING
    batch = cluster_stories(list(reversed(everything)))
    clusterer = StoryClusterer()
    for art in sorted(everything, key=lambda a: (a.article.published or "", a.id)):
        clusterer.add(extract_features(art))
    clusterer.finish()
    streamed = {frozenset(s.article_ids) for s in clusterer.stories}
    assert _groups(batch) == streamed
    assert [s.id for s in batch] == [s.id for s in clusterer.stories]


def test_story_stream_fed_piece_by_piece_equals_the_batch_and_refuses_articles_out_of_order():
    """``newsprism batch`` feeds partitions as they are analysed: same stories, titles and ids as the batch."""
    everything = MEETING_1 + MEETING_2 + QUAKE_A + QUAKE_B + GROWING
    ordered = sorted(everything, key=lambda a: stream_key(a.article))
    stream = StoryStream()
    for piece in (ordered[:3], ordered[3:7], ordered[7:]):
        for art in piece:
            stream.add(art)
    assert stream.finish() == cluster_stories(list(reversed(everything)))
    late = StoryStream()
    late.add(ordered[-1])
    with pytest.raises(NewsprismError, match="publication order"):
        late.add(ordered[0])


def test_cluster_story_id_depends_on_first_article_only():
    small = cluster_stories(GROWING[:1])
    full = cluster_stories(GROWING)
    expected = "s-" + hashlib.sha1(b"g1").hexdigest()[:12]
    assert small[0].id == full[0].id == expected


def test_cluster_undated_article_joins_dated_story():
    undated = _art("u1", "Seltra plant fire: what we know",
                   "The Seltra chemical plant in Lorvik caught fire in a solvent store; firefighters "
                   "evacuated workers and Lorvik schools closed while the Seltra blaze burned.", None)
    stories = cluster_stories(GROWING + [undated])
    assert len(stories) == 1


def _with_entities(art: AnalyzedArticle, names: dict[str, str]) -> AnalyzedArticle:
    """Attach analysis-stage entities (name -> type), one mention per occurrence in the text."""
    text = art.article.text
    for k, (name, etype) in enumerate(names.items()):
        spans = [i for i in range(len(text)) if text.startswith(name, i)]
        art.entities.append(Entity(id=f"{art.id}:e{k}", name=name, type=etype,
                                   mentions=[Mention(start=i, end=i + len(name), text=name) for i in spans]))
    return art


# Two fraud trials in one city in the same week: the same kind of crime, told in the same words
# ("went on trial", "prosecutors", "fraud", "bank"), but different defendants, banks and sums.
TRIAL_A = [
    _with_entities(_art("t1", "Dorian Vasquel goes on trial in Merrow over Calder Savings fraud",
                        "Former Calder Savings treasurer Dorian Vasquel went on trial in Merrow on Monday, accused "
                        "of moving 4.2 million crowns of client deposits into shell firms in Lisvane. Prosecutor "
                        "Anja Rell told the court Vasquel forged the bank's ledgers for six years. Vasquel denies "
                        "fraud.", "2034-05-02"),
                   {"Dorian Vasquel": "PERSON", "Vasquel": "PERSON", "Calder Savings": "ORG", "Merrow": "GPE",
                    "Lisvane": "GPE", "Anja Rell": "PERSON"}),
    _with_entities(_art("t2", "Calder Savings ledgers were forged, Vasquel trial hears",
                        "A forensic accountant told the Merrow court on Tuesday that Calder Savings ledgers were "
                        "altered from an account Dorian Vasquel controlled. The 4.2 million crowns went to Lisvane "
                        "shell firms, prosecutor Anja Rell said. Vasquel's lawyer called the evidence "
                        "circumstantial.", "2034-05-03", outlet="Merrow Courier"),
                   {"Calder Savings": "ORG", "Merrow": "GPE", "Dorian Vasquel": "PERSON", "Vasquel": "PERSON",
                    "Lisvane": "GPE", "Anja Rell": "PERSON"}),
]
TRIAL_B = [
    _with_entities(_art("t3", "Helga Brunnstrom on trial in Merrow over Ostby Mutual loans",
                        "Helga Brunnstrom, who ran the lending desk of Ostby Mutual, went on trial in Merrow on "
                        "Monday over 310 fake mortgage loans worth 18 million crowns. Prosecutors say Brunnstrom "
                        "approved loans to invented buyers in Harsk and kept the fees. She pleaded not guilty to "
                        "fraud.", "2034-05-02"),
                   {"Helga Brunnstrom": "PERSON", "Brunnstrom": "PERSON", "Ostby Mutual": "ORG", "Merrow": "GPE",
                    "Harsk": "GPE"}),
    _with_entities(_art("t4", "Ostby Mutual auditor describes fake buyers at Brunnstrom trial",
                        "An auditor of Ostby Mutual testified on Tuesday that none of the 310 Harsk buyers named in "
                        "Helga Brunnstrom's loan files could be found. The Merrow court heard that the 18 million "
                        "crowns in loans were never repaid. Brunnstrom's defence says the bank's board knew.",
                        "2034-05-03", outlet="Merrow Courier"),
                   {"Ostby Mutual": "ORG", "Harsk": "GPE", "Helga Brunnstrom": "PERSON", "Brunnstrom": "PERSON",
                    "Merrow": "GPE"}),
]


def test_cluster_two_trials_of_different_people_for_the_same_crime_stay_apart():
    assert _groups(cluster_stories(TRIAL_A + TRIAL_B)) == {frozenset({"t1", "t2"}), frozenset({"t3", "t4"})}


def test_cluster_empty_input_gives_no_stories():
    assert cluster_stories([]) == []


# Two ferry sinkings reported on one day, and a safety piece that names both: the streaming pass,
# taking them in turn (ids order articles of one day), chains them through it; the re-check at the end
# of the stream splits them. (Dated, so that the window lets them chain: undated articles face the
# evidence test, see test_cluster_undated_short_articles_sharing_only_a_famous_name_stay_apart.)
FERRY_DAY = "2024-05-10"
FERRY_SAFETY = _art("f0", "Two ferry sinkings put Lake Morrow and Tessel Bay operators under scrutiny",
                    "Inspectors in Dornland will review ferry operators after the Kestrel sank on Lake Morrow "
                    "near Halvik and the Marigold capsized in Tessel Bay off Brunport. Captain Elias Wend of "
                    "the Kestrel and the Marigold's owner, Sunna Ferries, face questions about overloading, "
                    "transport minister Petra Olm said.", FERRY_DAY)
FERRY_A = [
    _art(f"f{i}", title, text, FERRY_DAY) for i, (title, text) in zip((1, 3, 5, 7), [
        ("Ferry Kestrel sinks on Lake Morrow, 14 missing",
         "The ferry Kestrel sank on Lake Morrow near Halvik after taking on water in a storm. Fourteen "
         "passengers are missing and 40 were pulled from the lake by fishermen from Halvik, police said. "
         "Captain Elias Wend survived."),
        ("Divers search Lake Morrow wreck of the Kestrel",
         "Police divers searched the wreck of the Kestrel at the bottom of Lake Morrow on Thursday. Halvik "
         "harbour master Jon Treff said the Kestrel carried 54 people, more than its licence allowed. "
         "Captain Elias Wend was questioned in Halvik."),
        ("Halvik mourns Kestrel victims as captain Wend is charged",
         "Prosecutors in Halvik charged captain Elias Wend with negligence over the sinking of the Kestrel "
         "on Lake Morrow, in which 14 people died. Families laid flowers at the Halvik pier where the "
         "Kestrel had set off."),
        ("Kestrel survivors describe panic as water flooded the lower deck",
         "Survivors of the Kestrel told Halvik police that water poured into the lower deck minutes "
         "after the storm hit Lake Morrow. Several said captain Elias Wend ordered passengers to the "
         "roof as the ferry listed."),
    ])
]
FERRY_B = [
    _art(f"f{i}", title, text, FERRY_DAY) for i, (title, text) in zip((2, 4, 6, 8), [
        ("Marigold ferry capsizes in Tessel Bay off Brunport",
         "The Marigold, a car ferry run by Sunna Ferries, capsized in Tessel Bay two miles off Brunport. "
         "The coast guard rescued 212 people and recovered 9 bodies, Brunport officials said. A shifted "
         "truck on the car deck is suspected."),
        ("Sunna Ferries suspends sailings after Marigold disaster",
         "Sunna Ferries halted all sailings from Brunport after the Marigold capsized in Tessel Bay, "
         "killing 9 people. The company said a truck came loose on the Marigold's car deck as the ferry "
         "turned toward Brunport."),
        ("Brunport coast guard raises the Marigold",
         "Salvage crews of the Brunport coast guard raised the Marigold from Tessel Bay on Sunday. "
         "Investigators will inspect the car deck lashings; Sunna Ferries said it would pay the families "
         "of the 9 dead."),
        ("Marigold crew member says truck lashings were loosened early",
         "A crew member of the Marigold told the Brunport inquiry that lashings on a truck were loosened "
         "before the ferry reached Tessel Bay. Sunna Ferries declined to comment while the Brunport "
         "coast guard investigation continues."),
    ])
]


def test_cluster_chained_look_alike_events_are_split_when_the_story_closes():
    arts = [FERRY_SAFETY] + FERRY_A + FERRY_B
    clusterer = StoryClusterer()
    for art in sorted(arts, key=lambda a: (a.article.published or "", a.id)):
        clusterer.add(extract_features(art))
    assert len(clusterer.stories) == 1  # the streaming pass chained both sinkings through f0
    clusterer.finish()
    groups = {frozenset(s.article_ids) for s in clusterer.stories}
    kestrel, marigold = {a.id for a in FERRY_A}, {a.id for a in FERRY_B}
    assert len(groups) == 2
    assert any(kestrel <= g and not g & marigold for g in groups)
    assert any(marigold <= g and not g & kestrel for g in groups)
    assert _groups(cluster_stories(arts)) == groups


# Undated headline-and-lead pairs, as an aggregator shows them: two unrelated events that share
# only a famous name, and two reports of one event that share its specifics.
FAMOUS = [
    _art("p1", "Halloran signs order on coastal wind farms",
         "President Halloran signed an executive order opening three coastal zones to offshore wind farms.", None),
    _art("p2", "Halloran hosts championship hockey team at residence",
         "President Halloran welcomed the Gravesend Otters, winners of the national hockey final, at a dinner.",
         None),
    _art("p3", "President Halloran orders offshore wind leases along coast",
         "An executive order from President Halloran opens coastal zones to offshore wind farm leases.", None),
]


def test_cluster_undated_short_articles_sharing_only_a_famous_name_stay_apart():
    # Many undated articles naming the president make the name common, as it is in a real stream.
    filler = [_art(f"z{i:02d}", f"Halloran comments on topic {i}", f"President Halloran spoke about issue {i}.", None)
              for i in range(30)]
    groups = _groups(cluster_stories(FAMOUS + filler))
    assert not any({"p1", "p2"} <= g or {"p2", "p3"} <= g for g in groups)
    assert any({"p1", "p3"} <= g for g in groups)



def test_cluster_dated_articles_need_the_same_evidence_to_join_an_undated_story():
    # An undated story has no window either: dated reports sharing only the name stay out of it.
    p1, _, p3 = FAMOUS
    dated = [_art(f"d{i:02d}", f"Halloran comments on topic {i}", f"President Halloran spoke about issue {i}.",
                  "2026-03-04") for i in range(30)]
    groups = _groups(cluster_stories([p1, p3, *dated]))
    assert any({"p1", "p3"} <= g for g in groups)
    assert not any("p1" in g and any(a.startswith("d") for a in g) for g in groups)
