"""Build meetsum/data/countries.yaml and meetsum/data/cities.yaml.

Sources, lowest priority first:

1. pycountry: ISO 3166-1 alpha-2 codes and English short names.
2. babel's CLDR data: Arabic territory names (``Locale('ar').territories``) and the Arabic
   and English exemplar city names of IANA time zones (``babel.dates.get_timezone_location``).
3. ``scripts/geo_overrides.yaml``: hand-curated knowledge on top: the Arabic short names and
   spellings Arabic news uses, aliases, nisba adjectives, capitals, UN status and the list of
   cities. Where an override replaces a CLDR Arabic name, the CLDR name is kept as an alias
   (if it is a valid form) unless the entry says ``cldr_alias: false``.

CLDR forms are sanitized (diacritics and tatweel dropped, Persian yeh/keheh mapped to Arabic
yeh/kaf); a CLDR form that still breaks the character rules of meetsum/data/README.md (it
contains "(", "-", ...) is skipped with a warning. Curated forms must obey the rules as
written: the script fails on any violation, on a form shared by two entries of one file
(compared after the matcher's folding: أ/إ/آ -> ا, ى -> ي, ة -> ه), on a capital that is
not a city of its country and on a city whose country is unknown.

Regenerate (from the repository root)::

    uv run --group build-data python scripts/build_geo.py

If ``uv run`` cannot build the project (early on, hatchling refused the incomplete package
layout because README.md was missing), use a throwaway environment instead::

    uv venv /tmp/geo-venv
    uv pip install --python /tmp/geo-venv babel pycountry pyyaml
    /tmp/geo-venv/bin/python scripts/build_geo.py

``--check`` builds in memory and exits non-zero when the files on disk are out of date.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

import babel
import babel.dates
import pycountry
import yaml
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "scripts" / "geo_overrides.yaml"
DATA = ROOT / "meetsum" / "data"
COUNTRIES_OUT = DATA / "countries.yaml"
CITIES_OUT = DATA / "cities.yaml"

STATUSES = ("member", "observer", "other")
N_UN_MEMBERS = 193

# README character rules: Arabic letters U+0621-U+063A and U+0641-U+064A, single spaces.
_LETTERS = "\u0621-\u063a\u0641-\u064a"
VALID_FORM = re.compile(rf"[{_LETTERS}]+(?: [{_LETTERS}]+)*")
# Sanitizing CLDR text: harakat, superscript alef, tatweel out; Persian letters mapped.
_STRIP = dict.fromkeys([*range(0x064B, 0x0653), 0x0670, 0x0640])
_MAP = {0x06CC: "\u064a", 0x06A9: "\u0643", 0x06C0: "\u0647"}
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})

REGENERATE = "uv run --group build-data python scripts/build_geo.py"


class DataError(Exception):
    pass


def fold(form: str) -> str:
    """The matcher's view of a form: hamza seats on alef, alef maksura and ta marbuta folded."""
    return form.translate(_FOLD)


def sanitize_cldr(text: str | None) -> str | None:
    """CLDR text -> a valid form, or None (with a warning) when it cannot be one."""
    if not text:
        return None
    out = unicodedata.normalize("NFC", text).translate(_STRIP).translate(_MAP)
    out = " ".join(out.split())
    if not VALID_FORM.fullmatch(out):
        print(f"  warning: CLDR form {text!r} is not a valid form, skipped", file=sys.stderr)
        return None
    return out


def check_form(form: object, where: str) -> str:
    if not isinstance(form, str) or not VALID_FORM.fullmatch(form):
        raise DataError(f"{where}: invalid Arabic form {form!r}")
    return form


def dedupe(forms: list[str], exclude: set[str]) -> list[str]:
    """Keep the first of forms equal after folding; drop those equal to an excluded form."""
    seen = set(exclude)
    out = []
    for f in forms:
        k = fold(f)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


def cldr_city(tz: str, locale: str) -> str:
    return babel.dates.get_timezone_location(tz, locale=locale, return_city=True)


