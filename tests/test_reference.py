"""The reference set: loading, validation errors as file:line, CSV import, place linking."""

import textwrap

import pytest

from factcheck.errors import ReferenceSetError
from factcheck.gazetteer import fold
from factcheck.reference import load_reference
from factcheck.refs_csv import read_csv, to_toml

from .conftest import ROOT

PLACES = """
[[place]]
id = "al-hol"
name = "al-Hol camp"
kind = "camp"
aliases = ["al-Hawl"]

[[source]]
id = "ocha"
publisher = "UN OCHA"
date = 2026-01-15
"""


def write(tmp_path, body, name="facts.toml"):
    folder = tmp_path / "claims"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(PLACES + body), encoding="utf-8")
    return folder


def test_reference_shipped_set_is_valid_and_indexed():
    reference = load_reference(ROOT / "claims")
    assert "al-hol.population" in reference.facts
    assert reference.candidates("count", "people")
    assert reference.facts["al-hol.population"].interval == (21600, 26400)


@pytest.mark.parametrize(
    "body, message, line",
    [
        ('\n[[fact]]\nid = "x"\ncounts = "people"\nplace = "nowhere"\nvalue = 5\nsource = "ocha"\n',
         "unknown place 'nowhere'", 13),
        ('\n[[fact]]\nid = "x"\ncounts = "people"\nplace = "al-hol"\nvalue = 5\n',
         "source", 13),
        ('\n[[fact]]\nid = "x"\ncounts = "people"\nplace = "al-hol"\nlow = 9\nhigh = 3\nsource = "ocha"\n',
         "low: 9 is above high (3)", 17),
        ('\n[[fact]]\nid = "x"\ncounts = "people"\nplace = "al-hol"\nvalue = 5\nsource = "ocha"\n'
         '\n[[fact]]\nid = "x"\ncounts = "people"\nplace = "al-hol"\nvalue = 6\nsource = "ocha"\n',
         "duplicate fact id 'x'", 20),
        ('\n[[fact]]\nid = "x"\ncounts = "people"\nvalue = 5\nsource = "ocha"\n',
         "needs a place or context words", 13),
        ('\n[[fact]]\nid = "x"\ncounts = "people"\nplace = "al-hol"\nvalue = "lots"\nsource = "ocha"\n',
         "expected a number", 17),
        ('\n[[fact]\nid = "x"\n', "not valid TOML", 13),
    ],
)
def test_reference_errors_name_file_and_line(tmp_path, body, message, line):
    folder = write(tmp_path, body)
    with pytest.raises(ReferenceSetError) as info:
        load_reference(folder)
    text = str(info.value)
    assert message in text
    assert f"facts.toml:{line}:" in text


def test_reference_error_points_at_the_offending_key(tmp_path):
    folder = write(tmp_path, '\n[[fact]]\nid = "x"\ncounts = "people"\nplace = "al-hol"\nvalue = 5\n'
                             'as_of = "January"\nsource = "ocha"\n')
    with pytest.raises(ReferenceSetError, match=r"facts\.toml:18: fact x: as_of: expected a period"):
        load_reference(folder)


def test_reference_missing_folder(tmp_path):
    with pytest.raises(ReferenceSetError, match="no such folder"):
        load_reference(tmp_path / "nope")


def test_reference_csv_import_round_trips(tmp_path):
    csv_file = tmp_path / "figures.csv"
    csv_file.write_text(
        "id,counts,place,value,qualifier,as_of,source_publisher,source_date\n"
        "al-hol.people,people,al-hol,\"24,000\",approx,2026-01,UN OCHA,2026-01-15\n",
        encoding="utf-8")
    facts = read_csv(csv_file)
    assert facts[0].value == 24000 and facts[0].qualifier == "approx"
    folder = write(tmp_path, "")
    (folder / "imported.toml").write_text(to_toml(facts), encoding="utf-8")
    reference = load_reference(folder)
    assert reference.facts["al-hol.people"].interval == (21600, 26400)


