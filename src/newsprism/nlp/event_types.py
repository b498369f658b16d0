"""The event lexicon: trigger lemma -> (project event type, PLOVER category).

General English, grouped by PLOVER's top-level definitions (Open Event
Data Alliance): CONSULT is meeting, visiting, phoning and negotiating;
AGREE is agreeing, promising and signing; REQUEST is demanding, urging and
appealing; ACCUSE is criticising and blaming; REJECT is refusing and
denying; COERCE is arresting, seizing and banning; ASSAULT is any violence.
``None`` as the category means the project tracks the event but PLOVER has
no class for it (an election, a disaster).
"""

from __future__ import annotations

Trigger = tuple[str, str | None]


def _group(kind: str, plover: str | None, lemmas: str) -> dict[str, Trigger]:
    return {lemma: (kind, plover) for lemma in lemmas.split()}


VERB_TRIGGERS: dict[str, Trigger] = {
    **_group("meeting", "CONSULT", "meet host receive confer"),
    **_group("visit", "CONSULT", "visit tour"),
    **_group("talks", "CONSULT", "talk speak discuss consult"),
    **_group("negotiation", "CONSULT", "negotiate mediate"),
    **_group("briefing", "CONSULT", "brief update inform"),
    **_group("agreement", "AGREE", "agree sign ratify approve settle"),
    **_group("pledge", "AGREE", "promise pledge vow commit offer"),
    **_group("support", "SUPPORT", "support back praise welcome commend congratulate hail endorse "
                                   "defend thank applaud forgive"),
    **_group("concession", "CONCEDE", "concede yield allow permit lift ease relax shorten pardon "
                                      "apologize apologise compromise accept"),
    **_group("release", "CONCEDE", "release free"),
    **_group("withdrawal", "RETREAT", "withdraw retreat surrender evacuate demobilize disarm"),
    **_group("resignation", "RETREAT", "resign"),
    **_group("cooperation", "COOPERATE", "cooperate collaborate share coordinate"),
    **_group("aid", "AID", "aid donate provide supply deliver assist help fund finance grant rescue"),
    **_group("demand", "REQUEST", "demand urge ask request appeal petition order press"),
    **_group("accusation", "ACCUSE", "accuse criticize criticise condemn denounce blame charge censure "
                                     "deplore slam sue complain"),
    **_group("rejection", "REJECT", "reject refuse veto rebuff dismiss decline oppose renege defy"),
    **_group("denial", "REJECT", "deny"),
    **_group("threat", "THREATEN", "threaten"),
    **_group("protest", "PROTEST", "protest demonstrate rally march riot picket boycott block blockade"),
    **_group("sanction", "SANCTION", "sanction embargo expel suspend sever freeze"),
    **_group("mobilization", "MOBILIZE", "mobilize mobilise deploy mass reinforce patrol"),
    **_group("arrest", "COERCE", "arrest detain jail imprison deport kidnap abduct seize confiscate "
                                 "raid demolish ban censor hack evict"),
    **_group("attack", "ASSAULT", "attack bomb shell kill shoot wound assassinate torture beat invade "
                                  "ambush massacre bombard storm strike"),
    **_group("fighting", "ASSAULT", "clash fight battle"),
    **_group("investigation", "INVESTIGATE", "investigate probe inspect"),
    **_group("acquisition", None, "acquire buy purchase"),
    **_group("election", None, "elect"),
    **_group("statement", None, "announce declare"),
}

NOUN_TRIGGERS: dict[str, Trigger] = {
    **_group("phone_call", "CONSULT", "call conversation"),
    **_group("meeting", "CONSULT", "meeting"),
    **_group("summit", "CONSULT", "summit"),
    **_group("visit", "CONSULT", "visit trip"),
    **_group("talks", "CONSULT", "talks"),
    **_group("negotiation", "CONSULT", "negotiation negotiations mediation"),
    **_group("agreement", "AGREE", "agreement deal accord treaty pact"),
    **_group("ceasefire", "AGREE", "ceasefire truce armistice"),
    **_group("ultimatum", "THREATEN", "ultimatum"),
    **_group("threat", "THREATEN", "threat"),
    **_group("sanction", "SANCTION", "sanction sanctions embargo"),
    **_group("tariff", "SANCTION", "tariff tariffs duty duties"),
    **_group("attack", "ASSAULT", "attack airstrike bombing strike offensive invasion assault shelling raid"),
    **_group("fighting", "ASSAULT", "clash clashes fighting battle"),
    **_group("protest", "PROTEST", "protest demonstration rally boycott riot"),
    **_group("arrest", "COERCE", "arrest detention curfew crackdown"),
    **_group("aid", "AID", "aid assistance"),
    **_group("demand", "REQUEST", "demand appeal"),
    **_group("sanction", "SANCTION", "suspension expulsion"),
    **_group("investigation", "INVESTIGATE", "investigation probe inquiry hearing"),
    **_group("withdrawal", "RETREAT", "withdrawal"),
    **_group("election", None, "election vote referendum"),
    **_group("disaster", None, "earthquake flood hurricane typhoon wildfire tsunami drought"),
    **_group("acquisition", None, "acquisition takeover merger"),
}

