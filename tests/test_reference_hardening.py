"""The reference set under bad and hostile input: every problem reported at once as file:line,
nothing that loads can break a check later, and the compiled store is shared, never stale.

For a long run of the property-based tests: HYPOTHESIS_PROFILE=thorough python -m pytest tests/test_reference_hardening.py
"""

import json
import multiprocessing
import os
import pickle
import re
import textwrap
import threading
import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.dating import period_bounds
from factcheck.errors import ReferenceSetError
from factcheck.reference import load_reference, reference_digest
from factcheck.reference.locate import key_lines

# a bounded number in CI; thousands for a long local run: HYPOTHESIS_PROFILE=thorough
EXAMPLES = 3000 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 150

HEAD = """\
[[place]]
id = "al-hol"
name = "al-Hol camp"
kind = "camp"
aliases = ["al-Hawl"]

[[source]]
id = "ocha"
publisher = "UN OCHA"
date = 2026-01-15

"""  # 11 lines: a fact written after it starts on line 12


def fact(**fields) -> str:
    body = {"id": '"x"', "counts": '"people"', "place": '"al-hol"', "value": "5", "source": '"ocha"'}
    body.update(fields)
    return "[[fact]]\n" + "".join(f"{k} = {v}\n" for k, v in body.items() if v is not None)


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def folder_with(tmp_path, **files):
    folder = tmp_path / "claims"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.toml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def problems(folder) -> list[str]:
    with pytest.raises(ReferenceSetError) as info:
        load_reference(folder)
    return str(info.value).splitlines()


def only_problem(folder) -> str:
    found = problems(folder)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- values that break checks later


def test_reference_range_without_value_end_is_refused(tmp_path):
    folder = folder_with(tmp_path, facts=HEAD + fact(qualifier='"range"'))
    assert re.search(r"facts\.toml:12: fact x: value_end: a range .* needs value_end", only_problem(folder))


def test_reference_value_end_without_a_range_is_refused(tmp_path):
    folder = folder_with(tmp_path, facts=HEAD + fact(value_end="9"))
    assert re.search(r"facts\.toml:18: fact x: value_end: only a range has an end", only_problem(folder))


@pytest.mark.parametrize("key", ["value", "value_end", "low", "high", "rounding"])
@pytest.mark.parametrize("bad, shown", [("nan", "nan"), ("inf", "inf"), ("-inf", "-inf"), ("true", "true"),
                                        ("false", "false"), ('"100"', "'100'")])
def test_reference_numbers_must_be_finite_numbers(tmp_path, key, bad, shown):
    extra = {"qualifier": '"range"', "value_end": "9"} if key == "value_end" else {}
    if key in ("low", "high"):
        extra.update(low="1", high="9", value=None)
    extra[key] = bad
    text = HEAD + fact(**extra)
    message = only_problem(folder_with(tmp_path, facts=text))
    line = text.splitlines().index(f"{key} = {bad}") + 1
    assert f"facts.toml:{line}: fact x: {key}: expected a" in message
    assert shown in message


def test_reference_a_number_too_large_to_compute_with_is_refused(tmp_path):
    folder = folder_with(tmp_path, facts=HEAD + fact(value="1" + "0" * 400))
    assert "facts.toml:16: fact x: value: expected a finite number" in only_problem(folder)


@pytest.mark.parametrize("rounding", ["0", "-100", "0.0"])
def test_reference_rounding_must_be_above_zero(tmp_path, rounding):
    folder = folder_with(tmp_path, facts=HEAD + fact(rounding=rounding))
    assert "facts.toml:18: fact x: rounding: expected a number above 0" in only_problem(folder)


@pytest.mark.parametrize(
    "as_of, reason",
    [('"2026-02-31"', "February 2026 has 28 days"), ('"2026-W99"', "2026 has no week 99"),
     ('"2025-W53"', "2025 has no week 53"), ('"0000"', "no year 0000"), ('"0000-01"', "no year 0000"),
     ('"2026-13"', "no month 13"), ('"2026-Q5"', "no quarter Q5"), ('"January"', "expected a period like"),
     ("2021", "expected a period in quotes")],
)
def test_reference_impossible_periods_are_refused(tmp_path, as_of, reason):
    folder = folder_with(tmp_path, facts=HEAD + fact(as_of=as_of))
    message = only_problem(folder)
    assert "facts.toml:18: fact x: as_of:" in message and reason in message


