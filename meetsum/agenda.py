"""Agenda: what a meeting discussed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from meetsum.lexicon import Lexicon, Match, tokens_with_key_in
from meetsum.model import AgendaItem
from meetsum.recognize import Recognized
from meetsum.spans import (
    DASHES, MEETING_CUES, evidence_of, function_word, meeting_sentences, quoted_ranges,
    sentence_tokens, sentences_with, span_text, verbal_noun_with_li,
)
from meetsum.text import Token
from meetsum.topics import balance_marks, cut_to_limit, function_like, phrase_close

if TYPE_CHECKING:
    from meetsum.parties import Party

__all__ = ["agenda_items"]


_AGENDA_MAX_WORDS = 12


_AGENDA_SPLITTERS = frozenset({"،", ",", "؛", ";", ":", "(", ")"})


_SENTENCE_PUNCTUATION = frozenset({".", "؟", "?", "!"})


def agenda_items(
    rec: Recognized, lexicon: Lexicon, all_parties: list[Party], group: list[Party],
    sentences: list[int],
) -> list[AgendaItem]:
    """Phrases after discussion cues in sentences about this meeting."""
    tokens = rec.doc.tokens
    near = range(min(sentences) - _AGENDA_REACH, max(sentences) + _AGENDA_REACH + 1)  # "كما ناقش الجانبان"
    members = {id(party) for party in group}
    own = _sentences_of(tokens, group)
    about = set(sentences) | {s for s in own if s in near}
    # sentences that name people outside the group and no party of it are about another meeting
    # (states named bare are often what a topic is about: "العلاقات بين مصر وروسيا");
    # only the window's sentences are looked at, so a long text costs each meeting no more
    present = _parties_by_sentence(rec, all_parties)
    context = sentences_with(rec, "collective") | _meeting_sentence_set(rec)
    about |= {s for s in near if s in context and not (s not in own and any(
        party.name is not None and id(party) not in members for party in present.get(s, ())))}
    about |= _following_discussions(
        rec, lambda s: any(id(party) not in members for party in present.get(s, ())), about)
    skippable = rec.remember(("skippable", id(all_parties)), lambda: _skippable(rec, all_parties))
    items: list[AgendaItem] = []
    for sentence in sorted(about):
        meeting_end = None
        for match in rec.sentence_matches(sentence):
            if match.has_any(MEETING_CUES):
                meeting_end = match.end
            # "محادثات مباشرة حول"، "لقاء مع X حول": a topic word right after a meeting word and
            # its parties says what the meeting is about
            topic = match.has("cue.topic") and meeting_end is not None and sum(
                i not in skippable for i in range(meeting_end, match.start)) <= _TOPIC_REACH
            if not (_introduces_topic(match) or topic) or _looks_for(rec, match):
                continue
            start = _governed_object(rec, match)
            if start is None or (_focuses(match) and not _meeting_focuses(rec, match, start)):
                continue
            items.extend(_topic_after(rec, start, skippable, match.has("cue.discussion") and start == match.end))
    items.extend(_quoted_topics(rec, about))
    items.extend(_occasions(rec, about))
    items.extend(_purposes(rec, sentences, skippable))
    return items


def _looks_for(rec: Recognized, match: Match) -> bool:
    """"بحث عن" is looking for something ("للبحث عن فرص جديدة"), not discussing it."""
    tokens = rec.doc.tokens
    return match.has("cue.discussion") and match.end < len(tokens) and tokens[match.end].key == "عن"


_TOPIC_REACH = 2  # words between a meeting word and "حول" / "بشأن" (an adjective: "محادثات مباشرة حول")


_OCCASION_REACH = 6  # words from a greeting to its occasion ("تهنئته لسمو أمير المنطقة بعيد ...")


def _occasions(rec: Recognized, about: set[int]) -> list[AgendaItem]:
    """Congratulations on an occasion ("تهنئته بعيد الفطر المبارك") are what a courtesy
    visit is about; the item is the occasion, without its ب."""
    items = []
    for sentence in sorted(about):
        matches = rec.sentence_matches(sentence)
        for position, greeting in enumerate(matches):
            if not greeting.has("cue.greeting"):
                continue
            occasion = next((m for m in matches[position + 1:] if m.has("cue.occasion")
                             and m.start - greeting.end <= _OCCASION_REACH), None)
            if occasion is None:
                continue
            end = phrase_close(rec, occasion.start, _phrase_end(rec, occasion.start))
            end, _ = cut_to_limit(rec, occasion.start, end, _AGENDA_MAX_WORDS)
            if end - occasion.start >= 2:
                text = balance_marks(span_text(rec.doc, occasion.start, end, occasion.skip + 1))
                items.append(AgendaItem(text, evidence_of(rec.doc, occasion.start, end)))
    return items


def _preposition_li(rec: Recognized, index: int) -> int:
    """1 when the topic word after a discussion verb carries the preposition ل ("تطرقت
    المباحثات لموضوع العراق": the topic is موضوع العراق): a known word follows the ل; not لل,
    whose article it would cut, nor a purpose ("لبحث"), a word of its own (لجنة) or the rest
    of a title."""
    key, lexicon = rec.doc.tokens[index].key, rec.lexicon
    if index - 1 in _title_tokens(rec):
        return 0  # "وكيل وزارة الحج لشؤون الحج": the rest of the title
    known = bool(lexicon.words.get(key[1:])) or key[1:] in lexicon.lexical_classes  # not لقاءاته
    return int(key.startswith("ل") and not key.startswith("لل") and known and index not in rec.matches
               and not lexicon.words.get(key) and not verbal_noun_with_li(lexicon, key))


def _focuses(match: Match) -> bool:
    return "focused" in match.keys("cue.stress")


_FOCUS_SUBJECT_REACH = 2  # words between a meeting word and "ستركز" ("المحادثات بين الرئيسين ستركز")


def _meeting_focuses(rec: Recognized, match: Match, start: int) -> bool:
    """Whether what focused on the topic is the meeting: a meeting word just before the verb
    ("المحادثات ستركز على") or between it and its على ("ركز خلال لقائه ... على"); not a
    person's efforts ("سيركز جهوده على") or a trip's ("قالت إنها ستركز على")."""
    sentence = rec.doc.tokens[match.start].sentence
    begin = max(sentence_tokens(rec, sentence).start, match.start - _FOCUS_SUBJECT_REACH - 1)
    return any(i in rec.matches and rec.matches[i].has_any(MEETING_CUES) for i in range(begin, start))


def _topic_after(rec: Recognized, index: int, skippable: set[int], after_verb: bool = False) -> list[AgendaItem]:
    """The topics a cue ending at ``index`` introduces, in its own sentence; after "خلال
    زيارته" the topic follows ("بحث مع X خلال زيارته قضايا ...")."""
    tokens, sentence = rec.doc.tokens, rec.doc.tokens[index - 1].sentence
    begin = _skip_forward(rec, index, skippable)
    if begin >= len(tokens) or tokens[begin].sentence != sentence:
        return []
    end = _phrase_end(rec, begin)
    counterpart = begin > 0 and begin - 1 in rec.matches and rec.matches[begin - 1].has("cue.with")
    cut = _preposition_li(rec, begin) if after_verb else 0
    items = [] if counterpart else _split_items(rec, begin, end, cut)  # "بحث مع القيادة القطرية خلال ..."
    if (meeting := _meeting_after_during(rec, end)) is not None:
        items += _topic_after(rec, meeting.end, skippable)
    elif (example := _example_after(rec, end, skippable)) is not None:
        items += _topic_after(rec, example, skippable)
    elif (joiner := _joiner_after_aside(rec, end)) is not None:
        items += _topic_after(rec, joiner, skippable)
    return items


_GOVERNING = ("briefed", "agreed", "focused")  # stress cues whose topic follows their preposition


_OBJECT_REACH = 16  # words from such a verb to its preposition ("أطلع الوفد رئيس الدولة على"), past titles


def _governed_object(rec: Recognized, match: Match) -> int | None:
    """Where the topic a cue introduces starts: right after it, or after the preposition a
    governing verb takes ("اتفقت سوريا والقرم على إطلاق الرحلات"); None when that
    preposition is missing."""
    if not any(key in _GOVERNING for key in match.keys("cue.stress")):
        return match.end
    tokens = rec.doc.tokens
    for index in range(match.start + 1, min(match.end + _OBJECT_REACH, len(tokens))):
        if tokens[index].sentence != tokens[match.start].sentence:
            break
        found = rec.matches.get(index) if index >= match.end else rec.lexicon.match_at(tokens, index)
        if found is not None and found.has("cue.object"):
            return found.end
    return None


def _example_after(rec: Recognized, end: int, skippable: set[int]) -> int | None:
    """Where the example a topic names starts ("الأوضاع في سوريا وخاصة الهجوم على إدلب"،
    "قضايا مثل العلاقات مع روسيا"): a topic of its own when a content word follows "خاصة" or
    "مثل" at once; not a clause ("خاصة وأن"), a prepositional aside ("خاصة في الجنوب") or a
    name ("مثل سوريا")."""
    match = rec.matches.get(end)
    if match is None or "especially" not in match.keys("cue.agenda_end"):
        return None
    tokens, begin = rec.doc.tokens, match.end
    if begin >= len(tokens) or tokens[begin].sentence != tokens[end].sentence or begin in skippable:
        return None
    token, after = tokens[begin], rec.matches.get(begin)
    if not token.key[0].isalpha() or function_like(rec.lexicon, token) or (
            after is not None and after.has_any(("cue.relative", "cue.that", "cue.agenda_end"))):
        return None
    return begin


def _joiner_after_aside(rec: Recognized, end: int) -> int | None:
    """After an aside ("وخاصة في المجالات العسكرية")، a joining word adds the next topic:
    "، بالإضافة إلى المسائل ذات الاهتمام المشترك"; returns where that topic starts."""
    if end not in rec.matches or not rec.matches[end].has("cue.agenda_end"):
        return None
    tokens = rec.doc.tokens
    for index in range(end + 1, len(tokens)):
        match = rec.matches.get(index)
        if tokens[index].sentence != tokens[end].sentence or tokens[index].key in _SENTENCE_PUNCTUATION or (
                match and match.has_any(("cue.statement", "cue.agenda_end", *MEETING_CUES))):
            return None
        if match and match.has("cue.agenda_join"):
            return match.end
    return None


def _sentences_of(tokens: Sequence[Token], parties: list[Party]) -> set[int]:
    return {s for party in parties for s in party.sentences(tokens)}


def _parties_by_sentence(rec: Recognized, parties: list[Party]) -> dict[int, list[Party]]:
    """The parties mentioned in each sentence, built once per document."""
    def build() -> dict[int, list[Party]]:
        index: dict[int, list[Party]] = {}
        for party in parties:
            for sentence in party.sentences(rec.doc.tokens):
                index.setdefault(sentence, []).append(party)
        return index
    return rec.remember(("parties_by_sentence", id(parties)), build)


def _meeting_sentence_set(rec: Recognized) -> set[int]:
    return rec.remember("meeting_sentence_set", lambda: set(meeting_sentences(rec)))


def _following_discussions(rec: Recognized, elsewhere: Callable[[int], bool], about: set[int]) -> set[int]:
    """A sentence right after one about the meeting that discusses something and names no
    other party (``elsewhere`` says whether a sentence does) continues it: "وتطرق النقاش إلى ..."."""
    return {s + 1 for s in about if s + 1 not in about and s + 1 in sentences_with(rec, "cue.discussion")
            and not elsewhere(s + 1)}


def _purposes(rec: Recognized, sentences: list[int], skippable: set[int]) -> list[AgendaItem]:
    """A purpose after the meeting word: "توجهت ميركل إلى باريس لإجراء تقييم مشترك للوضع",
    "من أجل رسم الطريق": ل before a verbal noun, or a purpose marker."""
    tokens, items = rec.doc.tokens, []
    inside = rec.remember("inside_matches", lambda: {i for m in rec.matches.values() for i in range(m.start, m.end)})
    for sentence in sentences:
        seen_meeting = False
        for index in sentence_tokens(rec, sentence):
            match = rec.matches.get(index)
            if match is not None and match.has_any(MEETING_CUES):
                seen_meeting = True
                continue
            if not seen_meeting or index in skippable:
                continue
            if match is not None and match.has("cue.purpose"):
                begin, cut = match.end, 0
            elif index not in inside and verbal_noun_with_li(rec.lexicon, tokens[index].key):
                begin, cut = index, 1
            else:
                continue
            items.extend(_agenda_items(rec, begin, _phrase_end(rec, begin + 1), cut))
            break
    return items


_TOPIC_SENTENCE_CUES = ("cue.discussion",)


def _quoted_topics(rec: Recognized, about: set[int]) -> list[AgendaItem]:
    """Phrases quoted in a sentence about the meeting that discusses something
    ("ناقش الجانبان «سبل الوصول إلى وقف إطلاق نار دائم»")."""
    items = []
    for sentence in sorted(about):
        if not any(m.has(kind) for m in rec.sentence_matches(sentence) for kind in _TOPIC_SENTENCE_CUES):
            continue
        for quoted in quoted_ranges(rec, sentence):
            if len(quoted) <= _AGENDA_MAX_WORDS:
                items.extend(_agenda_items(rec, quoted.start, quoted.stop))
    return items


_AGENDA_REACH = 20  # sentences around a meeting's own that may still discuss it


def _introduces_topic(match: Match) -> bool:
    return match.has("cue.discussion") or match.has("cue.stress") or "discuss_with" in match.keys("cue.meeting")


def _skippable(rec: Recognized, parties: list[Party]) -> set[int]:
    """Tokens that name parties, places and times: an agenda phrase starts after them."""
    skip = {i for p in parties for s, e in p.mentions for i in range(s, e)}
    skip |= {i for e in rec.entities if e.via == "name" for i in range(e.start, e.end)}
    skip |= {i for t in rec.titles for i in range(t.start, t.end)}
    skip |= _dash_asides(rec.doc.tokens)
    leading = ("collective", "weekday", "relative_day", "cue.meeting", "cue.call", "cue.agenda_lead",
               "country_nisba", "organization_nisba", "cue.discussion")
    for match in rec.with_kinds(leading):
        skip.update(range(match.start, match.end))
    return skip




_ASIDE_MAX_TOKENS = 12


def _dash_asides(tokens: Sequence[Token]) -> set[int]:
    """Short asides between two dashes ("- حفظه الله -"), which interrupt a clause."""
    asides: set[int] = set()
    opened: int | None = None
    for index in tokens_with_key_in(tokens, DASHES):  # the scan for dashes runs in C
        token = tokens[index]
        if opened is not None and tokens[opened].sentence == token.sentence and index - opened <= _ASIDE_MAX_TOKENS:
            asides.update(range(opened, index + 1))
            opened = None
        else:
            opened = index
    return asides


def _skip_forward(rec: Recognized, index: int, skippable: set[int]) -> int:
    tokens = rec.doc.tokens
    sentence = tokens[index - 1].sentence
    while index < len(tokens) and tokens[index].sentence == sentence:
        if index in skippable or not tokens[index].key[0].isalnum():
            index += 1
        else:
            break
    return index


def _phrase_end(rec: Recognized, begin: int) -> int:
    """A topic phrase ends at the sentence end or where a new clause starts."""
    tokens = rec.doc.tokens
    index = begin
    while index < len(tokens) and tokens[index].sentence == tokens[begin].sentence:
        match = rec.matches.get(index)
        enders = ("cue.statement", "cue.agenda_end")
        if index > begin and match and (match.has_any(enders) or _introduces_topic(match)):
            break
        if tokens[index].key in _SENTENCE_PUNCTUATION or _meeting_after_during(rec, index) is not None:
            break
        index += 1
    return index


def _meeting_after_during(rec: Recognized, index: int) -> Match | None:
    """The meeting word of "خلال اللقاء" at ``index``: after a topic it says when the topic
    was discussed, not what."""
    here = rec.matches.get(index)
    after = rec.matches.get(here.end) if here is not None and here.has("cue.during") else None
    return after if after is not None and after.has_any(MEETING_CUES) else None


def _split_items(rec: Recognized, begin: int, end: int, cut: int = 0) -> list[AgendaItem]:
    """Split coordinated topics: at commas, at joining words (فضلا عن) and at a conjunction
    "و" before a noun once the current item has a few words; ``cut`` clitic characters are left
    out of the first."""
    tokens, items, start, index = rec.doc.tokens, [], begin, begin
    while index <= end:
        match = rec.matches.get(index) if index < end else None
        joiner = match is not None and match.has("cue.agenda_join")
        comma = index < end and tokens[index].key in _AGENDA_SPLITTERS
        conjunction = index < end and index - start >= 3 and _splits_topics(rec, start, index)
        apart = conjunction and tokens[index].key == "و"  # written apart: the next topic starts after it
        if index == end or joiner or comma or conjunction:
            items.extend(_agenda_items(rec, start, index, cut if start == begin else 0))
            start = match.end if joiner else index + 1 if comma or apart else index
            index = max(start, index + 1)
            continue
        index += 1
    return items


def _conjunction_length(rec: Recognized, index: int) -> int:
    """1 when the token starts with a conjunction و that is not part of the word: not a word
    of the lexicon nor one the corpus shows with its own و (وزير، وسائل، وجهات)."""
    token, lexicon = rec.doc.tokens[index], rec.lexicon
    if not token.key.startswith("و") or len(token.key) < 4 or index in rec.matches and rec.matches[index].skip == 0:
        return 0
    return 0 if token.key in lexicon.waw_words or lexicon.words.get(token.key) else 1


def _splits_topics(rec: Recognized, start: int, index: int) -> bool:
    """"و" before a noun starts a new topic (والتعاون، وتعزيز), except between two adjectives
    (الإقليمية والدولية، وثيق ومثمر), between named states or bodies, or after "بين" (بين
    المملكة والمنظمة)."""
    tokens = rec.doc.tokens
    key = tokens[index].key
    if key == "و":  # written apart ("وثيقة قرطاج و برامج الإصلاح"): the word after it decides
        return _lone_waw_splits(rec, start, index)
    if not key.startswith("وال") and not _indefinite_topic(rec, start, index):
        return False
    if _adjective(key) and _adjective(tokens[index - 1].key):
        return False
    if index in rec.matches and rec.matches[index].skip and (
            rec.matches[index].has("country") or rec.matches[index].has("organization")):
        return False
    return not any(i in rec.matches and rec.matches[i].has("cue.between") for i in range(max(start, index - 3), index))


def _lone_waw_splits(rec: Recognized, start: int, index: int) -> bool:
    """A conjunction و written apart starts a new topic when the word after it would as
    "والـ..." or "وتعزيز" would: a definite noun, or an indefinite one after a definite word;
    not between two adjectives, before a named state or body, or after "بين"."""
    tokens = rec.doc.tokens
    after = index + 1
    if after >= len(tokens) or tokens[after].sentence != tokens[index].sentence or not tokens[after].key[0].isalpha():
        return False
    key, lexicon, match = tokens[after].key, rec.lexicon, rec.matches.get(after)
    if _adjective(key) and _adjective(tokens[index - 1].key) or match is not None and match.has_any(_NAMED_PARTIES):
        return False
    if function_like(lexicon, tokens[after]) or lexicon.lexical_classes.get(key) in ("verb", "adverb", "particle"):
        return False
    if after in _title_tokens(rec) or after in rec.person_at or tokens[after].text.endswith(_PRONOUN_ENDINGS):
        return False
    definite = key.startswith("ال")
    if not definite and not (tokens[index - 1].key.startswith(_DEFINITE) and lexicon.words.get(key)):
        return False
    return not any(i in rec.matches and rec.matches[i].has("cue.between") for i in range(max(start, index - 3), index))


_NAMED_PARTIES = ("country", "organization", "city")


def _indefinite_topic(rec: Recognized, start: int, index: int) -> bool:
    """A conjunction و before an indefinite noun after a topic that ends in a definite word
    ("الوضع في المنطقة وتعزيز التعاون"); not after a word that shares what follows with it (تقسيم
    وتوزيع المشروعات، تعاون وثيق ومثمر), nor before a verb, adverb, particle or function word
    (وأكد، وهو; the corpus shows which open clauses), a title or name, or a word whose pronoun
    points back (وتطويرها)."""
    tokens, lexicon = rec.doc.tokens, rec.lexicon
    if not tokens[index - 1].key.startswith(_DEFINITE) or tokens[index].text.endswith(_PRONOUN_ENDINGS):
        return False
    if _conjunction_length(rec, index) != 1 or index in _title_tokens(rec) or index in rec.person_at:
        return False
    key = tokens[index].key
    if key in lexicon.waw_clauses or lexicon.lexical_classes.get(key[1:]) in ("verb", "adverb", "particle"):
        return False
    if lexicon.words.get(key[1:], frozenset()) - {"common"}:  # words.yaml's common words: nouns too
        return False
    return _agenda_item(rec, start, index)[0] is not None


_DEFINITE = ("ال", "وال", "بال", "لل", "فال", "كال")


_PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما", "هن", "كم", "نا")  # ه, not ة: the written form tells them apart


def _adjective(key: str) -> bool:
    """Nisba adjectives (الإقليمية والدولية) coordinate inside one topic."""
    return key.endswith(("يه", "ي"))


def _is_topic(rec: Recognized, start: int, end: int) -> bool:
    """Not a clause ("أضاف البيان") nor mostly the person it opens with ("دميتري ميدفيديف");
    "موقف قائد الجيش عبد الفتاح البرهان من المبادرات" is a topic."""
    first = rec.matches.get(start)
    if first is not None and (first.has_any(("cue.statement", "cue.meeting", "cue.call"))
                              or "participle" in first.keys("cue.agenda_end")):
        return False  # "معبرا عن تقديره ...": what a party said, not a topic
    opening = rec.person_at.get(start)
    named = min(end, opening.end) - start if opening else 0
    return named * 2 < end - start and start not in _title_tokens(rec) and _says_what(rec, start, end)


def _title_tokens(rec: Recognized) -> set[int]:
    """Tokens of titles: a phrase that starts in one names an office holder ("الثاني لرئيس
    مجلس الوزراء"), not a topic."""
    return rec.remember("title_tokens", lambda: {i for title in rec.titles for i in range(title.start, title.role_end)})


def _says_what(rec: Recognized, start: int, end: int) -> bool:
    """A topic has a word beyond times, numbers and places ("الثلاثاء في سوتشي" is none)."""
    places = rec.remember("place_tokens", lambda: {
        i for e in rec.entities if e.kind in ("city", "country") and e.via == "name" for i in range(e.start, e.end)})
    return any(token.key[0].isalpha() and index not in places and not function_like(rec.lexicon, token)
               and "time" not in rec.lexicon.token_classes(token)
               for index, token in enumerate(rec.doc.tokens[start:end], start))


def _agenda_items(rec: Recognized, start: int, end: int, cut: int = 0) -> list[AgendaItem]:
    """The topic phrase at ``start:end`` and, when it runs past the word limit and is cut
    before a "و" that opens a new phrase, the topics of the rest."""
    items: list[AgendaItem] = []
    rest: int | None = start
    while rest is not None and rest < end:
        item, rest = _agenda_item(rec, rest, end, cut)
        cut = 0
        if item:
            items.append(item)
    return items


_ADVERBIAL = frozenset({"في", "وفي"})  # a phrase they open after a comma says when, where or how


def _agenda_item(rec: Recognized, start: int, end: int, cut: int = 0) -> tuple[AgendaItem | None, int | None]:
    """The topic phrase at ``start:end`` (None if it is not one) and where the rest starts
    when it had to be cut short."""
    tokens, lexicon, first = rec.doc.tokens, rec.lexicon, start
    while start < end and not tokens[start].key[0].isalnum():
        start += 1
    if start < end and start in rec.matches and rec.matches[start].has("cue.relative"):
        return None, None  # "الذي تمثله تنظيمات": the rest of a clause, not a topic
    if start < end and tokens[start].key in _ADVERBIAL:
        return None, None  # "، في إطار السعي ..."، "، في وقت نفت فيه ...": when or how, not what
    while start < end and (not tokens[start].key[0].isalnum() or function_like(lexicon, tokens[start])):
        start += 1
    end = phrase_close(rec, start, end)
    words = [t for t in tokens[start:end] if t.key[0].isalnum()]
    if sum(not function_word(lexicon, t) for t in words) < 2 or not _is_topic(rec, start, end):
        return None, None
    end, rest = cut_to_limit(rec, start, end, _AGENDA_MAX_WORDS)
    skip = cut if cut and start == first else _conjunction_length(rec, start)
    if not skip and tokens[start].text.startswith("بال"):
        if lexicon.lexical_classes.get(tokens[start].key) == "adjective":
            return None, None  # "أهمية بالغة لهذه القيم": no ب to take off, and no topic
        skip = 1  # "أشاد بالتجربة": the topic is التجربة
    text = balance_marks(span_text(rec.doc, start, end, skip))
    return AgendaItem(text, evidence_of(rec.doc, start, end)), rest
