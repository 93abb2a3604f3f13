"""The language data: schema, characters, duplicates, and the loader's error messages."""

import os
import pickle
import re
import stat
from dataclasses import replace
from importlib import resources

import pytest
import yaml

from meetsum.lexicon import (
    LexiconError, check_form, default_lexicon, load_lexicon, matches_by_kind, nisba_forms,
    parse_common_words, parse_word_classes, with_kinds,
)
from meetsum.text import analyze, match_key

DATA_FILES = sorted(p.name for p in resources.files("meetsum").joinpath("data").iterdir() if p.name.endswith(".yaml"))
FORBIDDEN = re.compile("[\u064b-\u0652\u0670\u0640\u06cc\u06a9\u200c\u200d]")


def _strings(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


@pytest.fixture(scope="module")
def lexicon():
    return default_lexicon()


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_files_have_string_keys_and_no_forbidden_characters(name):
    data = yaml.safe_load(resources.files("meetsum").joinpath("data", name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    for text in _strings(data):
        assert not FORBIDDEN.search(text), f"{name}: {text!r} has a diacritic, tatweel, Persian letter or joiner"
    for section in data.values():
        if isinstance(section, dict):
            assert all(isinstance(key, str) for key in section), f"{name}: unquoted key"


def test_every_country_has_a_capital_in_its_own_cities(lexicon):
    assert len(lexicon.countries) >= 195
    for country in lexicon.countries.values():
        capitals = [c for c in lexicon.cities.values() if match_key(c.ar) == match_key(country.capital)]
        assert any(c.country == country.key for c in capitals), country


def test_there_are_capitals_and_a_hundred_more_cities(lexicon):
    assert len(lexicon.cities) >= len(lexicon.countries) + 100


def test_un_members_and_observers(lexicon):
    statuses = [c.status for c in lexicon.countries.values()]
    assert statuses.count("member") == 193
    assert statuses.count("observer") == 2


@pytest.mark.parametrize(
    ("text", "kind", "key"),
    [
        ("روسيا", "country", "RU"),
        ("الروسي", "country_nisba", "RU"),
        ("الروسية", "country_nisba", "RU"),
        ("بالدوحة", "city", "doha"),
        ("للدوحة", "city", "doha"),
        ("حركة المقاومة الإسلامية", "organization", "hamas"),
        ("وزير", "office", "minister"),
    ],
)
def test_phrases_are_found_with_clitics_and_inflections(lexicon, text, kind, key):
    match = lexicon.match_at(analyze(text).tokens, 0)
    assert match is not None and key in match.keys(kind)


def test_longest_phrase_wins(lexicon):
    tokens = analyze("مجلس الأمن الدولي").tokens
    assert lexicon.match_at(tokens, 0).end == 3


def test_nisba_forms_inflect_gender_number_and_definiteness():
    forms = nisba_forms("تركي")
    assert {"تركي", "تركية", "التركي", "التركية", "التركيان", "التركيين", "تركيتين"} <= set(forms)


def test_the_accusative_nisba_is_an_adjective_unless_it_spells_a_name(lexicon):
    american = lexicon.match_at(analyze("وفدا أمريكيا").tokens, 1)
    assert american is not None and american.keys("country_nisba") == ["US"]
    russia = lexicon.match_at(analyze("وفدا روسيا").tokens, 1)
    assert russia.keys("country") == ["RU"] and not russia.keys("country_nisba")


@pytest.mark.parametrize("form", ["روسيّا", "كیف", "abc", "روسيا  الاتحادية", "الـدوحة", ""])
def test_check_form_rejects_what_does_not_belong(form):
    with pytest.raises(LexiconError):
        check_form("x.yaml", "entry", form)


def test_user_lexicon_adds_entries(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text('organizations:\n  "acme":\n    en: Acme\n    ar: أكمي\n    kind: company\n', encoding="utf-8")
    lexicon = load_lexicon([extra])
    assert lexicon.organizations["acme"].ar == "أكمي"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('cities:\n  "x":\n    en: X\n    ar: إكس\n    country: ZZ\n', "'ZZ' is not in countries.yaml"),
        ('organizations:\n  "x":\n    en: X\n    ar: abc\n    kind: company\n', "x.ar: 'abc'"),
        ('organizations:\n  "x":\n    en: X\n    ar: إكس\n    kind: club\n', "x.kind: 'club'"),
        ("planets: {}\n", "unknown section"),
        ("[1, 2", "not valid YAML"),
    ],
)
def test_user_lexicon_errors_name_the_file_the_entry_and_the_problem(tmp_path, content, message):
    extra = tmp_path / "bad.yaml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as error:
        load_lexicon([extra])
    assert "bad.yaml" in str(error.value) and message in str(error.value)


def test_default_lexicon_is_cached_and_the_cache_is_used(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    default_lexicon.cache_clear()
    built = default_lexicon()
    (cached,) = (tmp_path / "meetsum").glob("lexicon-*.pickle")
    default_lexicon.cache_clear()
    assert default_lexicon() == built
    cached.write_bytes(b"not a pickle")  # a damaged cache is rebuilt, not fatal
    default_lexicon.cache_clear()
    assert default_lexicon() == built
    default_lexicon.cache_clear()


def test_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("MEETSUM_CACHE", "0")
    default_lexicon.cache_clear()
    default_lexicon()
    default_lexicon.cache_clear()
    assert not (tmp_path / "meetsum").exists()


def _cache_file(tmp_path, monkeypatch, value):
    """A fresh private cache holding ``value`` under the name "probe", and its path."""
    from meetsum import lexicon as lexicon_module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert lexicon_module.cached("probe", lambda: value) == value
    path = lexicon_module._cache_path("probe", ())
    assert path.exists()
    return lexicon_module, path


def test_the_cache_is_private_to_the_user(tmp_path, monkeypatch):
    lexicon_module, path = _cache_file(tmp_path, monkeypatch, {"built": 1})
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.stat().st_uid == os.geteuid()
    assert lexicon_module.cached("probe", lambda: {"built": 2}) == {"built": 1}  # a trusted file is used


def test_a_cache_directory_others_can_read_is_made_private(tmp_path, monkeypatch):
    (tmp_path / "meetsum").mkdir(mode=0o755)
    os.chmod(tmp_path / "meetsum", 0o777)
    _, path = _cache_file(tmp_path, monkeypatch, {"built": 1})
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.parametrize("mode", [0o620, 0o602, 0o666])
def test_a_cache_file_group_or_others_can_write_is_not_loaded_but_rebuilt(tmp_path, monkeypatch, mode):
    lexicon_module, path = _cache_file(tmp_path, monkeypatch, {"built": 1})
    path.write_bytes(pickle.dumps({"planted": True}))
    os.chmod(path, mode)
    assert lexicon_module.cached("probe", lambda: {"built": 2}) == {"built": 2}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # rebuilt, private again
    assert lexicon_module.cached("probe", lambda: {"built": 3}) == {"built": 2}


def test_a_cache_file_owned_by_someone_else_is_not_loaded_but_rebuilt(tmp_path, monkeypatch):
    lexicon_module, path = _cache_file(tmp_path, monkeypatch, {"built": 1})
    path.write_bytes(pickle.dumps({"planted": True}))
    if os.geteuid() == 0:
        os.chown(path, 4321, 4321)  # as root, hand the file to another user
    else:  # otherwise the user becomes someone else
        monkeypatch.setattr(lexicon_module.os, "geteuid", lambda: path.stat().st_uid + 1)
    assert path.stat().st_uid != lexicon_module.os.geteuid()
    assert lexicon_module.cached("probe", lambda: {"built": 2}) == {"built": 2}


def test_a_symbolic_link_in_the_cache_is_not_followed(tmp_path, monkeypatch):
    lexicon_module, path = _cache_file(tmp_path, monkeypatch, {"built": 1})
    elsewhere = tmp_path / "elsewhere.pickle"
    elsewhere.write_bytes(pickle.dumps({"planted": True}))
    os.chmod(elsewhere, 0o600)
    path.unlink()
    path.symlink_to(elsewhere)
    assert lexicon_module.cached("probe", lambda: {"built": 2}) == {"built": 2}


def test_the_cache_keeps_the_newest_few_versions_of_an_object(tmp_path, monkeypatch):
    directory = tmp_path / "meetsum"
    directory.mkdir(mode=0o700)
    for age in range(12):  # builds of other versions, the oldest first removed
        old = directory / f"probe-{age:016x}.pickle"
        old.write_bytes(pickle.dumps(age))
        os.utime(old, (1_000_000 + age, 1_000_000 + age))
    lexicon_module, path = _cache_file(tmp_path, monkeypatch, {"built": 1})
    kept = sorted(p.name for p in directory.glob("probe-*.pickle"))
    assert path.name in kept and len(kept) == 8
    assert f"probe-{11:016x}.pickle" in kept and f"probe-{0:016x}.pickle" not in kept


def test_the_word_class_table_keeps_only_words_never_seen_as_names():
    table = "# generated\nkey\tclass\tcount\tname_count\tname\nيواصل\tverb\t600\t10\t-\nسعيد\tadjective\t1800\t600\tcorpus\n"
    assert parse_word_classes(table) == {"يواصل": "verb"}


@pytest.mark.parametrize(
    "table",
    ["key\tclass\n", "key\tclass\tcount\tname_count\tname\nيواصل\tnoun\t600\t10\t-\n",
     "key\tclass\tcount\tname_count\tname\nيواصل\tverb\t600\n"],
)
def test_a_malformed_word_class_table_is_an_error(table):
    with pytest.raises(LexiconError, match="wordclasses.tsv"):
        parse_word_classes(table)


def test_a_curated_given_name_wins_over_the_word_class_table(lexicon):
    table = {match_key("سعيد"): "adjective", match_key("يواصل"): "verb"}
    with_table = replace(lexicon, lexical_classes=table)
    assert with_table.ends_name(match_key("يواصل"))
    assert not with_table.ends_name(match_key("سعيد"))



_COMMON_TABLE = ("# generated\nkey\tcount\tin_names\tkind\nمساحه\t1250\t20\tcommon\nوكالات\t510\t0\tcommon\n"
                 "يري\t1500\t15\tcommon\nكيري\t970\t310\tname\nسعيد\t1800\t20\tcommon\n")


def test_the_common_word_table_gives_common_words_and_names_with_a_clitic():
    assert parse_common_words(_COMMON_TABLE) == (
        frozenset({"مساحه", "وكالات", "يري", "سعيد"}), frozenset({"كيري"}))


@pytest.mark.parametrize(
    "table",
    ["key\tcount\n", "key\tcount\tin_names\tkind\nمساحه\t1250\t20\trare\n",
     "key\tcount\tin_names\tkind\nمساحه\t1250\n", "key\tcount\tin_names\tkind\nمساحه\tmany\t20\tcommon\n"],
)
def test_a_malformed_common_word_table_is_an_error(table):
    with pytest.raises(LexiconError, match="common_words.tsv"):
        parse_common_words(table)


@pytest.mark.parametrize(
    ("word", "common"),
    [("مساحة", True), ("لوكالات", True), ("بمساحة", True), ("ومساحة", True),
     ("كمساحة", False),  # ك starts too many foreign names to be read as a clitic
     ("كيري", False),  # listed as a name though يري is common
     ("سعيد", False),  # a given name of names.yaml wins over the table
     ("بوغدانوف", False)],
)
def test_common_words_with_a_clitic_and_the_names_that_win_over_them(lexicon, word, common):
    common_words, clitic_names = parse_common_words(_COMMON_TABLE)
    with_table = replace(lexicon, common_words=common_words, clitic_names=clitic_names)
    assert with_table.is_common(match_key(word)) is common


def test_phrase_openers_are_exactly_the_keys_whose_clitic_free_forms_open_a_phrase():
    from itertools import product

    from meetsum.lexicon import _CLITIC_LETTERS, _with_clitics, variant_keys

    openers = {"الرئيس", "لقاء", "وزير", "اب", "ا"}
    found = _with_clitics(openers)
    prefixes = ["", *_CLITIC_LETTERS, *("".join(pair) for pair in product(_CLITIC_LETTERS, repeat=2))]
    stems = [*openers, "لرئيس", "رئيس", "قاء", "زير", "ب"]
    for prefix, stem in product(prefixes, stems):
        key = prefix + stem
        assert (key in found) == (not openers.isdisjoint(variant_keys(key))), key
    assert {"للرئيس", "والرئيس", "وللقاء", "فبوزير"} <= found


def test_matches_by_kind_gives_each_kinds_matches_once_in_text_order(lexicon):
    tokens = analyze("التقى الرئيس المصري في القاهرة يوم الأحد وزير الخارجية الأمريكي").tokens
    matches = lexicon.find_all(tokens)
    by_kind = matches_by_kind(matches)
    wanted = {"office", "country_nisba", "weekday"}
    expected = [match for match in matches if match.has_any(wanted)]
    assert len(expected) >= 4
    assert with_kinds(by_kind, wanted) == expected
    assert with_kinds(by_kind, ["office"]) == [match for match in matches if match.has("office")]
    assert with_kinds(by_kind, ["no such kind"]) == []


def test_keys_with_clitics_is_the_inverse_of_variant_keys():
    from meetsum.lexicon import keys_with_clitics, variant_keys

    words = [match_key(word) for word in (
        "الرئيس", "والرئيس", "للرئيس", "بالرئيس", "وللرئيس", "لقائه", "للقائه", "فبحث", "كما", "لبنان",
        "ولبنان", "وزير", "بن", "في", "و", "الدوحة", "بالدوحة")]
    for word in words:
        for form in variant_keys(word):
            assert word in keys_with_clitics(form), (word, form)
            assert all(form in variant_keys(key) for key in keys_with_clitics(form)), form