def test_reference_possible_periods_load(tmp_path):
    body = "".join(fact(id=f'"x{n}"', as_of=f'"{period}"') for n, period in
                   enumerate(["2024-02-29", "2026-W53", "2020-W53", "2026-Q4", "0001", "2026-12"]))
    reference = load_reference(folder_with(tmp_path, facts=HEAD + body))
    assert all(period_bounds(f.as_of) for f in reference.facts.values())


@pytest.mark.parametrize("written, where", [("as_of = 2026-02-31", 18), ("as_of = 0000-01-01", 18)])
def test_reference_impossible_toml_dates_name_their_line(tmp_path, written, where):
    folder = folder_with(tmp_path, facts=HEAD + fact() + written + "\n")
    message = only_problem(folder)
    assert f"facts.toml:{where}: {written.split(' = ')[1]} is not a real date" in message


def test_reference_impossible_dates_of_sources_and_date_facts_are_refused(tmp_path):
    body = HEAD + '[[source]]\nid = "bad"\npublisher = "P"\ndate = "2026-02-31"\n\n' + \
        '[[fact]]\nid = "d"\nkind = "date"\nevent = "defeat"\nplace = "al-hol"\nvalue = "2017-02-30"\nsource = "ocha"\n'
    found = problems(folder_with(tmp_path, facts=body))
    assert any(p.startswith(str(tmp_path / "claims" / "facts.toml") + ":15: source bad: date: 2026-02-31 is not a date")
               for p in found), found
    assert any(":22: fact d: value: 2017-02-30 is not a date" in p for p in found), found


@pytest.mark.parametrize(
    "places, loop",
    [({"a": "b", "b": "a"}, "a -> b -> a"), ({"a": "b", "b": "c", "c": "a"}, "a -> b -> c -> a"),
     ({"z": "a", "a": "b", "b": "a"}, "a -> b -> a")],
)
def test_reference_within_loops_are_refused(tmp_path, places, loop):
    body = "".join(f'[[place]]\nid = "{p}"\nname = "{p.upper()}"\nwithin = "{w}"\n\n' for p, w in places.items())
    message = only_problem(folder_with(tmp_path, places=body))
    assert f"place a: within makes a loop ({loop})" in message
    first = list(places).index("a")
    assert f"places.toml:{1 + 5 * first}:" in message


def test_reference_place_within_itself_is_refused(tmp_path):
    folder = folder_with(tmp_path, places='[[place]]\nid = "a"\nname = "A"\nwithin = "a"\n')
    assert "places.toml:4: place a: within: a place cannot be within itself" in only_problem(folder)


def test_reference_within_loop_across_files_is_refused(tmp_path):
    folder = folder_with(tmp_path, one='[[place]]\nid = "a"\nname = "A"\nwithin = "b"\n',
                         two='[[place]]\nid = "b"\nname = "B"\nwithin = "a"\n')
    assert "one.toml:1: place a: within makes a loop (a -> b -> a)" in only_problem(folder)


# ---------------------------------------------------------------- lines inside arrays and tables


def test_reference_error_in_a_multiline_array_points_at_its_element(tmp_path):
    body = HEAD + fact(synonyms='[\n  "residents",\n  "inmates",\n  7,\n]')
    assert "facts.toml:21: fact x: synonyms[2]: expected text in quotes, got 7" in only_problem(folder_with(tmp_path, facts=body))


def test_reference_error_in_an_inline_table_points_at_its_line(tmp_path):
    body = HEAD + fact(source=None, note='"n"') + 'source = { publisher = "P", date = "2026-02-31" }\n'
    assert "facts.toml:18: fact x: source.date: 2026-02-31 is not a date" in only_problem(folder_with(tmp_path, facts=body))


def test_reference_error_in_a_sub_table_points_at_its_key(tmp_path):
    body = HEAD + fact(source=None) + '\n[fact.source]\npublisher = "P"\ndate = "2026-02-30"\n'
    assert "facts.toml:20: fact x: source.date: 2026-02-30 is not a date" in only_problem(folder_with(tmp_path, facts=body))


def test_reference_error_in_an_inline_array_of_facts_points_at_the_fact(tmp_path):
    body = 'fact = [\n  { id = "a", counts = "people", place = "al-hol", value = 1, source = "ocha" },\n' \
           '  { id = "b", counts = "people", place = "al-hol", value = nan, source = "ocha" },\n]\n' + HEAD
    assert "facts.toml:3: fact b: value: expected a finite number, got nan" in only_problem(folder_with(tmp_path, facts=body))


