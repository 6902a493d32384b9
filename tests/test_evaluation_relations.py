"""The relation evaluation: planted copies keep the figure's form and break the relation; a catch
counts only when a new finding names the changed figure; clean copies give no planted failures."""

from __future__ import annotations

import datetime as dt
import json
import re

from factcheck.evaluation.planting import plant_relations
from factcheck.evaluation.rewriting import figure_bounds, say
from factcheck.evaluation.relations import evaluate_relations, render_relations, triage
from factcheck.extract import FAST_MODEL
from factcheck.extract.figures import find_figures
from factcheck.models import CountClaim, Finding, Report, SourceInfo, Summary


def ref(text: str, figure: str, occurrence: int = 0) -> dict:
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(figure, at + 1)
    return {"text": figure, "start": at}


def bounds_at(plant, start: int, text: str) -> tuple[float, float]:
    """The interval of the figure that started at `start` before `plant`, read in the planted
    copy of `text`."""
    if start > plant.start:
        start += len(plant.new) - len(plant.old)
    figure = next(f for f in find_figures(plant.apply(text)) if f.start <= start < f.end)
    return figure_bounds(figure)


def plants_of(text: str, relation: dict):
    plants, skipped = plant_relations(text, [relation])
    assert not skipped
    return plants


def test_evaluation_planting_keeps_money_form_and_breaks_the_breakdown():
    text = "The council will spend £2.5m on repairs, with £1.2m for housing and £0.9m for roads."
    relation = {"type": "breakdown", "total": ref(text, "£2.5m"), "parts": [ref(text, "£1.2m"), ref(text, "£0.9m")],
                "exhaustive": False, "explicit": True}
    plants = plants_of(text, relation)
    assert [p.role for p in plants] == ["total", "part"]
    for plant in plants:
        assert re.fullmatch(r"£\d\.\dm", plant.new) and plant.new != plant.old
        total = bounds_at(plant, relation["total"]["start"], text)
        parts = [bounds_at(plant, p["start"], text) for p in relation["parts"]]
        assert sum(low for low, _ in parts) > total[1]  # the parts now exceed the total


def test_evaluation_planting_keeps_grouping_and_qualifier_of_a_restatement():
    text = "Around 24,000 people live in the camp. The camp holds about 24,000 residents."
    relation = {"type": "restatement", "figures": [ref(text, "Around 24,000"), ref(text, "about 24,000")]}
    plants = plants_of(text, relation)
    assert [p.role for p in plants] == ["later", "first"]
    for plant in plants:
        assert re.fullmatch(r"(Around|about) \d{2},\d{3}", plant.new)
        assert plant.new.split()[0] == plant.old.split()[0]
        first, later = (bounds_at(plant, f["start"], text) for f in relation["figures"])
        assert first[1] < later[0] or later[1] < first[0]  # the two can no longer both be true


def test_evaluation_planting_keeps_number_words_in_an_exhaustive_breakdown():
    text = "Six people died in the flood. The six dead were four men and two women."
    relation = {"type": "breakdown", "total": ref(text, "six"), "parts": [ref(text, "four"), ref(text, "two")],
                "exhaustive": True, "explicit": True}
    for plant in plants_of(text, relation):
        assert re.fullmatch(r"[a-z]+(-[a-z]+)?", plant.new) and plant.new != plant.old
        total = bounds_at(plant, relation["total"]["start"], text)
        parts = [bounds_at(plant, p["start"], text) for p in relation["parts"]]
        low, high = sum(p[0] for p in parts), sum(p[1] for p in parts)
        assert high < total[0] or total[1] < low  # a shortfall or an excess, not a match


def test_evaluation_planting_breaks_a_share_and_a_percent_change():
    text = "Of the 240 patients, 60 died, a fatality rate of 25%."
    share = {"type": "share", "share": ref(text, "25%"), "part": ref(text, "60"), "whole": ref(text, "240")}
    for plant in plants_of(text, share):
        assert re.fullmatch(r"\d+%?", plant.new)
        rate = bounds_at(plant, share["share"]["start"], text)
        part, whole = bounds_at(plant, share["part"]["start"], text), bounds_at(plant, share["whole"]["start"], text)
        assert rate[1] < 100 * part[0] / whole[1] or rate[0] > 100 * part[1] / whole[0]

    text = "Profits rose 20% to $1.2bn from $1.0bn."
    change = {"type": "change", "change": ref(text, "20%"), "from": ref(text, "$1.0bn"), "to": ref(text, "$1.2bn"),
              "change_kind": "percent"}
    for plant in plants_of(text, change):
        assert re.fullmatch(r"\d\d%|\$\d\.\dbn", plant.new)
        rise = bounds_at(plant, change["change"]["start"], text)
        start, end = bounds_at(plant, change["from"]["start"], text), bounds_at(plant, change["to"]["start"], text)
        assert rise[1] < 100 * (end[0] / start[1] - 1) or rise[0] > 100 * (end[1] / start[0] - 1)


def test_evaluation_planting_moves_a_weekday_and_a_date_by_three_days():
    text = "The market reopened on Friday, March 10, 2006."
    relation = {"type": "dates", "figures": [ref(text, "Friday"), ref(text, "March 10, 2006")]}
    weekday, date = plants_of(text, relation)
    assert (weekday.new, date.new) == ("Monday", "March 13, 2006")
    assert dt.date(2006, 3, 10).strftime("%A") == "Friday" != weekday.new
    assert dt.date(2006, 3, 13).strftime("%A") != "Friday"


def test_evaluation_planting_restated_date_moves_the_shared_field():
    text = "The spill happened on June 2, 2000. Since June 2000 the river has been closed."
    relation = {"type": "dates", "figures": [ref(text, "June 2, 2000"), ref(text, "June 2000")]}
    assert [p.new for p in plants_of(text, relation)] == ["September 2000", "September 2, 2000"]


def test_evaluation_planting_skips_what_cannot_contradict():
    text = "More than 300 people came. Over 300 guests attended, from 1971 to 2006."
    relations = [{"type": "restatement", "figures": [ref(text, "More than 300"), ref(text, "Over 300")]},
                 {"type": "dates", "figures": [ref(text, "1971"), ref(text, "2006")]}]
    plants, skipped = plant_relations(text, relations)
    assert plants == []
    assert [kind for kind, _ in skipped] == ["restatement", "dates"]


def test_evaluation_planting_reads_a_total_after_exceed_as_a_floor():
    text = ("The almond crop value is $US 1.5 billion. Total U.S. crops that are wholly dependent on the "
            "honey-bee are known to exceed $US 15 billion.")
    relation = {"type": "breakdown", "total": ref(text, "$US 15 billion"), "parts": [ref(text, "$US 1.5 billion")],
                "exhaustive": False, "explicit": False}
    plants, skipped = plant_relations(text, [relation])
    assert plants == [] and [kind for kind, _ in skipped] == ["breakdown"]  # no part can pass "more than $15bn"


def test_evaluation_number_words_read_back():
    assert say(55, hyphen=False) == "fifty five"
    assert say(109, with_and=True) == "one hundred and nine"
    assert say(13_000_000) == "thirteen million"


def _claim(cid: str, text: str, start: int) -> CountClaim:
    return CountClaim(id=cid, text=text, start=start, end=start + len(text), line=1, column=start + 1,
                      value=int(text.replace(",", "")), low=None, high=None, qualifier="exact")


def _report(claims, findings) -> Report:
    return Report(source=SourceInfo(path=None, published=None), claims=claims, places=[], findings=findings,
                  summary=Summary(claims=len(claims), checked=0, supported=0, contradicted=0, findings=len(findings)))


def _finding(rule: str, severity: str, *claims) -> Finding:
    return Finding(rule=rule, severity=severity, message="m", claims=[c.id for c in claims], start=claims[0].start,
                   end=claims[-1].end, line=1, column=1)


def _breakdown_case():
    """ "Of 90 cases, 50 were in A and 40 in B." with the 50 changed, and its claims."""
    text = "Of 90 cases, 50 were in A and 40 in B."
    plant = plants_of(text, {"type": "breakdown", "total": ref(text, "90"),
                             "parts": [ref(text, "50"), ref(text, "40")], "exhaustive": True, "explicit": True})[1]
    assert plant.old == "50" and len(plant.new) == 2
    total, old, last = _claim("c1", "90", 3), _claim("c2", "50", 13), _claim("c3", "40", 30)
    return plant, total, old, _claim("c2", plant.new, plant.start), last


def test_evaluation_scoring_counts_only_findings_naming_the_changed_figure():
    plant, total, old, new, last = _breakdown_case()
    clean = _report([total, old, last], [])
    elsewhere = _report([total, new, last], [_finding("part-exceeds-total", "error", total, last)])
    caught, other, before = triage(plant, clean, elsewhere)
    assert (caught, len(other), before) == ([], 1, False)

    named = _report([total, new, last], [_finding("sum-mismatch", "warning", total, new, last)])
    caught, other, _ = triage(plant, clean, named)
    assert [f.rule for f in caught] == ["sum-mismatch"] and other == []


def test_evaluation_scoring_ignores_a_finding_the_clean_copy_already_had():
    plant, total, old, new, last = _breakdown_case()
    clean = _report([total, old, last], [_finding("sum-mismatch", "error", total, old, last)])
    planted = _report([total, new, last], [_finding("sum-mismatch", "error", total, new, last)])
    assert triage(plant, clean, planted) == ([], [], True)


def test_evaluation_scoring_a_clean_copy_has_no_planted_failure():
    plant, total, old, _, last = _breakdown_case()
    clean = _report([total, old, last], [_finding("restated-differently", "warning", total, last)])
    assert triage(plant, clean, clean)[:2] == ([], [])


def _corpus(tmp_path, folder: str, name: str, text: str, relations: list[dict]) -> None:
    (tmp_path / folder).mkdir(exist_ok=True)
    (tmp_path / folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / folder / f"{name}.relations.json").write_text(json.dumps(
        {"schema": "factcheck.relations/1", "story": f"{name}.txt", "relations": relations}), encoding="utf-8")


def test_evaluation_relations_end_to_end_per_folder(tmp_path):
    text = "Officials said 243 victims were identified: 121 men, 81 women and 41 children.\n"
    _corpus(tmp_path, "dev", "victims", text, [
        {"type": "breakdown", "total": ref(text, "243"), "parts": [ref(text, "121"), ref(text, "81"), ref(text, "41")],
         "exhaustive": True, "explicit": True}])
    _corpus(tmp_path, "heldout", "quiet", "The town held its fair on Saturday.\n", [])
    score = evaluate_relations(tmp_path, model=FAST_MODEL, show_errors=True)
    dev, heldout = score.splits["dev"], score.splits["heldout"]
    assert (dev.stories, dev.clean_errors, dev.clean_warnings) == (1, 0, 0)
    assert dev.planted["breakdown"] == 2 and dev.planted["breakdown:total"] == dev.planted["breakdown:part"] == 1
    assert dev.caught["breakdown:part"] == dev.caught_error["breakdown:part"] == 1  # 121 -> 152: parts past the total
    assert (heldout.stories, sum(heldout.planted.values()), heldout.clean_errors) == (1, 0, 0)
    shown = render_relations(score)
    assert "dev: 1 stories, 1 relations" in shown and "breakdown" in shown
    assert score.as_dict()["splits"]["dev"]["by_type"]["breakdown"]["planted"] == 2