def test_reference_csv_bad_rows_are_reported_by_line(tmp_path):
    csv_file = tmp_path / "figures.csv"
    csv_file.write_text(
        "id,counts,place,value,source_publisher\n"
        "a,people,al-hol,12,UN\n"
        "b,people,al-hol,many,UN\n"
        "c,people,al-hol,,UN\n", encoding="utf-8")
    with pytest.raises(ReferenceSetError) as info:
        read_csv(csv_file)
    assert "figures.csv:3: value: expected a number, got 'many'" in str(info.value)
    assert "figures.csv:4:" in str(info.value)


def test_reference_csv_missing_column(tmp_path):
    csv_file = tmp_path / "figures.csv"
    csv_file.write_text("id,value\na,3\n", encoding="utf-8")
    with pytest.raises(ReferenceSetError, match=r"figures\.csv:1: missing column 'counts'"):
        read_csv(csv_file)


@pytest.mark.parametrize(
    "variant",
    ["Hasakah", "Hassakeh", "al-Hasakah", "Al-Hasakah Governorate", "Hassakeh province", "Al Ḩasakah"],
)
def test_reference_place_variants_link_to_hasakah(variant):
    reference = load_reference(ROOT / "claims")
    assert reference.gazetteer().lookup(variant).id == "hasakah"


@pytest.mark.parametrize(
    "variant, place",
    [("al-Hol", "al-hol"), ("al-Hawl", "al-hol"), ("al-Hawl camp", "al-hol"), ("Gweiran", "gweiran"),
     ("Ghwayran", "gweiran"), ("Panorama prison", "gweiran"), ("Gweiran (Panorama) Prison", "gweiran"),
     ("Shaddadeh", "shaddadeh"), ("al-Shaddadi", "shaddadeh")],
)
def test_reference_place_variants_link(variant, place):
    reference = load_reference(ROOT / "claims")
    assert reference.gazetteer().lookup(variant).id == place


@pytest.mark.parametrize("name", ["Hama", "Homs", "Raqqa", "Haditha", "Hassan", "Hollywood", "Iran", "Syracuse"])
def test_reference_unrelated_places_do_not_link(name):
    reference = load_reference(ROOT / "claims")
    assert reference.gazetteer().lookup(name) is None


def test_reference_fold_removes_case_accents_articles_and_types():
    assert fold("Al-Ḩasakah Governorate") == "hasakah"
    assert fold("the al-Hol camp") == "hol"


def test_reference_json_schema_is_current_and_validates_the_shipped_files():
    import json
    import tomllib

    import jsonschema

    from factcheck.reference import json_schema

    schema = json_schema()
    assert json.loads((ROOT / "claims" / "schema.json").read_text(encoding="utf-8")) == schema
    for path in sorted((ROOT / "claims").glob("*.toml")):
        data = json.loads(json.dumps(tomllib.loads(path.read_text(encoding="utf-8")), default=str))
        jsonschema.validate(data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"fact": [{"id": "x", "colour": "red", "source": "s"}]}, schema)


@pytest.mark.parametrize("name", ["North East", "Hassakeh city", "Greater Manchester", "South Syria Street"])
def test_reference_near_names_of_other_places_do_not_link(name):
    reference = load_reference(ROOT / "claims")
    place = reference.gazetteer().lookup(name)
    assert place is None, f"{name!r} linked to {place.name!r}"


def test_reference_csv_import_reads_the_frame_keys(tmp_path):
    from factcheck.refs_csv import read_csv_rows

    path = tmp_path / "facts.csv"
    path.write_text("id,counts,value,source_publisher,subject,role,places,includes_parts\n"
                    "dwp.cuts,job cuts,560,DWP,DWP,change,,false\n"
                    "trade.jp-cn,trade,300,Customs,,,japan;china,\n"
                    "bad.flag,jobs,1,DWP,,,,maybe\n", encoding="utf-8")
    rows, errors = read_csv_rows(path)
    assert [f.id for _, f in rows] == ["dwp.cuts", "trade.jp-cn"]
    assert rows[0][1].subject == "DWP" and rows[0][1].role == "change" and rows[1][1].places == ("japan", "china")
    assert errors == [(4, "includes_parts: expected true or false, got 'maybe'")]
