"""Towns learned from GeoNames and the corpus (data/learned/places.tsv)."""

import pytest

from meetsum import summarize
from meetsum.lexicon import LexiconError, default_lexicon, parse_places

_HEADER = "# made by a script\nname\tstate\ten\tpeople\tseen\tplaced\tcalled\n"


def test_each_town_is_one_city_with_its_other_names_as_aliases():
    towns = parse_places(_HEADER + "تطاوين\tTN\tTataouine\t66924\t496\t247\t109\n"
                                   "تطاوبن\tTN\tTataouine\t66924\t9\t5\t3\n"
                                   "الخرج\tSA\tAl Kharj\t425300\t387\t164\t93\n")
    assert towns == {
        "gn-tn-tataouine": {"en": "Tataouine", "ar": "تطاوين", "aliases": ["تطاوبن"], "country": "TN"},
        "gn-sa-al-kharj": {"en": "Al Kharj", "ar": "الخرج", "aliases": [], "country": "SA"},
    }


@pytest.mark.parametrize(
    "text",
    [
        _HEADER + "تطاوين\tTN\tTataouine\tmany\t496\t247\t109\n",
        _HEADER + "تطاوين\tTN\tTataouine\t66924\t496\t247\n",
        "name\tstate\ten\n",
    ],
)
def test_a_malformed_places_table_is_refused(text):
    with pytest.raises(LexiconError):
        parse_places(text)


def test_a_learned_town_is_a_city_of_its_state():
    cities = {city.ar: city.country for city in default_lexicon().cities.values()}
    assert cities.get("تطاوين") == "TN"


def test_a_learned_town_is_the_venue_it_places_a_meeting_in():
    summary = summarize("استقبل والي تطاوين سالم الحربي في تطاوين اليوم وزير الفلاحة التونسي خالد العلي.",
                        published="2025-05-20")
    assert summary.venue is not None and (summary.venue.city, summary.venue.country) == ("تطاوين", "تونس")