def build_cities(over: dict) -> dict:
    cities = {}
    for slug, ov in over.items():
        where = f"cities.{slug}"
        if not isinstance(slug, str) or not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", slug):
            raise DataError(f"{where}: bad slug")
        unknown = set(ov) - {"en", "ar", "aliases", "country", "tz", "cldr_alias"}
        if unknown:
            raise DataError(f"{where}: unknown fields {sorted(unknown)}")
        tz = ov.get("tz")
        keep_cldr = ov.get("cldr_alias", True)
        wants_cldr = tz and (keep_cldr or not ov.get("ar"))
        cldr_ar = sanitize_cldr(cldr_city(tz, "ar")) if wants_cldr else None
        en = ov.get("en") or (cldr_city(tz, "en") if tz else None)
        if not en:
            raise DataError(f"{where}: no English name (give en or tz)")
        ar = ov.get("ar") or cldr_ar
        if not ar:
            raise DataError(f"{where}: no Arabic name (give ar, or a tz that CLDR names)")
        check_form(ar, f"{where}.ar")
        aliases = [check_form(a, f"{where}.aliases") for a in ov.get("aliases") or []]
        if cldr_ar and keep_cldr:
            aliases.append(cldr_ar)
        country = ov.get("country")
        if not isinstance(country, str):
            raise DataError(f"{where}: country must be a quoted ISO code, got {country!r}")
        cities[slug] = {
            "en": en,
            "ar": ar,
            "aliases": dedupe(aliases, {fold(ar)}),
            "country": country,
        }
    return cities


def pycountry_name(code: str) -> str | None:
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return None
    return getattr(c, "common_name", None) or c.name


def build_countries(over: dict, cities: dict) -> dict:
    territories = Locale("ar").territories
    countries = {}
    for code, ov in over.items():
        where = f"countries.{code}"
        if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{2}", code):
            raise DataError(f"{where}: key must be a quoted ISO alpha-2 code")
        unknown = set(ov) - {"en", "ar", "aliases", "nisba", "capital", "status", "cldr_alias", "city_state"}
        if unknown:
            raise DataError(f"{where}: unknown fields {sorted(unknown)}")
        en = ov.get("en") or pycountry_name(code)
        if not en:
            raise DataError(f"{where}: not in pycountry, give en")
        keep_cldr = ov.get("cldr_alias", True)
        cldr_ar = sanitize_cldr(territories.get(code)) if keep_cldr or not ov.get("ar") else None
        ar = ov.get("ar") or cldr_ar
        if not ar:
            raise DataError(f"{where}: no Arabic name")
        check_form(ar, f"{where}.ar")
        aliases = [check_form(a, f"{where}.aliases") for a in ov.get("aliases") or []]
        if cldr_ar and keep_cldr:
            aliases.append(cldr_ar)
        aliases = dedupe(aliases, {fold(ar)})
        if "nisba" not in ov:
            raise DataError(f"{where}: nisba missing (use [] when there is none)")
        nisba = [check_form(n, f"{where}.nisba") for n in ov["nisba"] or []]
        nisba = dedupe(nisba, {fold(ar)} | {fold(a) for a in aliases})
        for n in nisba:
            if n.startswith("ال"):
                raise DataError(f"{where}: nisba {n} must be written without ال")
        slug = ov.get("capital")
        if slug not in cities:
            raise DataError(f"{where}: capital {slug!r} is not in cities")
        if cities[slug]["country"] != code:
            raise DataError(f"{where}: capital {slug} belongs to {cities[slug]['country']}")
        status = ov.get("status", "member")
        if status not in STATUSES:
            raise DataError(f"{where}: bad status {status!r}")
        countries[code] = {
            "en": en,
            "ar": ar,
            "aliases": aliases,
            "nisba": nisba,
            "capital": cities[slug]["ar"],
            "status": status,
        }
        if ov.get("city_state") is True:
            countries[code]["city_state"] = True
    return countries


def validate(countries: dict, cities: dict) -> None:
    members = [c for c, v in countries.items() if v["status"] == "member"]
    if len(members) != N_UN_MEMBERS:
        raise DataError(f"{len(members)} countries have status member, expected {N_UN_MEMBERS}")
    for slug, city in cities.items():
        if city["country"] not in countries:
            raise DataError(f"cities.{slug}: country {city['country']} not in countries")
    for name, table, fields in (
        ("countries", countries, ("ar", "aliases", "nisba")),
        ("cities", cities, ("ar", "aliases")),
    ):
        owner: dict[str, str] = {}
        for key, entry in table.items():
            for field in fields:
                vals = entry[field] if isinstance(entry[field], list) else [entry[field]]
                for form in vals:
                    check_form(form, f"{name}.{key}.{field}")
                    k = fold(form)
                    if k in owner and owner[k] != key:
                        raise DataError(f"{name}: form {form} in both {owner[k]} and {key}")
                    owner[k] = key