def test_reference_header_inside_a_multiline_string_does_not_shift_lines(tmp_path):
    body = HEAD + fact(note='"""\n[[fact]]\n"""') + "\n" + fact(id='"y"', rounding="-1")
    assert "facts.toml:28: fact y: rounding: expected a number above 0" in only_problem(folder_with(tmp_path, facts=body))


# ---------------------------------------------------------------- every problem in one run


def test_reference_every_problem_in_every_file_is_reported_at_once(tmp_path):
    folder = folder_with(
        tmp_path,
        a=HEAD + fact(value="nan") + "\n" + fact(id='"y"', as_of='"2026-02-31"', colour='"red"') + "\n"
        + fact(id='"w"'),
        b=fact(id='"z"', place='"al-hool"', source='"ocah"') + "\n" + fact(id='"w"'),
        c="[[fact]\n",
    )
    found = problems(folder)
    assert found[-1] == "7 problems in the reference set; nothing was loaded"
    expected = [
        ("a.toml:16:", "fact x: value: expected a finite number, got nan"),
        ("a.toml:25:", "fact y: as_of: 2026-02-31 is not a date"),
        ("a.toml:26:", "fact y: unknown key 'colour'"),
        ("b.toml:1:", "fact z: unknown place 'al-hool'; did you mean 'al-hol'?"),
        ("b.toml:1:", "fact z: unknown source 'ocah'; did you mean 'ocha'?"),
        ("b.toml:8:", "duplicate fact id 'w' (first defined at"),
        ("c.toml:1:", "not valid TOML"),
    ]
    for (where, what), line in zip(expected, found):
        assert where in line and what in line, (where, what, line)


@pytest.mark.parametrize(
    "text, message",
    [("fact = 5", "expected [[fact]] tables"), ('[fact]\nid = "x"', "a single [fact] table"),
     ("fact = [1, 2]", "fact: expected a table, got 1"), ('[[facts]]\nid = "x"', "did you mean 'fact'?"),
     ('title = "x"', "unexpected key 'title'"), ("[[source]]\npublisher = 'P'", "a [[source]] needs an id")],
)
def test_reference_misshapen_files_are_problems_not_crashes(tmp_path, text, message):
    found = problems(folder_with(tmp_path, odd=text + "\n"))
    assert any(message in p and re.match(r".*odd\.toml:\d+: ", p) for p in found), found


def test_reference_unreadable_files_are_problems_not_hangs(tmp_path):
    folder = folder_with(tmp_path, facts=HEAD + fact())
    os.mkfifo(folder / "pipe.toml")
    (folder / "gone.toml").symlink_to(tmp_path / "nowhere.toml")
    (folder / "latin1.toml").write_bytes(b'[[place]]\nid = "x"\nname = "Caf\xe9"\n')
    (folder / "dir.toml").mkdir()
    found = problems(folder)
    assert any("pipe.toml:1: not a regular file" in p for p in found), found
    assert any("gone.toml:1: cannot be read: a link to nothing" in p for p in found), found
    assert any("latin1.toml:3: not UTF-8 text (byte 0xe9)" in p for p in found), found
    assert not any("dir.toml" in p for p in found), found


def test_reference_utf16_and_bom_files_are_read(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "a.toml").write_bytes((HEAD + fact()).encode("utf-16"))
    (folder / "b.toml").write_bytes(b"\xef\xbb\xbf" + fact(id='"y"').encode())
    assert set(load_reference(folder).facts) == {"x", "y"}


def test_reference_problem_in_an_invalid_item_is_not_reported_again_as_a_link(tmp_path):
    body = '[[place]]\nid = "a"\nname = "A"\nkind = "town-ish"\n\n[[place]]\nid = "b"\nname = "B"\nwithin = "a"\n'
    message = only_problem(folder_with(tmp_path, places=body))
    assert "places.toml:4: place a: kind: expected one of" in message


def test_cli_refs_validate_prints_every_problem_as_file_line(tmp_path, capsys):
    folder = folder_with(tmp_path, a=HEAD + fact(value="true") + "\n" + fact(id='"y"', rounding="0"))
    with pytest.raises(SystemExit) as info:
        main(["refs", "validate", str(folder)])
    assert info.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{folder / 'a.toml'}:16: fact x: value: expected a number, got true"
    assert err[1].startswith(f"{folder / 'a.toml'}:25: fact y: rounding: expected a number above 0")


