"""Venue: the city (and building) where a meeting takes place.

A city counts only where the text places something in it ("في الدوحة", "العاصمة القطرية
الدوحة", "زار موسكو", "قمة سنغافورة"); a city merely named ("واشنطن ترفض", "بين بيونغ يانغ
وواشنطن") is not a venue. Failing the meeting's own sentences, a placed city in another
meeting sentence, then the dateline ("الرياض 12 مارس (واس) -"), gives the venue; else none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from meetsum.lexicon import City, Lexicon, Match
from meetsum.model import Venue
from meetsum.parties import Party
from meetsum.recognize import Entity, Recognized
from meetsum.spans import DASHES, evidence_of, meeting_sentences, span_text
from meetsum.text import Token, match_key

__all__ = ["dateline_country", "meeting_venue"]


def meeting_venue(rec: Recognized, lexicon: Lexicon, sentences: list[int], group: list[Party]) -> Venue | None:
    """The venue of the meeting told in ``sentences`` between the parties of ``group``."""
    return _with_place(rec, _venue(rec, lexicon, sentences, group), sentences)


def dateline_country(rec: Recognized, lexicon: Lexicon) -> str | None:
    """The state of the dateline city, if the report opens with one."""
    cities = [e for e in rec.entities if e.kind == "city"]
    city = _dateline_city(rec, cities)
    if city is None or _desk(rec, lexicon, city):
        return None
    return lexicon.countries[lexicon.cities[city.key].country].ar


def _cities_by_sentence(rec: Recognized) -> dict[int, list[Entity]]:
    """Cities that may be a venue (not inside an institution's name), by sentence."""
    def build() -> dict[int, list[Entity]]:
        found: dict[int, list[Entity]] = {}
        states = _states_named_plainly(rec)
        for entity in sorted(rec.entities, key=lambda e: e.start):
            if entity.kind == "city" and not _follows(rec, entity.start, "cue.named_after") and not (
                    _other_state_homonym(rec, entity, states) or _reporter_base(rec, entity)):
                found.setdefault(rec.doc.tokens[entity.start].sentence, []).append(entity)
        return found
    return rec.remember("cities_by_sentence", build)


_REPORTER_REACH = 5  # words: "لمراسلة الجوهرة أف أم بنابل"، "مراسل وكالة الأنباء الرسمية في جدة"


def _reporter_base(rec: Recognized, city: Entity) -> bool:
    """A city a few words after "مراسل" is where the reporter files from, not a venue."""
    tokens = rec.doc.tokens
    for index in range(max(0, city.start - _REPORTER_REACH), city.start):
        match = rec.matches.get(index)
        if match is not None and match.has("cue.correspondent") and tokens[index].sentence == tokens[city.start].sentence:
            return True
    return False


def _states_named_plainly(rec: Recognized) -> set[str]:
    """States the text names where no city shares the words (سلطنة عمان، العماني)."""
    city_starts = {e.start for e in rec.entities if e.kind == "city"}
    return {e.key for e in rec.entities if e.kind == "country" and e.start not in city_starts}


def _other_state_homonym(rec: Recognized, city: Entity, states: set[str]) -> bool:
    """"عمان" is Amman or Oman: when the text names Oman plainly and not Jordan, it is Oman."""
    homonyms = _countries_at(rec).get(city.start, set())
    own = rec.lexicon.cities[city.key].country
    return bool((homonyms - {own}) & states) and own not in states


def _names_its_state(rec: Recognized, city: Entity) -> bool:
    """"زيارة إلى تونس": a capital that bears its state's name, named alone, is the state,
    unless the state is that one city (سنغافورة) or the text calls it a city (العاصمة تونس،
    تونس العاصمة)."""
    own = rec.lexicon.cities[city.key].country
    if rec.lexicon.countries[own].city_state or own not in _countries_at(rec).get(city.start, ()):
        return False
    after = rec.matches.get(city.end)
    called_city = after is not None and "city" in after.keys("cue.venue_lead")
    return not (called_city or _follows_key(rec, city.start, "cue.venue_lead", "city"))


def _countries_at(rec: Recognized) -> dict[int, set[str]]:
    """The states named from each token on, indexed once per document (not once per city)."""
    def build() -> dict[int, set[str]]:
        found: dict[int, set[str]] = {}
        for entity in rec.entities:
            if entity.kind == "country":
                found.setdefault(entity.start, set()).add(entity.key)
        return found
    return rec.remember("countries_at", build)


def _venue(rec: Recognized, lexicon: Lexicon, sentences: list[int], group: list[Party]) -> Venue | None:
    """The first city placed in the meeting sentences outside a title, else one placed in
    another meeting sentence, else the dateline city."""
    in_titles = {i for p in group if p.title for i in range(p.title.start, p.title.end)}
    by_sentence = _cities_by_sentence(rec)
    for sentence in sentences:
        placed = [city for city in by_sentence.get(sentence, ())
                  if city.start not in in_titles and not _follows(rec, city.start, "cue.against")
                  and _placed(rec, city)]
        if placed:
            return _venue_of(rec, lexicon, placed[0])
    for sentence in meeting_sentences(rec):  # "وسيعقد اللقاء في مقر الحلف في بروكسل"
        placed = [city for city in by_sentence.get(sentence, ()) if city.start not in in_titles and _placed(rec, city)]
        if placed:
            return _venue_of(rec, lexicon, placed[0])
    cities = [city for found in by_sentence.values() for city in found if city.start not in in_titles]
    dateline = _dateline_city(rec, sorted(cities, key=lambda city: city.start))
    if dateline is None or _filed_elsewhere(lexicon, dateline, group) or _desk(rec, lexicon, dateline):
        return None
    return _venue_of(rec, lexicon, dateline)


def _filed_elsewhere(lexicon: Lexicon, dateline: Entity, group: list[Party]) -> bool:
    """A dateline names where the report was filed: the meeting's place only when it lies in
    a state one of the parties stands for ("موسكو (رويترز) - التقى لافروف نظيره"), not a
    bureau in a third state ("دبي (CNN)-- التقى وزير الخارجية السعودي نظيره المصري"). A party
    named with no state may be the dateline state's own (it is given that state), so then the
    dateline stands."""
    if any(p.affiliation is None for p in group):
        return False
    states = {p.affiliation.key for p in group if p.affiliation.kind == "country"}
    return bool(states) and lexicon.cities[dateline.key].country not in states


_PLACE_MAX_WORDS = 3


def _with_place(rec: Recognized, venue: Venue | None, sentences: list[int]) -> Venue | None:
    """Add the building the meeting sentences name ("في قصر اليمامة", "بمقر الأمانة العامة")."""
    for sentence in sentences:
        for match in rec.sentence_matches(sentence):
            if not match.has("cue.place"):
                continue
            end = match.end if "landmark" in match.keys("cue.place") else _place_end(rec, match)
            if end > match.end or "landmark" in match.keys("cue.place"):
                place = span_text(rec.doc, match.start, end, match.skip)
                if venue is None:
                    return Venue(None, None, place, evidence_of(rec.doc, match.start, end))
                return replace(venue, place=place)
    return venue


def _place_end(rec: Recognized, head: Match) -> int:
    """A building's name: the next few words, up to punctuation, a function or time word,
    a city or a title."""
    tokens, index = rec.doc.tokens, head.end
    while index < len(tokens) and index - head.end < _PLACE_MAX_WORDS and tokens[index].sentence == tokens[head.start].sentence:
        token, match = tokens[index], rec.matches.get(index)
        if not token.key.isalpha() or rec.lexicon.token_classes(token) & {"function", "time", "given"}:
            break  # a given name starts the person the building belongs to: "مكتب رئاسة الجمهورية محمد مارم"
        if match is not None and match.has_any(("city", "office", "relative_day", "weekday", "cue.meeting")):
            break
        index += 1
    return index


def _follows(rec: Recognized, index: int, kind: str) -> bool:
    """Whether the match ending right before token ``index`` is of ``kind``."""
    for back in range(1, 3):
        match = rec.matches.get(index - back)
        if match is not None and match.end == index:
            return match.has(kind)
    return False


def _follows_key(rec: Recognized, index: int, kind: str, key: str) -> bool:
    """Whether the match ending right before token ``index`` is of ``kind`` with ``key``."""
    for back in range(1, 3):
        match = rec.matches.get(index - back)
        if match is not None and match.end == index:
            return key in match.keys(kind)
    return False


def _placed(rec: Recognized, city: Entity) -> bool:
    """"في الدوحة", "بالدوحة", "العاصمة القطرية الدوحة", "زار موسكو", "قمة سنغافورة": a city
    named as where things happen."""
    match = rec.matches[city.start]
    if match.skip and rec.doc.tokens[city.start].key[match.skip - 1] == "ب":
        return True
    index = city.start
    if index > 0 and rec.doc.tokens[index - 1].key == "#":
        index -= 1  # "في #بروكسل"
    if index > 0 and (rec.matches.get(index - 1) or match).has("country_nisba"):
        index -= 1  # العاصمة القطرية الدوحة
    return _follows(rec, index, "cue.venue_lead") or _follows(rec, index, "cue.venue_of")


_DATELINE_FOLLOWERS = frozenset({"(", "-", "–", ":", "،", "/"})


def _opens_sentence(tokens: Sequence[Token], index: int) -> bool:
    """At a sentence's start, or after a one-word agency name and a dash ("واس- عمان:")."""
    if index == 0 or tokens[index - 1].sentence != tokens[index].sentence:
        return True
    return (index >= 2 and tokens[index - 1].key in DASHES
            and (index == 2 or tokens[index - 3].sentence != tokens[index].sentence))


def _dateline_city(rec: Recognized, cities: list[Entity]) -> Entity | None:
    """A city that opens one of the first sentences, as in "الرياض 12 مارس (واس) -"."""
    tokens = rec.doc.tokens
    for city in cities:
        sentence = tokens[city.start].sentence
        if sentence > 3:
            break
        opens = _opens_sentence(tokens, city.start)
        follows = tokens[city.end].key if city.end < len(tokens) else ""
        after = rec.matches.get(city.end)
        if opens and (follows.isdigit() or follows in _DATELINE_FOLLOWERS or bool(after and after.has("cue.venue_lead"))):
            return city
    return None


_DATELINE_WORDS = 8  # how far a dateline runs: "دبي، الإمارات العربية المتحدة (CNN) --"
_DATELINE_ENDS = frozenset({")", ":", *DASHES})


def _desk(rec: Recognized, lexicon: Lexicon, dateline: Entity) -> bool:
    """A bureau's dateline, one that spells out its state for readers abroad ("دبي، الإمارات
    العربية المتحدة (CNN)--"), is the desk that wrote the report, not where things happened,
    when the story never names that state again (no city, state or nationality of it) but
    names others: a session in New York reported from Dubai. Agency datelines ("الرياض
    (واس) -"، "القاهرة (أ ش أ) -") name the city alone and stand."""
    state = lexicon.cities[dateline.key].country
    after = _dateline_end(rec.doc.tokens, dateline)
    named = [(entity.start, _state_of(lexicon, entity)) for entity in rec.entities if entity.start >= dateline.end]
    if not any(start < after and of == state for start, of in named):
        return False
    later = {of for start, of in named if start >= after} - {None}
    return bool(later) and state not in later


def _dateline_end(tokens: Sequence[Token], dateline: Entity) -> int:
    """Past the agency's name or the colon that closes a dateline, if a few words on."""
    for index in range(dateline.end, min(dateline.end + _DATELINE_WORDS, len(tokens))):
        if tokens[index].key in _DATELINE_ENDS:
            return index + 1
    return dateline.end


def _state_of(lexicon: Lexicon, entity: Entity) -> str | None:
    if entity.kind == "country":
        return entity.key
    return lexicon.cities[entity.key].country if entity.kind == "city" else None


def _venue_of(rec: Recognized, lexicon: Lexicon, city: Entity) -> Venue:
    entry = lexicon.cities[city.key]
    country = lexicon.countries[entry.country].ar
    surface = span_text(rec.doc, city.start, city.end, rec.matches[city.start].skip)
    written = None if _names_its_state(rec, city) else _with_article(surface, entry)
    return Venue(written, country, None, evidence_of(rec.doc, city.start, city.end))


def _with_article(surface: str, city: City) -> str:
    """"للقاهرة" is ل + القاهرة: give back the ال the preposition swallowed."""
    if not surface.startswith("ال") and city.ar.startswith("ال") and match_key("ا" + surface) == match_key(city.ar):
        return "ا" + surface
    return surface
