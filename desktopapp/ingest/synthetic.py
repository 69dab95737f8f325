"""A synthetic, realistic-looking timeline of any size, for benchmarks and scale tests.

Everything is fictional (countries, companies, people, outlets) so a generated database can
never be mistaken for reported facts, but it is shaped like the real thing:

- several French-language source texts; every quote is a verbatim sentence of one of them,
  preferably one that names the event's main actor;
- hundreds to a few thousand actors of every kind, most with aliases, chosen with a Zipf-like
  popularity (a few actors appear in a large share of events);
- the default type taxonomy with skewed frequencies, parents sometimes used directly;
- dates over eight years, clustered in bursts around "crises", with a realistic mix of
  precisions: mostly exact days, then months, approximate ``~``, uncertain ``?``, both ``%``,
  years and intervals;
- a citation for every date: a dated news report near the event, or the first source itself;
- titles and summaries varied enough (a long-tailed vocabulary, accented words) that a text
  search returns a selective result.

The same ``(events, seed)`` always gives the same dataset. Events are produced lazily, one at
a time, so a million of them never sit in memory together.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from typing import TypeVar

from desktopapp.db.search import fold
from desktopapp.domain.dates import DatePoint, FuzzyDate
from desktopapp.domain.model import ActorKind, Role
from desktopapp.ingest.dataset import (
    DEFAULT_TYPES,
    ActorSpec,
    CitationSpec,
    Dataset,
    EventSpec,
    QuoteSpec,
    SourceSpec,
)

T = TypeVar("T")

FIRST_DAY = date(2018, 1, 1)
LAST_DAY = date(2025, 12, 31)

# Words used rarely on purpose (about one event in 20,000 each), so that benchmarks and tests
# have a selective search to run. "hélicoptère" exercises accent-insensitive matching.
RARE_WORDS = ("hélicoptère", "moratoire", "péniche", "quarantaine", "ambassadrice")
RARE_WORD_PROBABILITY = 1 / 20_000

# Type slug -> relative frequency. Skewed like news coverage: withdrawals and sanctions
# dominate, capital controls are rare. Parents are sometimes used without a child.
TYPE_WEIGHTS: dict[str, float] = {
    "aid": 1.0,
    "aid/logistics": 3.0,
    "aid/cybersecurity": 1.5,
    "aid/donation": 5.0,
    "corporate-withdrawal": 2.0,
    "corporate-withdrawal/export-halt": 6.0,
    "corporate-withdrawal/sales-halt": 14.0,
    "corporate-withdrawal/service-restriction": 4.0,
    "corporate-withdrawal/service-suspension": 7.0,
    "corporate-withdrawal/office-closure": 3.0,
    "corporate-withdrawal/operations-suspension": 9.0,
    "media-restriction": 0.8,
    "media-restriction/app-removal": 1.2,
    "media-restriction/broadcast-ban": 2.5,
    "sanction": 1.5,
    "sanction/banking-exclusion": 3.5,
    "sanction/general": 12.0,
    "market-move": 1.0,
    "market-move/currency-fall": 4.0,
    "capital-control": 0.3,
    "capital-control/cash-export-limit": 0.7,
}

COUNTRIES = (
    "Valdorie", "Ostrélie", "Carpanie", "Méridonie", "Belvarie", "Estonnie", "Kalmérie",
    "Sardovie", "Lunérie", "Tavrenie", "Orlanie", "Pélagonie", "Vérancie", "Drumalie",
    "Zéphirie", "Almérie", "Borénie", "Cassovie", "Fénarie", "Gaulmerie", "Istrévie",
    "Jorvanie", "Korélie", "Mirandie", "Nérévie", "Quéliane", "Rhodanie", "Syldavie-Sud",
    "Télonie", "Umbrie-Haute",
)  # fmt: skip
CURRENCIES = ("dorin", "crône", "mérel", "sol valdorien", "florin ostrélien", "kalm")
PRODUCTS = (
    "smartphones", "ordinateurs", "voitures", "pièces détachées", "médicaments", "céréales",
    "engrais", "logiciels", "semi-conducteurs", "vêtements", "meubles", "boissons",
    "produits laitiers", "équipements réseau", "pneumatiques", "cosmétiques", "avions",
    "turbines", "électroménager", "jouets",
)  # fmt: skip
COMMON_WORDS = (
    "sécurité", "énergie", "gouvernement", "échanges", "société", "réseau", "crédit",
    "économie", "pénurie", "marché", "intérêt", "députés", "décision", "électricité",
    "blé", "pétrole", "gaz", "fermeture", "télécommunications", "régulateur", "élection",
    "opposition", "frontière", "réfugiés", "inflation", "salariés", "actionnaires",
    "fournisseurs", "clients", "sanctions", "négociations", "cessez-le-feu", "douane",
    "transport", "assurance", "banque", "paiements", "cybersécurité", "données", "presse",
    "censure", "diplomatie", "ambassade", "ministère", "parlement", "tribunal", "enquête",
    "grève", "manifestation", "pipeline", "port", "aéroport", "chemin de fer", "usine",
)  # fmt: skip
SYLLABLES = (
    "ba", "ché", "dé", "ga", "lé", "mi", "no", "pè", "qua", "ré", "si", "té", "vo", "zé",
    "ran", "tion", "eur", "ille", "ment", "cor", "val", "mon", "bel", "sau", "fleu", "gre",
    "ar", "ol", "ri", "lu", "ta", "ven", "dor", "lin", "pra", "cé", "fo", "gu", "ja", "ké",
)  # fmt: skip
FIRST_NAMES = (
    "Hélène", "Jérôme", "Amélie", "François", "Cécile", "Stéphane", "Zoé", "Noël", "Inès",
    "Loïc", "Anaïs", "Raphaël", "Béatrice", "Gaël", "Maëlle", "Élodie", "Thérèse", "André",
    "Agnès", "Frédéric", "Léa", "Hugo", "Chloé", "Mathis", "Camille", "Nicolas", "Sofia",
    "Yannick", "Irène", "Benoît", "Clémence", "Joël", "Mélanie", "Rémi", "Océane", "Valérie",
)  # fmt: skip
LAST_NAMES_START = ("Mar", "Ber", "Du", "Le", "Fon", "Gar", "Lam", "Ro", "Ché", "Vil", "Mo")
LAST_NAMES_END = ("chetti", "trand", "pont", "clerc", "taine", "nier", "bert", "ssel", "ron")
OUTLETS = (
    "Le Courrier continental", "Agence de presse européenne", "La Gazette économique",
    "Radio Méridien", "L’Observateur des marchés", "Le Journal du soir", "Dépêches du Nord",
    "La Tribune des affaires", "Télé-Horizon", "Le Messager", "Revue géopolitique",
    "Le Quotidien numérique",
)  # fmt: skip
MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip

# Which kinds of actor act in, and are affected by, each top-level type.
ACTING_KINDS: dict[str, tuple[ActorKind, ...]] = {
    "aid": (ActorKind.COMPANY, ActorKind.GOVERNMENT, ActorKind.GROUP, ActorKind.PERSON),
    "corporate-withdrawal": (ActorKind.COMPANY,),
    "media-restriction": (ActorKind.GOVERNMENT, ActorKind.COMPANY),
    "sanction": (ActorKind.GOVERNMENT, ActorKind.INTERNATIONAL_BODY),
    "market-move": (ActorKind.MARKET,),
    "capital-control": (ActorKind.GOVERNMENT,),
}
AFFECTED_KINDS: dict[str, tuple[ActorKind, ...]] = {
    "aid": (ActorKind.GOVERNMENT, ActorKind.GROUP),
    "corporate-withdrawal": (ActorKind.GOVERNMENT, ActorKind.GROUP),
    "media-restriction": (ActorKind.MEDIA,),
    "sanction": (ActorKind.COMPANY, ActorKind.PERSON, ActorKind.GOVERNMENT),
    "market-move": (ActorKind.GOVERNMENT, ActorKind.COMPANY),
    "capital-control": (ActorKind.PERSON, ActorKind.COMPANY, ActorKind.GROUP),
}

TITLES: dict[str, tuple[str, ...]] = {
    "aid": ("{a} annonce un soutien à {country}", "{a} promet une aide d’urgence à {city}"),
    "aid/logistics": (
        "{a} met sa logistique au service de {country}",
        "{a} achemine {product} vers {city}",
    ),
    "aid/cybersecurity": (
        "{a} offre une aide en cybersécurité à {country}",
        "{a} protège les réseaux de {city} contre des attaques",
    ),
    "aid/donation": (
        "{a} annonce un don de {amount} millions d’euros",
        "{a} verse {amount} millions pour les réfugiés de {city}",
    ),
    "corporate-withdrawal": ("{a} réduit sa présence en {country}", "{a} quitte {country}"),
    "corporate-withdrawal/export-halt": (
        "{a} interrompt ses exportations de {product} vers {country}",
        "{a} gèle ses livraisons de {product}",
    ),
    "corporate-withdrawal/sales-halt": (
        "{a} suspend ses ventes en {country}",
        "{a} cesse la vente de {product} en {country}",
    ),
    "corporate-withdrawal/service-restriction": (
        "{a} restreint ses services en {country}",
        "{a} limite l’accès à ses {product} à {city}",
    ),
    "corporate-withdrawal/service-suspension": (
        "{a} suspend ses services en {country}",
        "{a} coupe l’accès à sa plateforme à {city}",
    ),
    "corporate-withdrawal/office-closure": (
        "{a} ferme ses bureaux de {city}",
        "{a} ferme son siège régional en {country}",
    ),
    "corporate-withdrawal/operations-suspension": (
        "{a} suspend ses opérations en {country}",
        "{a} met à l’arrêt son usine de {city}",
    ),
    "media-restriction": ("{a} restreint l’accès à {b}", "Pression sur {b} en {country}"),
    "media-restriction/app-removal": (
        "L’application de {b} retirée des magasins en {country}",
        "{a} retire l’application de {b}",
    ),
    "media-restriction/broadcast-ban": (
        "Diffusion de {b} interdite en {country}",
        "{a} suspend la diffusion de {b}",
    ),
    "sanction": ("{a} menace {b} de sanctions", "{a} prépare des mesures contre {b}"),
    "sanction/banking-exclusion": (
        "{b} exclue du réseau de paiements par {a}",
        "{a} coupe {b} des marchés financiers",
    ),
    "sanction/general": (
        "{a} adopte un nouveau train de sanctions contre {b}",
        "{a} gèle les avoirs de {b}",
    ),
    "market-move": ("Forte séance pour {a}", "{a} suspend les cotations pendant {amount} jours"),
    "market-move/currency-fall": (
        "Le {currency} chute de {amount} % face à l’euro",
        "{a} : le {currency} au plus bas depuis {amount} ans",
    ),
    "capital-control": (
        "{a} encadre les mouvements de capitaux",
        "{a} impose un contrôle des changes",
    ),
    "capital-control/cash-export-limit": (
        "{a} limite les sorties de devises à {amount} 000 dollars",
        "{a} plafonne l’argent liquide emporté à l’étranger",
    ),
}


@dataclass(frozen=True)
class _Crisis:
    center: int  # ordinal day
    width: float  # standard deviation in days
    weight: float
    root: str
    actors: tuple[int, ...]  # indexes into the actor list


@dataclass(frozen=True)
class _Sentence:
    source: int
    start: int
    end: int


def synthetic_dataset(events: int, *, seed: int = 1) -> Dataset:
    """A deterministic synthetic dataset of ``events`` events (produced lazily)."""
    if events < 0:
        raise ValueError("the number of events cannot be negative")
    world = _World(events, seed)
    return Dataset(
        sources=world.sources,
        citations=world.citations,
        actors=world.actors,
        types=list(DEFAULT_TYPES),
        events=_EventStream(world, events, seed),
        meta={
            "synthetic": "1",
            "synthetic_events": str(events),
            "synthetic_seed": str(seed),
        },
    )


class _EventStream:
    """Re-iterable and lazy: every iteration regenerates the same events from the seed."""

    def __init__(self, world: _World, count: int, seed: int) -> None:
        self._world, self._count, self._seed = world, count, seed

    def __iter__(self) -> Iterator[EventSpec]:
        return self._world.events(self._count, random.Random(f"events-{self._seed}"))

    def __len__(self) -> int:
        return self._count


class _World:
    """The reference data (actors, sources, citations, crises) and the event sampler."""

    def __init__(self, events: int, seed: int) -> None:
        rng = random.Random(f"world-{seed}")
        self._names_taken: set[str] = set()
        self.actors = self._make_actors(rng, _clamp(int(3 * events**0.5), 150, 3000))
        self._actors_by_kind: dict[ActorKind, list[int]] = {kind: [] for kind in ActorKind}
        for index, actor in enumerate(self.actors):
            self._actors_by_kind[actor.kind].append(index)
        # Popularity is Zipf-like within each kind, in the (shuffled) order actors were made.
        self._kind_weights = {
            kind: list(accumulate(1 / (rank + 1) ** 1.1 for rank in range(len(indexes))))
            for kind, indexes in self._actors_by_kind.items()
        }
        self.cities = tuple(sorted({_pseudo_word(rng, 2, 3).capitalize() for _ in range(400)}))
        vocabulary = sorted({_pseudo_word(rng, 2, 4) for _ in range(6000)})
        rng.shuffle(vocabulary)
        self._vocabulary = vocabulary
        self._vocabulary_weights = list(
            accumulate(1 / (rank + 1) for rank in range(len(vocabulary)))
        )
        self._types = [t.slug for t in DEFAULT_TYPES]
        self._type_weights = list(accumulate(TYPE_WEIGHTS[slug] for slug in self._types))
        self._crises = self._make_crises(rng)
        self._crisis_weights = list(accumulate(c.weight for c in self._crises))
        self.sources, self._sentences_by_actor, self._sentences = self._make_sources(
            rng, _clamp(events // 5000, 6, 200)
        )
        self.citations = self._make_citations(rng, _clamp(events // 40, 40, 5000))
        self._citation_days = [
            c.published.start.first_day().toordinal() for c in self.citations if c.published
        ]  # every synthetic report is dated
        self._article_sentences = [s for s in self._sentences if s.source == 0]

    # -- reference data ---------------------------------------------------------------------

    def _unique(self, name: str) -> bool:
        key = fold(name)
        if key in self._names_taken:
            return False
        self._names_taken.add(key)
        return True

    def _make_actors(self, rng: random.Random, count: int) -> list[ActorSpec]:
        # Roughly: many companies, then governments, people, groups, media, markets, bodies.
        shares = (
            (ActorKind.COMPANY, 0.42),
            (ActorKind.GOVERNMENT, 0.10),
            (ActorKind.PERSON, 0.18),
            (ActorKind.GROUP, 0.10),
            (ActorKind.MEDIA, 0.10),
            (ActorKind.MARKET, 0.04),
            (ActorKind.INTERNATIONAL_BODY, 0.06),
        )
        actors: list[ActorSpec] = []
        for kind, share in shares:
            wanted, made, attempts = max(3, int(count * share)), 0, 0
            while made < wanted and attempts < wanted * 50:
                attempts += 1
                name, aliases = _actor_name(rng, kind, len(actors))
                if not self._unique(name):
                    continue
                kept = tuple(alias for alias in aliases if self._unique(alias))
                actors.append(ActorSpec(f"actor-{len(actors) + 1:05d}", name, kind, kept))
                made += 1
        rng.shuffle(actors)
        return actors

    def _make_crises(self, rng: random.Random) -> list[_Crisis]:
        crises = []
        span = LAST_DAY.toordinal() - FIRST_DAY.toordinal()
        for _ in range(12):
            # Crises are about what the news covers most: weighted like the types.
            root = self._types[_weighted_index(rng, self._type_weights)].split("/", 1)[0]
            kind = ACTING_KINDS[root][0]
            key_actors = tuple(self._pick_actor(rng, kind) for _ in range(_randint(rng, 3, 8)))
            crises.append(
                _Crisis(
                    center=FIRST_DAY.toordinal() + rng.randrange(60, span - 60),
                    width=rng.uniform(4, 60),
                    weight=rng.uniform(0.5, 3.0),
                    root=root,
                    actors=key_actors,
                )
            )
        return crises

    def _make_sources(
        self, rng: random.Random, count: int
    ) -> tuple[list[SourceSpec], dict[int, list[_Sentence]], list[_Sentence]]:
        sources: list[SourceSpec] = []
        by_actor: dict[int, list[_Sentence]] = {}
        sentences: list[_Sentence] = []
        for number in range(count):
            parts: list[str] = []
            length = 0
            for paragraph in range(_randint(rng, 8, 14)):
                if paragraph:
                    parts.append("\n\n")
                    length += 2
                for position in range(_randint(rng, 3, 6)):
                    if position:
                        parts.append(" ")
                        length += 1
                    actor = self._pick_actor(rng, _pick(rng, list(ActorKind)))
                    sentence = self._source_sentence(rng, actor)
                    by_actor.setdefault(actor, []).append(
                        _Sentence(number, length, length + len(sentence))
                    )
                    sentences.append(_Sentence(number, length, length + len(sentence)))
                    parts.append(sentence)
                    length += len(sentence)
            published = date.fromordinal(
                rng.randrange(FIRST_DAY.toordinal(), LAST_DAY.toordinal() + 1)
            )
            country = _pick(rng, COUNTRIES)
            sources.append(
                SourceSpec(
                    key=f"source-{number + 1:03d}",
                    title=f"Chronique de la crise en {country}, épisode {number + 1}",
                    outlet=_pick(rng, OUTLETS),
                    language="fr",
                    url=f"https://news.example/{published.year}/chronique-{number + 1}",
                    published=FuzzyDate(DatePoint(published.year, published.month, published.day)),
                    published_note="Synthetic text generated for benchmarks; not a real report.",
                    text="".join(parts),
                )
            )
        return sources, by_actor, sentences

    def _source_sentence(self, rng: random.Random, actor: int) -> str:
        name = self.actors[actor].name
        template = _pick(
            rng,
            (
                "Selon nos informations, {a} a pris une décision importante concernant {w} à {c}.",
                "{a} a confirmé mardi que la situation de {w} restait « préoccupante ».",
                "Interrogé sur {w}, un porte-parole de {a} n’a pas souhaité commenter.",
                "À {c}, {a} a réuni ses partenaires pour évoquer {w} et la {g}.",
                "Les analystes estiment que {a} devra réviser sa stratégie de {w}.",
                "D’après un communiqué, {a} suit de près l’évolution de {g} en {p}.",
            ),
        )
        return template.format(
            a=name,
            w=self._word(rng),
            c=_pick(rng, self.cities),
            g=_pick(rng, COMMON_WORDS),
            p=_pick(rng, COUNTRIES),
        )

    def _make_citations(self, rng: random.Random, count: int) -> list[CitationSpec]:
        span = LAST_DAY.toordinal() - FIRST_DAY.toordinal()
        days = sorted(FIRST_DAY.toordinal() + rng.randrange(span + 1) for _ in range(count))
        citations = []
        for number, ordinal in enumerate(days, start=1):
            day = date.fromordinal(ordinal)
            outlet = _pick(rng, OUTLETS)
            topic = _pick(rng, COMMON_WORDS)
            citations.append(
                CitationSpec(
                    key=f"report-{number:05d}",
                    outlet=outlet,
                    title=f"{topic.capitalize()} : ce qu’il faut savoir le {_french_day(day)}",
                    url=f"https://{_slug(outlet)}.example/{day.isoformat()}/article-{number}",
                    published=FuzzyDate(DatePoint(day.year, day.month, day.day)),
                )
            )
        return citations

    # -- sampling -----------------------------------------------------------------------------

    def _pick_actor(self, rng: random.Random, kind: ActorKind) -> int:
        indexes = self._actors_by_kind[kind]
        return indexes[_weighted_index(rng, self._kind_weights[kind])]

    def _word(self, rng: random.Random) -> str:
        if rng.random() < RARE_WORD_PROBABILITY * 5:
            return _pick(rng, RARE_WORDS)
        return self._vocabulary[_weighted_index(rng, self._vocabulary_weights)]

    def _day(self, rng: random.Random) -> tuple[int, _Crisis | None]:
        if rng.random() < 0.45:
            return rng.randrange(FIRST_DAY.toordinal(), LAST_DAY.toordinal() + 1), None
        crisis = self._crises[_weighted_index(rng, self._crisis_weights)]
        ordinal = round(rng.gauss(crisis.center, crisis.width))
        return _clamp(ordinal, FIRST_DAY.toordinal(), LAST_DAY.toordinal()), crisis

    def events(self, count: int, rng: random.Random) -> Iterator[EventSpec]:
        for number in range(1, count + 1):
            yield self._event(number, rng)

    def _event(self, number: int, rng: random.Random) -> EventSpec:
        ordinal, crisis = self._day(rng)
        if crisis is not None and rng.random() < 0.5:
            slug = _choose_child(rng, crisis.root, self._types)
        else:
            slug = self._types[_weighted_index(rng, self._type_weights)]
        root = slug.split("/", 1)[0]
        if crisis is not None and rng.random() < 0.3 and root == crisis.root:
            acting = _pick(rng, crisis.actors)
        else:
            acting = self._pick_actor(rng, _pick(rng, ACTING_KINDS[root]))
        chosen = [acting]
        actors: list[tuple[str, Role]] = [(self.actors[acting].key, Role.ACTING)]
        for _ in range(_weighted_index(rng, _EXTRA_ACTOR_WEIGHTS)):
            role = Role.AFFECTED if rng.random() < 0.7 else Role.ACTING
            kinds = AFFECTED_KINDS[root] if role is Role.AFFECTED else ACTING_KINDS[root]
            other = self._pick_actor(rng, _pick(rng, kinds))
            if other not in chosen:
                chosen.append(other)
                actors.append((self.actors[other].key, role))
        fuzzy = _fuzzy_date(rng, date.fromordinal(ordinal))
        names = [self.actors[index].name for index in chosen]
        title = _pick(rng, TITLES[slug]).format(
            a=names[0],
            b=names[1] if len(names) > 1 else _pick(rng, COUNTRIES),
            country=_pick(rng, COUNTRIES),
            city=_pick(rng, self.cities),
            product=_pick(rng, PRODUCTS),
            amount=_randint(rng, 2, 95),
            currency=_pick(rng, CURRENCIES),
        )
        summary = self._summary(rng, names, fuzzy)
        article_only = rng.random() < 0.05
        quotes = self._quotes(rng, acting, article_only)
        if article_only:
            citation_key, citation_quote = None, quotes[0].text
        else:
            citation = self._citation_near(rng, ordinal)
            citation_key = citation.key
            citation_quote = f"{names[0]} … le {_french_day(date.fromordinal(ordinal))}"
        note = ""
        if fuzzy.approximate:
            note = "Le rapport ne donne qu’une date approximative."
        elif fuzzy.uncertain:
            note = "Date incertaine : les sources se contredisent."
        return EventSpec(
            key=f"syn-{number:07d}",
            title=title,
            summary=summary,
            type_slug=slug,
            date=fuzzy,
            actors=tuple(actors),
            citation_key=citation_key,
            citation_quote=citation_quote,
            citation_note=note,
            quotes=quotes,
        )

    def _summary(self, rng: random.Random, names: Sequence[str], fuzzy: FuzzyDate) -> str:
        words = list(dict.fromkeys(self._word(rng) for _ in range(_randint(rng, 2, 5))))
        common = rng.sample(COMMON_WORDS, 2)
        sentences = [
            f"{names[0]} est concerné par le dossier {common[0]} et {words[0]}, "
            f"{_french_date(fuzzy)}.",
            f"Le sujet touche aussi la question : {common[1]}, selon des sources proches.",
        ]
        if len(names) > 1:
            sentences.append(f"Sont également cités : {', '.join(names[1:])}.")
        sentences.append("Mots-clés : " + ", ".join(words) + ".")
        return " ".join(sentences)

    def _quotes(self, rng: random.Random, actor: int, article_only: bool) -> tuple[QuoteSpec, ...]:
        count = 2 if rng.random() < 0.1 else 1
        pool: Sequence[_Sentence] = self._sentences_by_actor.get(actor, ())
        if article_only:
            pool = [s for s in pool if s.source == 0] or self._article_sentences
        elif not pool or rng.random() < 0.3:
            pool = self._sentences
        picked = {rng.randrange(len(pool)) for _ in range(count)}
        return tuple(self._quote(pool[index]) for index in sorted(picked))

    def _quote(self, sentence: _Sentence) -> QuoteSpec:
        source = self.sources[sentence.source]
        return QuoteSpec(
            source.key,
            sentence.start,
            sentence.end,
            source.text[sentence.start : sentence.end],
        )

    def _citation_near(self, rng: random.Random, ordinal: int) -> CitationSpec:
        # A report published on or shortly after the event, as reports are.
        index = bisect_left(self._citation_days, ordinal) + rng.randrange(3)
        return self.citations[min(index, len(self.citations) - 1)]


_EXTRA_ACTOR_WEIGHTS = list(accumulate((0.35, 0.4, 0.18, 0.07)))


def _pick(rng: random.Random, items: Sequence[T]) -> T:
    """rng.choice, from one random() call: a few times faster, which a million events feel."""
    return items[int(rng.random() * len(items))]


def _randint(rng: random.Random, low: int, high: int) -> int:
    return low + int(rng.random() * (high - low + 1))


def _weighted_index(rng: random.Random, cumulative: list[float]) -> int:
    return bisect_left(cumulative, rng.random() * cumulative[-1])


def _choose_child(rng: random.Random, root: str, types: Sequence[str]) -> str:
    children = [slug for slug in types if slug.startswith(root + "/")]
    return _pick(rng, children) if children else root


def _fuzzy_date(rng: random.Random, day: date) -> FuzzyDate:
    """Mostly exact days; then months, qualified dates, years and intervals."""
    draw = rng.random()
    y, m, d = day.year, day.month, day.day
    if draw < 0.70:
        return FuzzyDate(DatePoint(y, m, d))
    if draw < 0.80:
        return FuzzyDate(DatePoint(y, m))
    if draw < 0.85:
        return FuzzyDate(DatePoint(y, m, d, approximate=True))
    if draw < 0.88:
        return FuzzyDate(DatePoint(y, m, d, uncertain=True))
    if draw < 0.90:
        return FuzzyDate(DatePoint(y, m, approximate=True))
    if draw < 0.91:
        return FuzzyDate(DatePoint(y, m, uncertain=True))
    if draw < 0.92:
        return FuzzyDate(DatePoint(y, uncertain=rng.random() < 0.5, approximate=True))
    if draw < 0.93:
        return FuzzyDate(DatePoint(y, m, d, uncertain=True, approximate=True))
    # An interval: a few days to a few weeks, sometimes month to month, sometimes qualified.
    if rng.random() < 0.75:
        end = day + timedelta(days=_randint(rng, 1, 40))
        return FuzzyDate(
            DatePoint(y, m, d),
            DatePoint(end.year, end.month, end.day, approximate=rng.random() < 0.15),
        )
    end_month = m + _randint(rng, 1, 4)
    end_year = y + (end_month - 1) // 12
    return FuzzyDate(
        DatePoint(y, m),
        DatePoint(end_year, (end_month - 1) % 12 + 1, uncertain=rng.random() < 0.3),
    )


def _actor_name(rng: random.Random, kind: ActorKind, number: int) -> tuple[str, tuple[str, ...]]:
    word = _pseudo_word(rng, 2, 3).capitalize()
    country = _pick(rng, COUNTRIES)
    if kind is ActorKind.COMPANY:
        suffix = _pick(
            rng, ("Industries", "Télécom", "Énergie", "Banque", "Logistique", "Systèmes", "Motors")
        )
        name = f"{word} {suffix}" if rng.random() < 0.7 else f"Société {word} {_of(country)}"
        return name, (word, _initials(name))
    if kind is ActorKind.GOVERNMENT:
        office = _pick(rng, ("Gouvernement", "Ministère de l’Économie", "Présidence"))
        return f"{office} {_of(country)} ({word})", (f"{country} {word}", f"Autorités {word}")
    if kind is ActorKind.INTERNATIONAL_BODY:
        body, scope = _pick(
            rng,
            (
                ("Union", "continentale"),
                ("Organisation", "mondiale"),
                ("Conseil", "régional"),
                ("Fonds", "international"),
                ("Alliance", "économique"),
            ),
        )
        name = f"{body} {scope} {word}"
        return name, (_initials(name),)
    if kind is ActorKind.MEDIA:
        name = _pick(rng, ("Radio {w}", "Télé-{w}", "Le Courrier de {w}", "{w} Info")).format(
            w=word
        )
        return name, (f"{word} Médias",)
    if kind is ActorKind.MARKET:
        name = _pick(rng, ("Bourse de {w}", "Indice {w} 40", "Marché des changes de {w}"))
        return name.format(w=word), (f"place de {word}",)
    if kind is ActorKind.PERSON:
        first = _pick(rng, FIRST_NAMES)
        last = _pick(rng, LAST_NAMES_START) + _pick(rng, LAST_NAMES_END) + word.lower()[:3]
        return f"{first} {last}", (f"{first[0]}. {last}", last)
    name = _pick(rng, ("Collectif {w}", "Syndicat {w}", "Association {w}", "Comité {w}"))
    return name.format(w=word), ()


def _pseudo_word(rng: random.Random, low: int, high: int) -> str:
    return "".join(_pick(rng, SYLLABLES) for _ in range(_randint(rng, low, high)))


def _initials(name: str) -> str:
    return "".join(part[0] for part in name.replace("’", " ").split() if part[0].isalpha()).upper()


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in fold(text)).split())


def _french_day(day: date) -> str:
    return f"{day.day} {MONTHS_FR[day.month - 1]} {day.year}"


def _french_point(point: DatePoint) -> str:
    if point.day is not None and point.month is not None:
        return f"le {point.day} {MONTHS_FR[point.month - 1]} {point.year}"
    if point.month is not None:
        return f"en {MONTHS_FR[point.month - 1]} {point.year}"
    return f"en {point.year}"


def _french_date(fuzzy: FuzzyDate) -> str:
    """The date in French words, saying how sure it is (the summary is French text)."""
    text = _french_point(fuzzy.start)
    if fuzzy.end is not None:
        text = f"entre {text.split(' ', 1)[1]} et {_french_point(fuzzy.end).split(' ', 1)[1]}"
    if fuzzy.approximate:
        text = f"aux environs ({text})"
    if fuzzy.uncertain:
        text += " (date incertaine)"
    return text


def _of(place: str) -> str:
    """French elision: 'de Valdorie', but 'd’Ostrélie'."""
    return f"d’{place}" if fold(place)[:1] in "aeiouy" else f"de {place}"


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))