# ---------------------------------------------------------------- CSV import


def test_cli_refs_import_reports_every_bad_row(tmp_path, capsys):
    folder = folder_with(tmp_path, facts=HEAD + fact())
    csv_file = tmp_path / "figures.csv"
    csv_file.write_text(
        "id,counts,place,value,context,source_publisher\n"
        "a,people,al-hol,12,,UN\n"
        "b,people,al-hool,nan,,UN\n"
        "c,people,al-hool,5,,UN\n"
        "x,people,al-hol,5,,UN\n"
        "a,people,al-hol,5,,UN\n"
        "d,people,,5,,UN\n"
        "e,people,,5,live,UN\n", encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["refs", "import", str(csv_file), "--refs", str(folder)])
    assert info.value.code == 2
    err = capsys.readouterr().err
    for expected in ["figures.csv:3: value: expected a finite number, got nan",
                     "figures.csv:4: fact c: unknown place 'al-hool'; did you mean 'al-hol'?",
                     "figures.csv:5: fact x: id already in", "figures.csv:6: fact a: id already used on line 2",
                     "figures.csv:7: fact d: needs a place or context words"]:
        assert expected in err, err
    assert "figures.csv:8" not in err and "figures.csv:2" not in err


def test_reference_csv_lists_and_ranges_round_trip(tmp_path):
    from factcheck.refs_csv import read_csv, to_toml

    csv_file = tmp_path / "figures.csv"
    csv_file.write_text("id,counts,place,value,value_end,qualifier,synonyms,source_publisher\n"
                        "a,people,al-hol,10,20,range,residents;inmates,UN\n", encoding="utf-8")
    folder = folder_with(tmp_path, facts=HEAD)
    (folder / "imported.toml").write_text(to_toml(read_csv(csv_file)), encoding="utf-8")
    loaded = load_reference(folder).facts["a"]
    assert loaded.synonyms == ("residents", "inmates") and loaded.interval == (10, 20)


# ---------------------------------------------------------------- the compiled store


def cached_stores(tmp_path):
    return sorted((tmp_path / "cache" / "factcheck").glob("reference-*.sqlite"))


def test_reference_store_is_cached_and_follows_edits(tmp_path):
    folder = folder_with(tmp_path, facts=HEAD + fact())
    assert load_reference(folder).facts["x"].value == 5
    first = cached_stores(tmp_path)
    assert len(first) == 1
    assert load_reference(folder).facts["x"].value == 5
    (folder / "facts.toml").write_text(HEAD + fact(value="6"), encoding="utf-8")
    assert load_reference(folder).facts["x"].value == 6
    assert len(cached_stores(tmp_path)) == 1 and cached_stores(tmp_path) != first  # the old one is gone


def test_reference_damaged_store_is_a_miss(tmp_path):
    folder = folder_with(tmp_path, facts=HEAD + fact())
    load_reference(folder)
    [store] = cached_stores(tmp_path)
    store.write_bytes(b"not a database at all" * 100)
    assert load_reference(folder).facts["x"].value == 5
    [store] = cached_stores(tmp_path)
    store.write_bytes(store.read_bytes()[:2048])  # cut short
    assert load_reference(folder).facts["x"].value == 5


def test_reference_unwritable_cache_still_loads(tmp_path, monkeypatch):
    folder = folder_with(tmp_path, facts=HEAD + fact())
    (tmp_path / "not-a-folder").write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not-a-folder"))
    reference = load_reference(folder)
    assert reference.facts["x"].value == 5 and reference._store.path is None  # built in memory


def lookups(reference) -> list:
    return [[f.id for f in reference.candidates("count", "people", "al-hol")],
            [f.id for f in reference.by_context("count", "people live there")],
            reference.gazetteer().lookup("al-Hawl").id, sorted(reference.scope["x"]),
            reference.origin["fact:x"], reference.source_of(reference.facts["x"]).publisher]


@pytest.mark.parametrize("cache", [True, False])
def test_reference_set_survives_pickling(tmp_path, cache):
    reference = load_reference(folder_with(tmp_path, facts=HEAD + fact()), cache=cache)
    assert lookups(pickle.loads(pickle.dumps(reference))) == lookups(reference)


