"""Hand-written Kommune21-style training sentences, filled from templates (reproducible by seed).

Why: the public training corpora are historical newspapers and mobility
tweets; modern public-sector IT prose ("Die AKDB hat gemeinsam mit der Stadt
Tengen …") is rare in them. These templates are our own sentences; the slots
take real organisation and municipality names (facts from the shipped word
lists and gazetteer) and invented person names. Titles, role nouns and cue
words ("Stadt", "Landkreis") stay outside the spans, as in GermEval.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from graph.extract.gazetteer import Gazetteer
from graph.extract.lexicon import Lexicon
from graph.extract.training.corpus import Sentence, label_text
from graph.model.extraction import EntityType

_SURNAME_TEXT = (
    "Albers Bauer Baumann Beck Becker Berger Brandt Braun Busch Dietrich Engel Falk Fischer Frank Franke "
    "Friedrich Fuchs Graf Groß Günther Haas Hahn Hartmann Heinrich Herrmann Hoffmann Hofmann Horn Huber "
    "Jäger Jung Kaiser Keller Klein Koch Köhler König Krämer Kraus Krüger Kuhn Kühn Lang Lange Lehmann "
    "Lorenz Ludwig Maier Martin Mayer Meier Meyer Möller Morgenstern Müller Neumann Otto Peters Pohl "
    "Richter Roth Sauer Schäfer Schmid Schmidt Schmitt Schneider Scholz Schreiber Schröder Schubert "
    "Schulte Schulz Schumacher Schuster Schwarz Seidel Simon Sommer Stein Thomas Vogel Vogt Voigt Wagner "
    "Walter Weber Weiß Werner Winkler Wolf Wolff Ziegler Zimmermann Yilmaz Kaya Nowak Kowalski Petrović "
    "Quabeck Wendlandt Brüggemann Tiedemann Oberhauser Riedl Kessler Ostermann Hülsmann Degenhardt"
)
SURNAMES = tuple(_SURNAME_TEXT.split())
INVENTED_FIRMS = (
    "Nordlicht Software", "Kommunalsoft", "Datenwerk Süd", "Civic Data Solutions", "Verwaltungsportal",
    "Amtsfix", "Bürgerwerk", "Rathaus Digital", "Cloudkommune", "GovTech Nord", "Aktenlos",
    "Formularwerk", "eAkte Systems", "Regio Data", "Stadtnetz", "Behördenfunk Technik",
)
FIRM_FORMS = ("GmbH", "AG", "GmbH & Co. KG", "SE", "")
TITLES = ("", "", "", "Dr. ", "Prof. ", "Prof. Dr. ")

# Slots: {P} person, {O} organisation, {T} municipality, {L} location (Land, country), {F} firm.
TEMPLATES = (
    "Bürgermeister {P} stellte das neue Serviceportal der Stadt {T} vor.",
    "Die Stadt {T} hat gemeinsam mit {O} die E-Akte eingeführt.",
    "{P}, Geschäftsführer der {F}, sieht großen Bedarf bei den Kommunen.",
    "Laut {P} von {O} sollen bis Ende des Jahres alle Leistungen online verfügbar sein.",
    "In {L} setzen bereits zahlreiche Kommunen auf Lösungen von {O}.",
    "Der Landkreis {T} nutzt künftig die Software der {F}.",
    "„Wir sind sehr zufrieden“, sagt {P}, Leiterin des Bürgerbüros in {T}.",
    "{O} und {O} wollen beim Onlinezugangsgesetz enger zusammenarbeiten.",
    "Das Projekt wird vom Land {L} mit 1,2 Millionen Euro gefördert.",
    "Wie {P} berichtet, ist die Nachfrage nach digitalen Anträgen deutlich gestiegen.",
    "Die Gemeinde {T} hat ihre Website mit Unterstützung von {O} neu gestaltet.",
    "Auf dem Kongress in {T} diskutierten {P} und {P} über Cloud-Lösungen.",
    "{P} ist neuer Chief Digital Officer der Stadt {T}.",
    "Den Zuschlag erhielt die {F} aus {T}.",
    "Nach Angaben von {O} nutzen inzwischen mehr als 300 Kommunen das Angebot.",
    "Oberbürgermeisterin {P} eröffnete das digitale Bürgeramt in {T}.",
    "Die Ausschreibung gewann {F}.",
    "{O} meldet einen neuen Rekord bei der Zahl der Online-Anträge.",
    "Im Interview erklärt {P}, warum {T} auf Open Source setzt.",
    "Kämmerer {P} rechnet mit Einsparungen im sechsstelligen Bereich.",
    "Partner des Vorhabens sind {O}, die Stadt {T} und die {F}.",
    "Zwischen {T} und {T} wird ein gemeinsames Rechenzentrum geplant.",
    "Die Lösung von {F} ist bereits in {T}, {T} und {T} im Einsatz.",
    "{P} wechselt von {O} zur {F}.",
    "Der Digitalausschuss des Kreistags in {T} stimmte dem Konzept zu.",
    "Aus {L} kamen zahlreiche Besucher zur Fachmesse nach {T}.",
    "Wie {O} mitteilt, steht die neue Version ab sofort zur Verfügung.",
    "Innenminister {P} übergab die Förderbescheide in {T}.",
    "Die Kooperation mit {O} sei ein wichtiger Schritt, betonte {P}.",
    "{T} und {O} unterzeichneten eine Vereinbarung zur Digitalisierung der Schulen.",
    "Projektleiter {P} koordiniert die Einführung in allen Ämtern.",
    "Gemeinsam mit {P} aus {T} leitet sie die Arbeitsgruppe.",
    "Die Verwaltung von {T} arbeitet seit dem Frühjahr vollständig digital.",
    "{F} übernimmt den Betrieb der Fachverfahren für {O}.",
    "Mit dem Wechsel zu {O} will die Stadt {T} Kosten sparen.",
    "Auch in {L} wird das Modell inzwischen erprobt.",
)
NEUTRAL = (  # sentences without names: capitalised nouns are not names
    "Die Digitalisierung der Verwaltung schreitet voran.",
    "Bürgerinnen und Bürger können den Antrag jetzt online stellen.",
    "Das Onlinezugangsgesetz verpflichtet Bund, Länder und Kommunen zur Digitalisierung.",
    "Die Nutzerzahlen sind im vergangenen Quartal stark gestiegen.",
    "Datenschutz und Informationssicherheit haben dabei höchste Priorität.",
    "Künftig sollen auch Baugenehmigungen digital beantragt werden können.",
    "Der Breitbandausbau im ländlichen Raum bleibt eine Herausforderung.",
    "Die Fachverfahren laufen im Rechenzentrum des Dienstleisters.",
    "Mitarbeiterinnen und Mitarbeiter wurden in Schulungen vorbereitet.",
    "Weitere Informationen gibt es auf der Website der Kommune.",
)
# Capitalised terms of the trade that are not names (headlines capitalise adjectives too).
TERMS = (
    "Digitale Souveränität", "Künstliche Intelligenz", "KI", "Open Source", "Public Sector", "Cloud",
    "E-Government", "E-Akte", "Onlinezugangsgesetz", "Registermodernisierung", "Bürgerportal",
    "Geschäftsmodelle", "Videokonferenz", "Portale", "Termine", "Fachverfahren", "Schnittstellen",
    "Informationssicherheit", "Datenschutz", "Breitband", "Smart City", "Digitale Verwaltung",
    "Künstlicher Intelligenz", "Quelloffene Software", "Digitalisierung", "Verwaltungsportal",
    "Servicekonto", "Rechenzentrum", "IT-Sicherheit", "Barrierefreiheit", "Open Data", "Mittelstand",
    "IT-Mittelstands", "Kommunen", "Bund", "Länder", "Verband", "Stadt", "Anstalt öffentlichen Rechts",
    "Nachhaltigkeit", "Interoperabilität", "Once-Only-Prinzip", "Ende-zu-Ende-Digitalisierung",
)
TERM_TEMPLATES = (
    "{X}: Was Kommunen jetzt wissen müssen",
    "Das Thema {X} gewinnt in der Verwaltung an Bedeutung.",
    "Beim Thema {X} sehen viele Verwaltungen noch Nachholbedarf.",
    "{X} und {X} standen im Mittelpunkt der Diskussion.",
    "Ohne {X} wird die Modernisierung nicht gelingen.",
    "Neue Impulse für {X}",
    "Die Studie untersucht den Stand bei {X} und {X}.",
)
_SLOT = re.compile(r"\{([POTLF])\}")


@dataclass
class Pools:
    """Names the slots draw from."""

    persons: list[str]
    orgs: list[str]
    towns: list[str]
    locations: list[str]


def pools(lexicon: Lexicon, gazetteer: Gazetteer) -> Pools:
    """Real organisations and places from the shipped lists; first names from the lexicon."""
    orgs = sorted({name for a in lexicon.actors if a.type is EntityType.ORGANIZATION
                   for name in (a.canonical, *a.aliases)})
    towns = sorted({p.name for places in gazetteer.places.values() for p in places
                    if p.population >= 3000 and " " not in p.name and p.name not in lexicon.place_stopwords})
    locations = sorted({canon for canon in lexicon.locations.values()})
    return Pools(sorted(lexicon.first_names), orgs, towns, locations)


def _fill(slot: str, rng: random.Random, pool: Pools) -> tuple[str, str, str]:
    """(prefix outside the span, name, coarse label) for one slot."""
    if slot == "P":
        name = f"{rng.choice(pool.persons)} {rng.choice(SURNAMES)}"
        return rng.choice(TITLES), name, "PER"
    if slot == "O":
        return "", rng.choice(pool.orgs), "ORG"
    if slot == "F":
        form = rng.choice(FIRM_FORMS)
        base = rng.choice(INVENTED_FIRMS) if rng.random() < 0.6 else f"{rng.choice(SURNAMES)} Software"
        return "", f"{base} {form}".strip(), "ORG"
    if slot == "T":
        return "", rng.choice(pool.towns), "LOC"
    return "", rng.choice(pool.locations), "LOC"


def sentence(template: str, rng: random.Random, pool: Pools) -> Sentence:
    """One filled template, labelled by the spans of its slots."""
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    length = 0
    for match in _SLOT.finditer(template):
        parts.append(template[pos:match.start()])
        prefix, name, label = _fill(match.group(1), rng, pool)
        length += len(template[pos:match.start()]) + len(prefix)
        parts.append(prefix + name)
        spans.append((length, length + len(name), label))
        length += len(name)
        pos = match.end()
    parts.append(template[pos:])
    return label_text("".join(parts), spans)


def generate(lexicon: Lexicon, gazetteer: Gazetteer, count: int = 1500, seed: int = 21) -> list[Sentence]:
    """``count`` labelled sentences (about three in ten without names)."""
    rng = random.Random(seed)
    pool = pools(lexicon, gazetteer)
    out = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.12:
            out.append(label_text(rng.choice(NEUTRAL), []))
        elif roll < 0.3:
            text = rng.choice(TERM_TEMPLATES)
            while "{X}" in text:
                text = text.replace("{X}", rng.choice(TERMS), 1)
            out.append(label_text(text, []))
        else:
            out.append(sentence(rng.choice(TEMPLATES), rng, pool))
    return out