# --- output -------------------------------------------------------------------------------


def scalar(s: str) -> str:
    """A YAML scalar that loads back as the same str (plain when safe, else JSON-quoted)."""
    plain = (
        s
        and not re.search(r"[:#,\[\]{}&*!|>'\"%@`]", s)
        and s == s.strip()
        and s[0] not in "-?"
    )
    if plain:
        try:
            if yaml.safe_load(s) == s:
                return s
        except yaml.YAMLError:
            pass
    return json.dumps(s, ensure_ascii=False)


def flow(items: list[str]) -> str:
    return "[" + ", ".join(scalar(i) for i in items) + "]"


def header(what: str) -> str:
    return (
        f"# meetsum {what}: GENERATED by scripts/build_geo.py, do not edit by hand.\n"
        "# Sources: pycountry {pc} (ISO codes, English names), babel {bv} (CLDR {cldr}: Arabic\n"
        "# names), curated on top by scripts/geo_overrides.yaml. Edit the overrides, then\n"
        f"# regenerate from the repository root with:\n#   {REGENERATE}\n"
        "# Schema and character rules: meetsum/data/README.md.\n"
    ).format(pc=_pycountry_version(), bv=babel.__version__, cldr=babel.core.get_cldr_version())


def _pycountry_version() -> str:
    from importlib.metadata import version

    return version("pycountry")


def dump_countries(countries: dict) -> str:
    lines = [header("countries").rstrip("\n"), ""]
    for code in sorted(countries):
        c = countries[code]
        lines += [
            f"{json.dumps(code)}:",
            f"  en: {scalar(c['en'])}",
            f"  ar: {scalar(c['ar'])}",
            f"  aliases: {flow(c['aliases'])}",
            f"  nisba: {flow(c['nisba'])}",
            f"  capital: {scalar(c['capital'])}",
            f"  status: {c['status']}",
        ] + (["  city_state: true"] if c.get("city_state") else [])
    return "\n".join(lines) + "\n"


def dump_cities(cities: dict) -> str:
    lines = [header("cities").rstrip("\n"), ""]
    for slug in sorted(cities):
        c = cities[slug]
        lines += [
            f"{json.dumps(slug)}:",
            f"  en: {scalar(c['en'])}",
            f"  ar: {scalar(c['ar'])}",
            f"  aliases: {flow(c['aliases'])}",
            f"  country: {json.dumps(c['country'])}",
        ]
    return "\n".join(lines) + "\n"


def roundtrip(text: str, data: dict, what: str) -> None:
    loaded = yaml.safe_load(text)
    if loaded != data:
        raise DataError(f"{what}: YAML does not load back as the data")
    if not all(isinstance(k, str) for k in loaded):
        raise DataError(f"{what}: a key does not load as a string")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if the files are out of date")
    args = ap.parse_args(argv)

    over = yaml.safe_load(OVERRIDES.read_text(encoding="utf-8"))
    try:
        cities = build_cities(over["cities"])
        countries = build_countries(over["countries"], cities)
        validate(countries, cities)
        outputs = {
            COUNTRIES_OUT: (dump_countries(countries), countries),
            CITIES_OUT: (dump_cities(cities), cities),
        }
        for path, (text, data) in outputs.items():
            roundtrip(text, data, path.name)
    except DataError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1

    capitals = {c["capital"] for c in countries.values()}
    n_other = sum(1 for c in cities.values() if c["ar"] not in capitals)
    summary = (
        f"{len(countries)} countries ("
        + ", ".join(f"{sum(c['status'] == s for c in countries.values())} {s}" for s in STATUSES)
        + f"), {len(cities)} cities ({len(cities) - n_other} capitals, {n_other} others)"
    )
    if args.check:
        stale = [p.name for p, (t, _) in outputs.items()
                 if not p.exists() or p.read_text(encoding="utf-8") != t]
        if stale:
            print(f"out of date: {', '.join(stale)}; run {REGENERATE}", file=sys.stderr)
            return 1
        print(f"up to date: {summary}")
        return 0
    for path, (text, _) in outputs.items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {COUNTRIES_OUT.relative_to(ROOT)}, {CITIES_OUT.relative_to(ROOT)}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