def _child_lookups(reference, queue):
    queue.put(lookups(reference))


@pytest.mark.parametrize("cache", [True, False])
def test_reference_set_is_usable_in_a_forked_worker(tmp_path, cache):
    reference = load_reference(folder_with(tmp_path, facts=HEAD + fact()), cache=cache)
    expected = lookups(reference)
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_child_lookups, args=(reference, queue))
    child.start()
    got = queue.get(timeout=60)
    child.join(60)
    assert got == expected


def test_reference_set_is_shared_by_threads(tmp_path):
    body = HEAD + "".join(fact(id=f'"f{n}"', value=str(n), as_of=f'"{2000 + n}"') for n in range(50))
    reference = load_reference(folder_with(tmp_path, facts=body))
    expected = [f.id for f in reference.candidates("count", "people", "al-hol")]
    results, errors = [], []

    def work():
        try:
            for _ in range(50):
                results.append([f.id for f in reference.candidates("count", "people", "al-hol")])
        except Exception as exc:  # noqa: BLE001 - the test reports any failure of a thread
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(results) == 400 and all(r == expected for r in results)


def test_reference_lookups_use_indexes_not_scans(tmp_path):
    """Flat in the size of the set: each lookup is an index search (SQLite's query plan)."""
    reference = load_reference(folder_with(tmp_path, facts=HEAD + fact()))
    store = reference._store
    plans = {
        "candidates": "SELECT f.id FROM thing t JOIN facts f ON f.n = t.fact WHERE t.kind = 'count' "
                      "AND t.head = 'people' AND t.place = 'al-hol' ORDER BY t.fact",
        "by_context": "SELECT f.id FROM context c JOIN facts f ON f.n = c.fact WHERE c.kind = 'count' "
                      "AND c.word IN ('liv', 'live') ORDER BY c.fact",
        "place key": "SELECT place FROM place_keys WHERE key = 'hol'",
        "fuzzy": "SELECT key, place FROM place_keys WHERE single = 1 AND initial = 'h' AND length BETWEEN 4 AND 6 "
                 "ORDER BY n",
        "fact": "SELECT json FROM facts WHERE id = 'x'",
    }
    for name, sql in plans.items():
        plan = " | ".join(row[-1] for row in store.all("EXPLAIN QUERY PLAN " + sql))
        assert "SCAN" not in plan.replace("SCAN CONSTANT ROW", ""), (name, plan)


def test_reference_digest_is_of_the_bytes_loaded(tmp_path):
    folder = folder_with(tmp_path, facts=HEAD + fact())
    before = reference_digest(folder)
    (folder / "facts.toml").write_text(HEAD + fact(value="7"), encoding="utf-8")
    assert reference_digest(folder) != before


# ---------------------------------------------------------------- property-based


_KEYS = ["id", "name", "kind", "aliases", "within", "publisher", "title", "url", "date", "counts", "synonyms",
         "event", "place", "value", "value_end", "low", "high", "qualifier", "rounding", "unit", "as_of",
         "context", "parts", "source", "note", "colour", "a b", "ünï"]
_WORDS = ["2026-02-31", "2026-W99", "0000", "2026-01", "2026", "2026-Q5", "2024-02-29", "al-hol", "ocha", "x",
          "y", "approx", "range", "camp", "count", "date", "people", "defeat", "a", ""]


