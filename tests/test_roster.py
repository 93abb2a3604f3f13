"""A meeting's participant list: each party once, and nobody who identifies no one."""

import pytest

from meetsum.lexicon import default_lexicon
from meetsum.model import Evidence, Participant
from meetsum.roster import roster


def _participant(name, role, affiliation, at=0):
    return Participant(name, role, affiliation, Evidence(at, at + 1, 0))


def _listed(participants):
    return [(p.name, p.role, p.affiliation) for p in roster(tuple(participants), default_lexicon())]


@pytest.mark.parametrize(
    ("unnamed_role", "holder_role"),
    [
        ("أمير دولة الكويت", "الأمير"),  # the state's name in the role is no office word
        ("الرئيس", "الرئيس"),
        ("الأمين العام لجامعة الدول العربية", "الأمين العام"),
    ],
)
def test_an_unnamed_office_is_its_holder_listed_beside_it(unnamed_role, holder_role):
    affiliation = "جامعة الدول العربية" if "الأمين" in holder_role else "الكويت"
    listed = _listed([_participant(None, unnamed_role, affiliation, 0),
                      _participant("سالم العلي", holder_role, affiliation, 5),
                      _participant("خالد الحربي", "وزير الخارجية", "تونس", 9)])
    assert listed == [("سالم العلي", holder_role, affiliation), ("خالد الحربي", "وزير الخارجية", "تونس")]


def test_another_office_of_the_same_state_stays():
    listed = _listed([_participant(None, "رئيس الوزراء", "الكويت", 0), _participant("سالم العلي", "الأمير", "الكويت", 5)])
    assert listed == [(None, "رئيس الوزراء", "الكويت"), ("سالم العلي", "الأمير", "الكويت")]


def test_the_same_office_of_another_state_stays():
    listed = _listed([_participant(None, "الرئيس", "مصر", 0), _participant("سالم العلي", "الرئيس", "تونس", 5)])
    assert listed == [(None, "الرئيس", "مصر"), ("سالم العلي", "الرئيس", "تونس")]


def test_an_unnamed_office_listed_twice_is_listed_once():
    listed = _listed([_participant(None, "زعيم كوريا الشمالية", "كوريا الشمالية", 0),
                      _participant(None, "الزعيم", "كوريا الشمالية", 5),
                      _participant("سالم العلي", "الرئيس", "تونس", 9)])
    assert listed == [(None, "زعيم كوريا الشمالية", "كوريا الشمالية"), ("سالم العلي", "الرئيس", "تونس")]


def test_a_former_holder_is_not_the_holder():
    listed = _listed([_participant(None, "الرئيس السابق", "تونس", 0), _participant("سالم العلي", "الرئيس", "تونس", 5)])
    assert len(listed) == 2


def test_a_bare_state_beside_its_representative_and_an_office_with_no_state_are_left_out():
    listed = _listed([_participant(None, None, "تونس", 0), _participant(None, "وزير الخارجية", None, 3),
                      _participant("سالم العلي", "الرئيس", "تونس", 5)])
    assert listed == [("سالم العلي", "الرئيس", "تونس")]