# Modifiers that make a "strike" a stoppage of work, not a military strike.
STOPPAGE_MODIFIERS = frozenset({
    "hunger", "general", "labor", "labour", "national", "nationwide", "indefinite", "open-ended",
    "warning", "wildcat", "workers", "teachers", "doctors", "rail", "transport",
    "union", "unions", "dock", "port", "staff", "nurses", "pilots", "miners", "drivers", "employees",
})
# Who goes on strike: a "striking" subject or modified noun from this list makes a work stoppage.
WORKER_NOUNS = frozenset({
    "worker", "dockworker", "docker", "employee", "staff", "union", "nurse", "doctor", "teacher", "pilot",
    "miner", "driver", "crew", "member", "farmer", "student", "porter", "laborer", "labourer",
})
# Natural hazards: a hazard that "strikes", "hits" or "kills" is a disaster, not an attack.
HAZARD_NOUNS = frozenset({
    "earthquake", "quake", "tremor", "aftershock", "storm", "flood", "flooding", "hurricane", "typhoon",
    "cyclone", "tornado", "wildfire", "fire", "blaze", "landslide", "mudslide", "tsunami", "eruption",
    "avalanche", "drought", "heatwave", "monsoon", "blizzard",
})
IMPACT_VERBS = frozenset({"strike", "hit", "kill", "shake", "rock", "destroy", "damage", "wound", "injure",
                          "devastate", "flatten", "jolt", "rattle", "batter", "sweep", "displace"})
# Verbs that carry no event of their own: "held talks", "imposed sanctions".
LIGHT_VERBS = frozenset({
    "hold", "have", "conduct", "make", "take", "attend", "stage", "launch", "issue", "impose",
    "reach", "sign", "carry", "mount", "give", "deliver", "begin", "continue", "open", "lodge",
    "announce", "start", "resume", "join", "organize", "organise", "host", "place",
    "slap", "levy", "introduce", "seal", "strike", "broker", "call", "declare", "agree",
    "order", "approve", "plan", "propose", "schedule", "set",
})
# Words in a sentence that turn talks or a briefing into a phone call.
PHONE_CUES = frozenset({"phone", "telephone", "call", "calls", "conversation", "video", "phoned"})
# Modifiers of a nominal event that place it in the future.
PLANNED_MODIFIERS = frozenset({
    "upcoming", "planned", "expected", "proposed", "possible", "potential", "future",
    "forthcoming", "likely", "prospective", "scheduled", "next", "anticipated",
})
# Verbs that govern a planned event: "plans to meet", "is expected to visit".
PLANNING_VERBS = frozenset({
    "expect", "plan", "schedule", "set", "intend", "prepare", "aim", "hope", "want", "seek",
    "propose", "due", "agree", "offer", "promise", "pledge", "vow", "swear", "arrange", "invite", "consider",
})
# Verbs that govern a negated event: "refused to meet", "failed to reach a deal".
NEGATING_VERBS = frozenset({"refuse", "fail", "decline", "deny", "reject", "cancel", "postpone"})
# Verbs that govern a threatened event: "threatened to impose sanctions".
THREAT_VERBS = frozenset({"threaten", "warn"})
# PLOVER codes an announced intention as AGREE when cooperative and as
# THREATEN when hostile; these are the hostile categories.
HOSTILE = frozenset({"SANCTION", "ASSAULT", "COERCE", "PROTEST", "THREATEN", "MOBILIZE", "REJECT"})