def _toml_scalar(value) -> str:
    """A value as TOML writes it (strings through JSON, whose escapes TOML shares)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "nan" if value != value else ("inf" if value == float("inf") else
                                             "-inf" if value == float("-inf") else repr(value))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


_scalars = st.one_of(
    st.integers(-10**30, 10**30), st.floats(), st.booleans(), st.sampled_from(_WORDS),
    st.text(max_size=8), st.dates(), st.datetimes(), st.sampled_from(["2026-02-31", "0000-01-01", "1e400"]),
)
_values = st.recursive(
    st.one_of(_scalars.map(_toml_scalar), st.sampled_from(["1e400", "-1e400", "0x10", "1_000", "2026-02-31"])),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).flatmap(lambda items: st.sampled_from([", ", ",\n  "]).map(
            lambda sep: "[" + sep.join(items) + "]")),
        st.dictionaries(st.sampled_from(_KEYS), inner, max_size=3).map(
            lambda d: "{ " + ", ".join(f"{json.dumps(k)} = {v}" for k, v in d.items()) + " }"),
    ),
    max_leaves=6,
)
_lines = st.one_of(
    st.sampled_from(["[[fact]]", "[[place]]", "[[source]]", "[fact]", "[[fact.source]]", "[x]", "[[ fact ]]",
                     "", "# comment", "[[fact]", 'note = """\n[[fact]]\n"""']),
    st.tuples(st.sampled_from(_KEYS), _values).map(lambda kv: f"{json.dumps(kv[0])} = {kv[1]}"),
    st.tuples(st.sampled_from(_KEYS), _values).map(lambda kv: f"{kv[0]} = {kv[1]}" if " " not in kv[0] else ""),
    st.text(max_size=20),
)
_numbers = st.one_of(st.integers(-10**6, 10**9).map(str), st.floats(-1e9, 1e9).map(repr))
_valid_fact = st.fixed_dictionaries(
    {"id": st.sampled_from(['"f1"', '"f2"', '"x"']), "counts": st.sampled_from(['"people"', '"detainees"']),
     "place": st.sampled_from(['"al-hol"', '"al-hol"', '"nowhere"']), "value": st.one_of(_numbers, _values),
     "source": st.sampled_from(['"ocha"', '"ocha"', '"nope"', '{ publisher = "P", date = 2026-01-02 }'])},
    optional={
        "qualifier": st.sampled_from(['"exact"', '"approx"', '"range"', '"up_to"', '"nearly"', '"more_than"']),
        "rounding": st.one_of(st.sampled_from(["1", "100", "0", "-1", "0.5", "nan", "true"]), _numbers),
        "value_end": st.one_of(_numbers, _values), "low": _numbers, "high": _numbers,
        "as_of": st.sampled_from(['"2026-01"', '"2026-02-31"', '"2026-W53"', '"2025-W53"', "2026-01-15",
                                  '"0000"', '"2026-Q2"', '"2024-02-29"']),
        "synonyms": st.sampled_from(['["residents"]', '[]', '[1]', '"residents"']),
    },
)
_documents = st.one_of(
    st.lists(_lines, max_size=25).map("\n".join),
    st.lists(_valid_fact, min_size=1, max_size=3).map(
        lambda facts: HEAD + "\n".join("[[fact]]\n" + "".join(f"{k} = {v}\n" for k, v in f.items()) for f in facts)),
)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
@given(documents=st.lists(_documents, min_size=1, max_size=3))
def test_reference_any_document_loads_or_is_a_reference_error(tmp_path_factory, documents):
    """Whatever a desk writes: the set loads (and then every fact can be checked), or the error is
    a ReferenceSetError whose every line is file:line: message with a line inside the file."""
    folder = tmp_path_factory.mktemp("claims")
    lengths = {}
    for number, text in enumerate(documents):
        (folder / f"f{number}.toml").write_text(text, encoding="utf-8", errors="surrogatepass")
        lengths[f"f{number}.toml"] = text.count("\n") + 1
    try:
        reference = load_reference(folder, cache=False)
    except ReferenceSetError as exc:
        lines = str(exc).splitlines()
        assert lines
        for line in lines:
            if re.fullmatch(r"\d+ problems in the reference set; nothing was loaded", line):
                continue
            match = re.match(rf"{re.escape(str(folder))}/(f\d\.toml):(\d+): \S", line)
            assert match, line
            assert 1 <= int(match.group(2)) <= lengths[match.group(1)], line
        return
    for item in reference.facts.values():  # what loads can be checked
        low, high = item.interval
        assert low is None or high is None or low <= high
        if item.as_of:
            assert period_bounds(item.as_of) is not None
        reference.source_of(item)
    for place in reference.places.values():
        reference.ancestors(place.id)
        reference.gazetteer().lookup(place.name)


_clean_text = st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=8)
_key_names = st.one_of(st.from_regex(r"[A-Za-z0-9_-]{1,6}", fullmatch=True), _clean_text.filter(bool))
_clean_scalars = st.one_of(st.integers(-10**18, 10**18), st.floats(), st.booleans(), _clean_text, st.dates(),
                           st.datetimes())


@st.composite
def _documents_with_lines(draw):
    """A valid TOML document written with varied layout, and the line every path should get."""
    out, expected = [], {}

    def emit(text, path=None):
        if path is not None:
            expected[path] = len(out) + 1
        out.extend(text.split("\n"))

    def key(name):
        return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else json.dumps(name, ensure_ascii=False)

    def value(path, depth=0):
        kind = draw(st.sampled_from(["scalar", "array", "table"] if depth < 2 else ["scalar"]))
        if kind == "scalar":
            return draw(_clean_scalars.map(_toml_scalar)), {}
        if kind == "array":
            items = [value(path + (n,), depth + 1) for n in range(draw(st.integers(0, 3)))]
            if depth == 0 and not any("\n" in text for text, _ in items) and draw(st.booleans()):  # one a line
                lines = ["["] + [f"  {text}," for text, _ in items] + ["]"]
                return "\n".join(lines), {path + (n,): n + 1 for n in range(len(items))} | {
                    k: n + 1 for n, (_, inner) in enumerate(items) for k in inner}
            return "[" + ", ".join(text for text, _ in items) + "]", {
                **{path + (n,): 0 for n in range(len(items))}, **{k: 0 for _, inner in items for k in inner}}
        names = draw(st.lists(_key_names, max_size=3, unique=True))
        items = [(name, value(path + (name,), depth + 1)) for name in names]
        if any("\n" in text for _, (text, _) in items):
            items = [(name, (text, inner)) for name, (text, inner) in items if "\n" not in text]
        return "{ " + ", ".join(f"{key(n)} = {text}" for n, (text, _) in items) + " }", {
            **{path + (n,): 0 for n, _ in items}, **{k: 0 for _, (_, inner) in items for k in inner}}

    tables = draw(st.lists(st.sampled_from(["fact", "place", "source"]), max_size=4))
    counts: dict = {}
    for table in tables:
        index = counts.get(table, 0)
        counts[table] = index + 1
        emit(draw(st.sampled_from(["", "# a comment", "\n"])))
        emit(draw(st.sampled_from([f"[[{table}]]", f"[[ {table} ]]", f'[["{table}"]]', f"[[{table}]]  # c"])),
             (table, index))
        for name in draw(st.lists(_key_names, max_size=4, unique=True)):
            text, inner = value((table, index, name))
            start = len(out) + 1
            emit(f"{key(name)} = {text}", (table, index, name))
            for path, offset in inner.items():
                expected[path] = start + offset
    return "\n".join(out) + "\n", expected


@settings(max_examples=EXAMPLES, deadline=None)
@given(_documents_with_lines())
def test_reference_locator_finds_the_line_of_every_key_and_element(case):
    text, expected = case
    tomllib.loads(text)  # the generator writes valid TOML
    lines = key_lines(text)
    for path, line in expected.items():
        assert lines.get(path) == line, (path, line, lines.get(path), text)


def _load_in_child(folder, queue):
    queue.put(sorted(load_reference(folder).facts))


def test_reference_workers_starting_together_share_one_store(tmp_path):
    folder = folder_with(tmp_path, facts=HEAD + "".join(fact(id=f'"f{n}"') for n in range(200)))
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    workers = [context.Process(target=_load_in_child, args=(folder, queue)) for _ in range(3)]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(60)
    assert all(r == results[0] for r in results) and len(results[0]) == 200
    assert len(cached_stores(tmp_path)) == 1
    assert not list((tmp_path / "cache" / "factcheck").glob("*.tmp"))  # no half-written store left


def test_reference_walking_a_large_set_reads_it_a_page_at_a_time(tmp_path, monkeypatch):
    from factcheck.reference import view

    monkeypatch.setattr(view, "PAGE", 7)
    body = HEAD + "".join(fact(id=f'"f{n:02d}"', value=str(n)) for n in range(30))
    reference = load_reference(folder_with(tmp_path, facts=body))
    assert [f.value for f in reference.facts.values()] == list(range(30))
    assert list(reference.facts) == [f"f{n:02d}" for n in range(30)] and len(reference.facts.values()) == 30
    assert dict(reference.facts.items())["f29"].value == 29
    assert reference.facts._memo == {}  # a walk does not fill the memo


@pytest.mark.parametrize("bounds, message", [
    ({"value": "1", "high": "0"}, "high: 0 is below the lowest figure the value allows (1)"),
    ({"value": "100", "qualifier": '"approx"', "low": "200"}, "low: 200 is above the highest figure the value allows (110)"),
])
def test_reference_bounds_that_leave_the_figure_nothing_are_refused(tmp_path, bounds, message):
    """Found by the property-based test: value 1 with high 0 loaded, an interval from 1 to 0."""
    assert message in only_problem(folder_with(tmp_path, facts=HEAD + fact(**bounds)))


_names = st.text("abhkls", min_size=3, max_size=12)


@settings(max_examples=EXAMPLES, deadline=None)
@given(names=st.lists(_names, min_size=1, max_size=40, unique=True), data=st.data())
def test_reference_fuzzy_linking_by_letter_pairs_finds_what_comparing_every_name_finds(tmp_path_factory, names, data):
    """The letter-pair filter that keeps fuzzy linking cheap drops no name that could reach the cut-off."""
    folder = tmp_path_factory.mktemp("claims")
    (folder / "places.toml").write_text("".join(
        f'[[place]]\nid = "p{n}"\nname = "{name}"\n\n' for n, name in enumerate(names)), encoding="utf-8")
    gazetteer = load_reference(folder, cache=False).gazetteer()
    name = data.draw(st.sampled_from(names))
    edits = data.draw(st.lists(st.tuples(st.sampled_from("ids"), st.integers(0, 12), st.sampled_from("abhkls")),
                               max_size=3))
    for kind, at, letter in edits:  # insert, delete or substitute a letter
        at = min(at, len(name))
        name = name[:at] + letter + name[at:] if kind == "i" else name[:at] + name[at + 1:] if kind == "d" \
            else name[:at] + letter + name[at + 1:]
    query = data.draw(st.one_of(st.just(name), _names))
    if len(query) >= 5:
        assert gazetteer.fuzzy(query) == gazetteer.fuzzy(query, every_candidate=True)


def test_reference_lookups_agree_in_memory_and_in_the_store(monkeypatch):
    """A desk-sized set is looked up in dictionaries, a large one in the store: same answers."""
    import glob

    from factcheck.reference import index
    from factcheck.reference.models import head_word

    from .conftest import CORPORA, ROOT

    small = load_reference(CORPORA / "dev" / "claims")
    assert small._index._dictionaries() is not None
    monkeypatch.setattr(index, "IN_MEMORY", 0)
    large = load_reference(CORPORA / "dev" / "claims")
    assert large._index._dictionaries() is None
    heads = {(f.kind, w) for f in small.facts.values() for w in [f.counts or f.event or f.unit or "", *f.synonyms] if w}
    assert len(heads) > 50
    for kind, word in sorted(heads):
        for place in ("*", None, *small.places):
            assert [f.id for f in small.candidates(kind, word, place)] == \
                [f.id for f in large.candidates(kind, word, place)], (kind, word, place)
        assert head_word(word)
    sentences = [s for path in sorted(glob.glob(str(CORPORA / "dev" / "*.txt")))
                 for s in re.split(r"(?<=[.!?])\s+", open(path, encoding="utf-8").read())]
    found = 0
    for kind in ("count", "money", "percent", "quantity", "date"):
        for sentence in sentences:
            ids = [f.id for f in small.by_context(kind, sentence)]
            assert ids == [f.id for f in large.by_context(kind, sentence)], (kind, sentence)
            found += bool(ids)
    assert found > 20


def test_reference_full_cache_disk_still_loads(tmp_path, monkeypatch):
    import sqlite3

    from factcheck.reference import load, store

    folder = folder_with(tmp_path, facts=HEAD + fact())
    finish = store.Builder.finish

    def full(self):
        if self.path is not None:
            raise sqlite3.OperationalError("database or disk is full")
        return finish(self)

    monkeypatch.setattr(store.Builder, "finish", full)
    assert load_reference(folder).facts["x"].value == 5
    monkeypatch.setattr(store.Builder, "finish", finish)

    def refuse(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(load.os, "replace", refuse)
    reference = load_reference(folder)
    assert reference.facts["x"].value == 5 and reference._store.path is None
    assert not list((tmp_path / "cache" / "factcheck").glob("*.tmp")) and not cached_stores(tmp_path)


def test_cli_refs_validate_notes_facts_without_a_date(tmp_path, capsys):
    folder = folder_with(tmp_path, a=HEAD + fact() + "\n" + fact(id='"dated"', as_of='"2026-01"'))
    with pytest.raises(SystemExit) as info:
        main(["refs", "validate", str(folder)])
    assert info.value.code == 0  # a note, not an error
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("2 facts, 1 places, 1 sources: valid")
    assert "note: 1 fact has no as_of" in out and ": x." in out and "dated" not in out.split("note:")[1]
