"""The HTTP service: a real server on an ephemeral port, spoken to with urllib."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import factcheck
from factcheck.api import check_story
from factcheck.errors import ConfigError
from factcheck.reference import load_reference
from factcheck.serve import make_server
from factcheck.source import story_from_text

ROOT = Path(__file__).resolve().parent.parent
AL_HOL = "What is happening at al-Hol camp?\nAround {} people still live at the camp."
WEEKDAY = "The strike will take place on Wednesday, March 12, 2026."
JSON = {"Content-Type": "application/json"}


@pytest.fixture(scope="module")
def reference():
    return load_reference(ROOT / "claims")


def _start(**kwargs):
    server = make_server("127.0.0.1", 0, quiet=True, **kwargs)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


def _stop(server, thread):
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(reference):
    server, thread = _start(reference=reference)
    yield server
    _stop(server, thread)


@pytest.fixture(scope="module")
def url(server):
    return f"http://127.0.0.1:{server.server_port}"


def call(url, path="/check", *, method=None, data=None, headers=None):
    """(status, decoded JSON) for one request; a dict `data` is sent as JSON."""
    if isinstance(data, dict):
        data, headers = json.dumps(data).encode(), {**JSON, **(headers or {})}
    request = urllib.request.Request(url + path, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, body, kind = response.status, response.read(), response.headers["Content-Type"]
    except urllib.error.HTTPError as exc:
        status, body, kind = exc.code, exc.read(), exc.headers["Content-Type"]
    assert kind.startswith("application/json")
    return status, json.loads(body)


def check(url, body, **fields):
    return call(url, data={"body": body, **fields})


def assert_error(result, status, words):
    assert result[0] == status, result
    assert set(result[1]) == {"error"} and words in result[1]["error"], result


def test_serve_health(url, reference):
    assert call(url, "/health") == (200, {
        "status": "ok", "model": factcheck.extract.DEFAULT_MODEL,
        "reference_facts": len(reference.facts), "version": factcheck.__version__,
    })
    assert len(reference.facts) > 0


def test_serve_blocks_contradicted_figure(url):
    status, answer = check(url, AL_HOL.format("34,000"), published="2026-01-22")
    assert status == 200 and answer["decision"] == "block"
    assert [c["verdict"] for c in answer["report"]["claims"]] == ["contradicted"]


def test_serve_passes_supported_figure(url):
    status, answer = check(url, AL_HOL.format("24,000"), published="2026-01-22")
    assert status == 200 and answer["decision"] == "pass"
    assert [c["verdict"] for c in answer["report"]["claims"]] == ["supported"]


def test_serve_blocks_wrong_weekday(url):
    status, answer = check(url, WEEKDAY)
    assert status == 200 and answer["decision"] == "block"
    assert [f["severity"] for f in answer["report"]["findings"]] == ["error"]


def test_serve_fail_on_sets_the_threshold(reference):
    server, thread = _start(reference=reference, fail_on="warning")
    try:
        assert check(f"http://127.0.0.1:{server.server_port}", WEEKDAY)[1]["decision"] == "block"
    finally:
        _stop(server, thread)
    with pytest.raises(ConfigError):
        make_server("127.0.0.1", 0, fail_on="fatal")


@pytest.mark.parametrize("fields", [
    {"published": "2026-01-22", "path": "desk/al-hol.txt"},
    {"published": "2026-01-22", "format": "markdown"},
    {},
])
def test_serve_report_matches_library(url, reference, fields):
    text = AL_HOL.format("34,000")
    status, answer = check(url, text, **fields)
    story = story_from_text(
        text, fields.get("path"), format=fields.get("format", "text"),
        published=dt.date.fromisoformat(fields["published"]) if "published" in fields else None,
    )
    assert status == 200
    assert answer["report"] == check_story(story, reference=reference).to_json_dict()
    assert answer["report"]["source"]["path"] == fields.get("path")


def test_serve_rejects_invalid_json(url):
    assert_error(call(url, data=b"{not json", headers=JSON), 400, "not valid JSON")
    assert_error(call(url, data=b"\xff\xfe", headers=JSON), 400, "not valid JSON")
    assert_error(call(url, data=b'["a list"]', headers=JSON), 400, "JSON object")


def test_serve_rejects_missing_or_non_string_body(url):
    assert_error(call(url, data={"published": "2026-01-22"}), 400, '"body"')
    assert_error(call(url, data={"body": 42}), 400, '"body"')
    assert_error(call(url, data={"body": None}), 400, '"body"')


def test_serve_rejects_empty_body(url):
    assert_error(check(url, ""), 400, "empty")
    assert_error(check(url, " \n\t"), 400, "empty")
    assert_error(call(url, data=b"", headers=JSON), 400, "not valid JSON")


def test_serve_rejects_bad_published(url):
    assert_error(check(url, WEEKDAY, published="22/01/2026"), 400, "YYYY-MM-DD")
    assert_error(check(url, WEEKDAY, published=20260122), 400, "YYYY-MM-DD")


def test_serve_rejects_unknown_format(url):
    assert_error(check(url, WEEKDAY, format="docx"), 400, '"format"')


def test_serve_rejects_unknown_field(url):
    assert_error(check(url, WEEKDAY, publshed="2026-01-22"), 400, "publshed")


def test_serve_unknown_path_is_404(url):
    assert_error(call(url, "/nope"), 404, "/nope")
    assert_error(call(url, "/checks", data={"body": WEEKDAY}), 404, "/checks")


def test_serve_wrong_method_is_405(url):
    assert_error(call(url, "/check"), 405, "POST")
    assert_error(call(url, "/health", data={"body": WEEKDAY}), 405, "GET")
    assert_error(call(url, "/check", method="PUT", data={"body": WEEKDAY}), 405, "POST")


def test_serve_missing_content_length_is_411(server):
    # urllib always sends a Content-Length with a POST, so speak http.client directly
    connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=30)
    try:
        connection.putrequest("POST", "/check")
        connection.putheader("Content-Type", "application/json")
        connection.endheaders()
        response = connection.getresponse()
        assert response.status == 411
        assert "Content-Length" in json.loads(response.read())["error"]
    finally:
        connection.close()


def test_serve_body_over_limit_is_413(url, server, reference):
    # the declared length is refused before a byte of the body is read
    too_long = {**JSON, "Content-Length": str(server.max_bytes + 1)}
    assert_error(call(url, data=b"", headers=too_long), 413, "limit")
    small, thread = _start(reference=reference, max_bytes=100)
    try:
        result = call(f"http://127.0.0.1:{small.server_port}", data={"body": "x" * 200})
        assert_error(result, 413, "limit is 100")
    finally:
        _stop(small, thread)


def test_serve_wrong_content_type_is_415(url):
    body = json.dumps({"body": WEEKDAY}).encode()
    assert_error(call(url, data=body, headers={"Content-Type": "text/plain"}), 415, "application/json")
    assert_error(call(url, data=body), 415, "application/json")  # urllib's form default
    charset = {"Content-Type": "application/json; charset=utf-8"}
    assert call(url, data=body, headers=charset)[0] == 200


def test_serve_unexpected_error_is_500_naming_the_problem(url, server, monkeypatch, capsys):
    def broken(request, deadline):
        raise RuntimeError("the rule table is broken")

    monkeypatch.setattr(server, "check", broken)
    status, answer = call(url, data={"body": WEEKDAY})
    assert status == 500 and "RuntimeError: the rule table is broken" in answer["error"]
    assert "Traceback" not in answer["error"]
    assert "Traceback" in capsys.readouterr().err  # the server's log has it
    monkeypatch.undo()
    assert check(url, WEEKDAY)[0] == 200  # and it goes on serving


def test_serve_concurrent_requests_agree(url):
    def one(_):
        return check(url, AL_HOL.format("34,000"), published="2026-01-22")

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(one, range(100)))
    assert all(status == 200 for status, _ in results)
    first = results[0][1]
    assert first["decision"] == "block"
    assert all(answer == first for _, answer in results)


def test_serve_hook_hands_its_stories_to_a_running_server(url, tmp_path):
    """`factcheck hook --server URL`: the server judges, the hook prints and blocks as it would."""
    from .clirunner import invoke

    head = "---\ndate: 2026-01-22\n---\n# What is happening at al-Hol camp?\n\n"
    (tmp_path / "wrong.md").write_text(head + "Around 34,000 people still live at the camp.\n", encoding="utf-8")
    (tmp_path / "right.md").write_text(head + "Around 24,000 people still live at the camp.\n", encoding="utf-8")
    wrong = invoke("hook", "--server", url, tmp_path / "wrong.md", cwd=tmp_path)
    assert wrong.code == 1, (wrong.stdout, wrong.stderr)
    assert "wrong.md:6:1:" in wrong.stdout and "contradicted" in wrong.stdout and "24,000" in wrong.stdout
    right = invoke("hook", "--server", url, tmp_path / "right.md", cwd=tmp_path)
    assert right.code == 0 and right.stdout == "", (right.stdout, right.stderr)
    # the same story checked here, with the same facts, gives the same lines
    local = invoke("hook", "--refs", ROOT / "claims", tmp_path / "wrong.md", cwd=tmp_path)
    assert local.stdout == wrong.stdout


def test_serve_hook_says_when_the_server_cannot_be_reached(tmp_path):
    from .clirunner import invoke

    (tmp_path / "story.md").write_text("Around 150 detainees were moved.\n", encoding="utf-8")
    result = invoke("hook", tmp_path / "story.md", env={"FACTCHECK_SERVER": "http://127.0.0.1:9"}, cwd=tmp_path)
    assert result.code == 2
    assert "cannot reach the factcheck server at http://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr
