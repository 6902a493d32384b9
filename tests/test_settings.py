"""Settings: flags over the discovered config over the defaults, resolved once for every command;
the reference folder found in one place."""

import datetime as dt
from pathlib import Path

import pytest

from factcheck.config import load_config
from factcheck.errors import ConfigError
from factcheck.extract.pipeline import DEFAULT_MODEL, FAST_MODEL
from factcheck.report import RENDERERS
from factcheck.rules import RULES
from factcheck.settings import FORMATS, Flags, find_reference, no_reference_message, resolve

from .clirunner import invoke
from .conftest import ROOT

WRONG_WEEKDAY = "The first strike will take place on Wednesday, March 12, 2026.\n"


@pytest.fixture
def desk(tmp_path):
    """A desk folder with a config, a reference set and a story two folders down."""
    (tmp_path / "factcheck.toml").write_text(
        'fail-on = "warning"\nformat = "line"\ndisable = ["restated-differently"]\nmodel = "en_core_web_md"\n'
        'exclude = ["drafts/*"]\nmax_bytes = 5000\n', encoding="utf-8")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "facts.toml").write_bytes((ROOT / "claims" / "syria-detainees.toml").read_bytes())
    story = tmp_path / "stories" / "today" / "story.txt"
    story.parent.mkdir(parents=True)
    story.write_text(WRONG_WEEKDAY, encoding="utf-8")
    return story


def test_settings_defaults_with_no_config(tmp_path):
    settings = resolve(Flags(), tmp_path)
    assert (settings.model, settings.fail_on, settings.format) == (DEFAULT_MODEL, "error", "text")
    assert settings.refs is None and settings.disable == frozenset() and settings.config.source is None


def test_settings_config_discovered_upward_then_flags_win(desk):
    found = resolve(Flags(), desk)
    assert found.config.source == desk.parents[2] / "factcheck.toml"
    assert (found.fail_on, found.format, found.model, found.max_bytes) == ("warning", "line", "en_core_web_md", 5000)
    assert found.disable == {"restated-differently"} and found.exclude == ("drafts/*",)
    assert found.refs == desk.parents[2] / "claims" and not found.refs_named
    flagged = resolve(Flags(fail_on="info", format="json", model="en_core_web_lg", exclude=("old/*",)), desk)
    assert (flagged.fail_on, flagged.format, flagged.model) == ("info", "json", "en_core_web_lg")
    assert flagged.exclude == ("drafts/*", "old/*")
    assert resolve(Flags(fast=True), desk).model == FAST_MODEL


def test_settings_fail_on_accepts_hyphen_and_underscore_but_not_both(tmp_path):
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.factcheck]\nfail-on = "info"\n', encoding="utf-8")
    assert load_config(config).fail_on == "info"
    config.write_text('[tool.factcheck]\nfail_on = "warning"\n', encoding="utf-8")
    assert resolve(Flags(), tmp_path).fail_on == "warning"
    config.write_text('[tool.factcheck]\nfail_on = "warning"\nfail-on = "info"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject\.toml:3: fail-on: given twice"):
        load_config(config)
    config.write_text('[tool.factcheck]\nfail-on = "panic"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject\.toml:2: fail-on: Input should be 'error', 'warning' or 'info'"):
        load_config(config)


def test_settings_select_and_ignore_make_the_disabled_rules(desk):
    only = resolve(Flags(select=("sum-mismatch,weekday-mismatch",)), desk)
    assert only.disable == set(RULES) - {"sum-mismatch", "weekday-mismatch"}
    # --select names a rule the config disables: the command line wins
    assert "restated-differently" not in resolve(Flags(select=("restated-differently",)), desk).disable
    assert resolve(Flags(ignore=("weekday-mismatch", "contradicted")), desk).disable == {
        "restated-differently", "weekday-mismatch", "contradicted"}
    with pytest.raises(ConfigError, match=r"--ignore: unknown rule 'weekday'; known rules: change-mismatch, "):
        resolve(Flags(ignore=("weekday",)), desk)


def test_settings_bad_values_name_the_flag_or_the_config_file(tmp_path):
    assert resolve(Flags(published="2026-01-22"), tmp_path).published == dt.date(2026, 1, 22)
    with pytest.raises(ConfigError, match=r"^--format: expected one of text, json, .*got 'xml'$"):
        resolve(Flags(format="xml"), tmp_path)
    with pytest.raises(ConfigError, match=r"^--published: expected a date as YYYY-MM-DD, got '22/01/2026'$"):
        resolve(Flags(published="22/01/2026"), tmp_path)
    (tmp_path / "factcheck.toml").write_text('format = "xml"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"factcheck\.toml: format: expected one of text, .*got 'xml'"):
        resolve(Flags(), tmp_path)


def test_settings_reference_folder_named_by_flag_or_config_else_found_per_story(desk, tmp_path):
    other = tmp_path / "other-claims"
    assert resolve(Flags(refs=other), desk).reference_folder(Path("/")) == other  # named: used for every story
    (desk.parents[2] / "factcheck.toml").write_text('refs = "../shared/claims"\n', encoding="utf-8")
    named = resolve(Flags(), desk)
    assert named.refs == (desk.parents[3] / "shared" / "claims").resolve() and named.refs_named
    (desk.parents[2] / "factcheck.toml").unlink()
    searched = resolve(Flags(), desk.parents[2] / "stories")  # settings resolved for a folder ...
    assert searched.refs == desk.parents[2] / "claims" == find_reference(desk)
    elsewhere = tmp_path / "elsewhere" / "story.txt"  # ... and each story's own claims/ found upward
    assert searched.reference_folder(elsewhere) == find_reference(elsewhere)
    (tmp_path / "elsewhere" / "claims").mkdir(parents=True)
    (tmp_path / "elsewhere" / "claims" / "a.toml").write_bytes((desk.parents[2] / "claims" / "facts.toml").read_bytes())
    assert searched.reference_folder(elsewhere) == tmp_path / "elsewhere" / "claims"
    (tmp_path / "elsewhere" / "claims" / "a.toml").unlink()  # a claims/ folder without *.toml is not a set
    assert searched.reference_folder(elsewhere) == desk.parents[2] / "claims"


def test_settings_no_reference_message_says_where_it_looked_and_what_to_do(tmp_path):
    message = no_reference_message(tmp_path / "story.txt")
    assert f"looked for a claims/ folder of *.toml files in {tmp_path} and every folder above it" in message
    assert "--refs DIR" in message and "factcheck.toml" in message and "\n" not in message


def test_settings_formats_are_the_renderers():
    assert FORMATS == tuple(RENDERERS)


def test_settings_check_hook_batch_and_config_read_one_config(desk):
    """The config's fail-on (hyphenated), disable and fast reach check, the hook and batch alike;
    `config` shows what was resolved."""
    config = desk.parents[2] / "factcheck.toml"
    config.write_text('fail-on = "warning"\nfast = true\n', encoding="utf-8")
    assert invoke("check", desk, "--format", "line").code == 1
    assert invoke("hook", desk).code == 1
    config.write_text('fail-on = "error"\nfast = true\ndisable = ["weekday-mismatch"]\n', encoding="utf-8")
    assert invoke("check", desk, "--format", "line").code == 0
    assert invoke("hook", desk).code == 0
    assert invoke("batch", desk.parent, "--no-cache", "-q", "-j", "1").code == 0
    assert invoke("hook", desk, "--select", "weekday-mismatch").code == 1  # the command line wins
    shown = invoke("config", desk)
    assert "rules off: weekday-mismatch" in shown.stdout and f"model {FAST_MODEL}" in shown.stdout
    assert str(desk.parents[2] / "claims") in shown.stdout


def test_settings_serve_reads_the_config_like_check(desk, monkeypatch):
    """serve took only its flags; now the config's model, fail_on, rules and max_bytes reach it."""
    import factcheck.serve
    from factcheck.cli import serve_checker

    started = {}
    monkeypatch.setattr(factcheck.serve, "serve", lambda host, port, **options: started.update(options))
    (desk.parents[2] / "factcheck.toml").write_text(
        'fail-on = "warning"\nfast = true\ndisable = ["weekday-mismatch"]\nmax_bytes = 5000\n', encoding="utf-8")
    result = invoke("serve", "--port", "0", cwd=desk.parent)
    assert result.code == 0, result.stderr
    assert (started["model"], started["fail_on"], started["max_bytes"]) == (FAST_MODEL, "warning", 5000)
    assert started["reference"].folder == desk.parents[2] / "claims"
    fields = {"body": WRONG_WEEKDAY, "format": "text"}
    assert started["checker"](fields, FAST_MODEL, None).findings == []  # weekday-mismatch is off
    assert [f.rule for f in serve_checker(fields, FAST_MODEL, None).findings] == ["weekday-mismatch"]
    invoke("serve", "--port", "0", "--fail-on", "error", "--max-bytes", "700", cwd=desk.parent)
    assert (started["fail_on"], started["max_bytes"]) == ("error", 700)  # flags win
