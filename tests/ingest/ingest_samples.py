"""Invented news articles (names, places and outlets are fictional) written into tmp_path by the ingest tests."""

from __future__ import annotations

PARAGRAPHS = [
    "Dockworkers at the port of Velden walked off the job on Tuesday, halting container traffic at the country's "
    "second-largest harbour, the Velden Port Authority said.",
    "The strike, called by the Harbour Workers' Union after talks over night-shift pay collapsed, left at least "
    "forty ships waiting at anchor outside the breakwater by the evening.",
    "\"We have asked for the same rate for three years and have been ignored,\" union secretary Marta Olenska told "
    "reporters at the gates, adding that the walkout would continue until management returned to the table.",
    "Transport Minister Pavel Runge said the government was ready to mediate and urged both sides to resume "
    "negotiations, warning that fuel deliveries to the northern provinces could be delayed within days.",
    "Shipping agents said two grain carriers had already been diverted to the smaller port of Ostrava Bay, "
    "where cranes are older and unloading takes roughly twice as long.",
    "The port authority estimated losses at 12 million crowns a day and said perishable cargo would be moved "
    "first once work resumed.",
]

TEXT_WITH_HEADER = (
    "velden-courier.example\n\n"
    "News ID: 88121\n"
    "Publish Date : 12 March 2024 - 18:40\n\n"
    "Velden dockworkers strike over night-shift pay\n\n"
    "VELDEN (Courier) - \n" + "\n".join(PARAGRAPHS) + "\n"
)

TEXT_WIRE = (
    "\nMinister offers to mediate in Velden port strike\n"
    "Mar 13, 2024\n"
    "Velden [Norland], March 13 : " + " ".join(PARAGRAPHS[3:5]) + "\n"
    "https://social.example/runge/status/4411\n"
    "The minister spoke a day after the walkout began on March 12, according to the port authority.\n"
)

TEXT_NO_HEADER = (
    "On March 12, dockworkers in Velden stopped work over night-shift pay, the port authority reported. "
    "Union secretary Marta Olenska said on March 11 that talks had failed.\n"
    "Talks are scheduled to resume on March 19, officials said, and a mediator will be named next week.\n"
    "The port handled record volumes last year.\n"
)

TEXT_WITH_REFERENCES = (
    "Velden strike: what we know\n\n"
    "The dockworkers' strike in Velden is expected to last for several days, and negotiations will take place "
    "on March 19, 2024, at the labour ministry.\n"
    "Experts believe the walkout highlights long-standing tensions in the logistics sector [1][2].\n"
    "[1] Norland Herald. (2024, March 2). Port unions warn of action over pay. Retrieved from "
    "https://herald.example/2024/03/02/port-unions\n"
    "[2] Harbour Weekly. (2024, February 27). Velden night shifts under strain. Retrieved from "
    "https://harbourweekly.example/velden-night-shifts\n"
)


def html_page(title: str, paragraphs: list[str], *, date: str = "2024-03-12", site: str = "Norland Herald",
              url: str = "https://herald.example/2024/03/12/velden-strike") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{date}T09:30:00Z">
<link rel="canonical" href="{url}"></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>{title}</h1>
{body}
</article>
<section class="comments"><h3>Comments</h3><p>Reader42: Subscribe to my channel for more port news!</p></section>
<footer><p>Copyright Norland Herald Media Group. All rights reserved. Contact our newsroom.</p></footer>
</body></html>
"""


_TOWNS = ["Velden", "Rondale", "Marenbourg", "Ostrava Bay", "Kesselholm", "Tarnwick", "Blauberg", "Lindquay"]
_PEOPLE = ["Marta Olenska", "Pavel Runge", "Ilse Varga", "Tomas Brenner", "Noor Haddad", "Eli Sandor"]
_ROLES = ["union secretary", "transport minister", "port director", "mayor", "harbour master", "economist"]
_SENTENCES = [
    "Workers in {town} stopped work on {day} over {issue}, the {body} said.",
    "{person}, the {role}, told reporters that talks on {issue} had stalled after {n} hours.",
    "About {n} ships were waiting outside {town} by the evening, according to shipping agents.",
    "The {body} estimated losses at {n} million crowns a day.",
    "\"We will not accept another delay,\" {person} said outside the {body} offices in {town}.",
    "Officials in {town} warned that deliveries of {cargo} could be delayed within days.",
    "{person} said the government was ready to mediate between the {body} and the unions.",
    "Two carriers loaded with {cargo} were diverted to {town2}, where unloading takes longer.",
    "The last stoppage in {town}, over {issue}, ended after {n} days without agreement.",
    "Importers of {cargo} said prices had risen by {n} percent since the start of the month.",
]
_ISSUES = ["night-shift pay", "pension rules", "crane safety", "overtime rates", "staffing levels"]
_BODIES = ["port authority", "harbour board", "transport ministry", "chamber of commerce", "dockers' union"]
_CARGO = ["grain", "fuel", "fresh fruit", "timber", "fertiliser", "steel coils"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generated_text(n: int) -> str:
    """The n-th of many distinct plain-text articles, recombined from templates (for volume tests)."""
    import random

    rnd = random.Random(n)

    def slots() -> dict[str, object]:
        return dict(town=rnd.choice(_TOWNS), town2=rnd.choice(_TOWNS), person=rnd.choice(_PEOPLE),
                    role=rnd.choice(_ROLES), issue=rnd.choice(_ISSUES), body=rnd.choice(_BODIES),
                    cargo=rnd.choice(_CARGO), day=rnd.choice(_DAYS), n=rnd.randint(2, 400))

    sentences = [t.format(**slots()) for t in rnd.sample(_SENTENCES, 7)]
    paragraphs = [" ".join(sentences[i:i + 2]) for i in range(0, len(sentences), 2)]
    return (f"{rnd.choice(_TOWNS)} port update no. {n}\nPublish Date : {1 + n % 28:02d} March 2024 - 10:00\n\n"
            + "\n".join(paragraphs) + "\n")
