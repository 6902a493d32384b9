"""The HTTP service against slow, hostile and broken requests (issue 9, "serve"): suppression in
the decision, time budgets, body and connection limits, bad JSON, crashes, memory, the token and
graceful shutdown. Servers here use the rules-only pipeline; `hooks` stands in for a check that
hangs, raises or kills its process."""

from __future__ import annotations

import datetime as dt
import json
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from factcheck import policy
from factcheck.api import check_story
from factcheck.errors import CheckError, ConfigError
from factcheck.extract import FAST_MODEL, build_pipeline
from factcheck.reference import load_reference
from factcheck.serve import exposure_warning, make_server
from factcheck.serve_workers import answer, check_fields
from factcheck.source import story_from_text

from .test_serve import AL_HOL, JSON, WEEKDAY, assert_error, call, check

ROOT = Path(__file__).resolve().parent.parent
SUPPRESSED_WEEKDAY = "<!-- factcheck ignore-next weekday-mismatch -->\n" + WEEKDAY + "\n"
SUPPRESSED_CONTRADICTION = ("# What is happening at al-Hol camp?\n\n<!-- factcheck disable contradicted -->\n"
                            "Around 34,000 people still live at the camp.\n<!-- factcheck enable contradicted -->\n")


def hooks(fields, model, reference):
    """The worker's checker in these tests: a body of "SLEEP <file>" touches the file and hangs,
    "RAISE" and "LIBRARY-BUG" raise, "EXIT" kills the worker process; anything else is checked for real."""
    body = fields["body"]
    if body.startswith("SLEEP "):
        Path(body.split(" ", 1)[1]).touch()
        time.sleep(30)
    elif body == "RAISE":
        raise RuntimeError("the rule table is broken")
    elif body == "LIBRARY-BUG":  # how check_story reports an unexpected exception: a FactcheckError
        raise CheckError("<stdin>: could not be checked: KeyError: 'c7' (a bug in factcheck)")
    elif body == "EXIT":
        os._exit(3)
    return check_fields(fields, model, reference)


@pytest.fixture(scope="module")
def reference():
    return load_reference(ROOT / "claims")


class Running:
    def __init__(self, **kwargs):
        options = {"model": FAST_MODEL, "quiet": True, "checker": hooks, **kwargs}
        self.server = make_server("127.0.0.1", 0, **options)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.port = self.server.server_port

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


@pytest.fixture
def running(reference):
    started = []

    def start(**kwargs):
        started.append(Running(reference=reference, **kwargs))
        return started[-1]

    yield start
    for one in started:
        one.stop()


@pytest.fixture(scope="module")
def shared(reference):
    one = Running(reference=reference)
    yield one
    one.stop()


def wait_until(condition, seconds=30.0):
    """Poll `condition` until it holds (or give up after `seconds`: the assertion that follows fails)."""
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        time.sleep(0.02)
    return condition()


def raw(port):
    return socket.create_connection(("127.0.0.1", port), timeout=30)


def everything(sock, seconds=30):
    """What the server sends until it closes the connection (or `seconds` pass without a byte)."""
    sock.settimeout(seconds)
    reply = b""
    try:
        while chunk := sock.recv(65536):
            reply += chunk
    except TimeoutError:
        pass
    return reply


def refused(port):
    try:
        raw(port).close()
    except OSError:
        return True
    return False


def trickle(sock, pieces, pause=0.05):
    """Send `pieces` one at a time until the server answers or hangs up: (how many were sent,
    what it sent back)."""
    sent = 0
    for piece in pieces:
        if select.select([sock], [], [], 0)[0]:
            break
        try:
            sock.sendall(piece)
        except OSError:
            break
        sent += 1
        time.sleep(pause)
    try:
        return sent, everything(sock, 5)
    except OSError:  # reset
        return sent, b""


# --- the decision honours suppression ---------------------------------------------------------

def _report(text, reference, path="a.md"):
    return check_story(story_from_text(text, path, published=dt.date(2026, 1, 22)), model=FAST_MODEL,
                       reference=reference)


def test_policy_suppressed_finding_does_not_block(reference):
    report = _report(SUPPRESSED_WEEKDAY, reference)
    assert [(f.rule, f.severity, f.suppressed) for f in report.findings] == [("weekday-mismatch", "error", True)]
    assert not policy.blocks(report, "error") and not policy.blocks(report, "info")
    assert policy.decision(report, "error") == "pass"
    unsuppressed = _report(WEEKDAY, reference, path=None)
    assert policy.blocks(unsuppressed, "error") and policy.decision(unsuppressed) == "block"


def test_policy_suppressed_contradiction_does_not_block(reference):
    report = _report(SUPPRESSED_CONTRADICTION, reference)
    assert [(c.verdict, c.suppressed) for c in report.claims] == [("contradicted", True)]
    assert not policy.blocks(report) and policy.decision(report) == "pass"
    assert policy.decision(_report(AL_HOL.format("34,000"), reference, path=None)) == "block"


def test_policy_fail_on_sets_the_threshold_and_rejects_unknown_levels(reference):
    # an unused suppression is an info finding: it warns, and blocks only at fail_on=info
    report = _report("<!-- factcheck ignore-next sum-mismatch -->\nAround 24,000 people live there.\n", reference)
    assert [(f.rule, f.severity, f.suppressed) for f in report.findings] == [("unused-suppression", "info", False)]
    assert policy.decision(report, "error") == "warn" and policy.decision(report, "warning") == "warn"
    assert policy.decision(report, "info") == "block"
    with pytest.raises(ConfigError, match="fatal"):
        policy.blocks(report, "fatal")


def test_serve_decision_honours_suppression(shared):
    status, answer_ = check(shared.url, SUPPRESSED_WEEKDAY, format="markdown")
    assert status == 200 and answer_["decision"] == "pass"
    assert [f["suppressed"] for f in answer_["report"]["findings"]] == [True]
    status, answer_ = check(shared.url, SUPPRESSED_CONTRADICTION, format="markdown", published="2026-01-22")
    assert status == 200 and answer_["decision"] == "pass"
    assert [(c["verdict"], c["suppressed"]) for c in answer_["report"]["claims"]] == [("contradicted", True)]


# --- bad JSON and bad characters are 400s -----------------------------------------------------

def test_serve_deeply_nested_json_is_400(shared):
    deep = b'{"body": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    assert_error(call(shared.url, data=deep, headers=JSON), 400, "nested too deeply")
    nested = b'{"body": "x", "published": ' + b"[" * 50 + b"]" * 50 + b"}"
    assert_error(call(shared.url, data=nested, headers=JSON), 400, "got an array")
    assert call(shared.url, "/health")[0] == 200


def test_serve_number_too_long_to_read_is_400(shared):
    data = b'{"body": "x", "published": 1' + b"0" * 5000 + b"}"
    assert_error(call(shared.url, data=data, headers=JSON), 400, "not valid JSON")


@pytest.mark.parametrize("data, words", [
    (b'{"body": "Around 24,000 people \\ud800 live at the camp."}', '"body": a lone surrogate (\\ud800) at character 22'),
    (b'{"body": "Around 24,000 people live at the camp.", "path": "a\\udfff.txt"}', '"path": a lone surrogate'),
    (b'{"body": "Around 24,000 people live at the camp.", "p\\ud83d": 1}', "a field name: a lone surrogate"),
])
def test_serve_lone_surrogate_is_400(shared, data, words):
    assert_error(call(shared.url, data=data, headers=JSON), 400, words)


def test_serve_body_ending_early_is_400(shared):
    sock = raw(shared.port)
    with sock:
        sock.sendall(b"POST /check HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{}")
        sock.shutdown(socket.SHUT_WR)
        reply = everything(sock)
    assert reply.startswith(b"HTTP/1.0 400") and b"ended after 2 of the 100 bytes" in reply


# --- an unexpected exception is a JSON 500 naming it, and the server goes on -------------------

def test_serve_exception_in_a_check_is_500_naming_it(shared):
    assert_error(check(shared.url, "RAISE"), 500, "RuntimeError: the rule table is broken")
    assert_error(check(shared.url, "LIBRARY-BUG"), 500, "could not be checked: KeyError: 'c7'")
    assert check(shared.url, WEEKDAY)[1]["decision"] == "block"


def test_serve_checker_process_dying_is_500_and_replaced(shared):
    assert_error(check(shared.url, "EXIT"), 500, "exit code 3")
    for _ in range(3):  # both workers serve again, the replaced one included
        assert check(shared.url, WEEKDAY)[1]["decision"] == "block"


# --- time budget, connection cap --------------------------------------------------------------

def test_serve_check_over_budget_is_503_while_others_are_served(running, tmp_path):
    one = running(timeout=2, workers=2)
    marker = tmp_path / "sleeping"
    with ThreadPoolExecutor(1) as pool:
        slow = pool.submit(check, one.url, f"SLEEP {marker}")
        assert wait_until(marker.exists)
        assert check(one.url, WEEKDAY)[1]["decision"] == "block"  # the other worker answers meanwhile
        assert_error(slow.result(), 503, "did not finish within the time budget of 2 s")
    assert check(one.url, WEEKDAY)[1]["decision"] == "block"


def test_serve_request_waiting_for_a_busy_checker_is_503(running, tmp_path):
    one = running(timeout=3, workers=1)
    marker = tmp_path / "sleeping"
    with ThreadPoolExecutor(1) as pool:
        slow = pool.submit(check, one.url, f"SLEEP {marker}")
        assert wait_until(marker.exists)
        assert_error(check(one.url, WEEKDAY), 503, "stayed busy for the whole time budget of 3 s")
        assert_error(slow.result(), 503, "did not finish within the time budget of 3 s")
    assert wait_until(lambda: check(one.url, WEEKDAY)[0] == 200)  # the replaced worker serves


def test_serve_slow_body_is_408_within_the_budget(running):
    one = running(timeout=1.5)
    with raw(one.port) as sock:
        sock.sendall(b"POST /check HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n")
        sent, reply = trickle(sock, [b" "] * 200)  # 10 s at this pace; each byte well within a per-read timeout
    assert sent < 200 and reply.startswith(b"HTTP/1.0 408") and b"did not arrive within the time budget of 1.5 s" in reply


def test_serve_slow_headers_are_cut_off_within_the_budget(running):
    one = running(timeout=1.5)
    with raw(one.port) as sock:
        sock.sendall(b"POST /check HTTP/1.1\r\n")
        sent, reply = trickle(sock, [b"X-Slow: 1\r\n"] * 90, pause=0.1)  # 9 s at this pace
    assert sent < 90 and reply == b""  # hung up on, long before the last header
    assert call(one.url, "/health")[0] == 200


def test_serve_connections_beyond_the_cap_are_503(running):
    one = running(max_connections=2, timeout=20)
    held = [raw(one.port) for _ in range(2)]
    for sock in held:
        sock.sendall(b"POST /check HTTP/1.1\r\n")  # both stay open, waiting for their headers
    assert_error(call(one.url, "/health"), 503, "too many open connections (the limit is 2)")
    for sock in held:
        sock.close()
    assert wait_until(lambda: call(one.url, "/health")[0] == 200)


# --- memory -----------------------------------------------------------------------------------

def test_serve_worker_check_leaves_no_new_words_in_the_vocabulary():
    nlp = build_pipeline(FAST_MODEL)
    strings = nlp.vocab.strings
    before = len(strings)
    for i in range(1, 21):
        text = f"Zorblat{i} said {i},400 frimbles{i} were seen in Quaxville{i} on March 3, 2026."
        kind, report = answer(nlp, check_fields, {"body": text, "format": "text"}, FAST_MODEL, None)
        assert kind == "report" and report.claims[0].text == f"{i},400"
    assert len(strings) == before
    check_story(story_from_text("Glorptown2 had 7,000 wuzzles.", None), model=FAST_MODEL)  # outside the zone
    assert len(strings) > before  # ...the vocabulary grows: what the zone prevents


# --- the token and the warning ----------------------------------------------------------------

def test_serve_token_is_required_when_set(running):
    one = running(token="s3cret")
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret"}):
        result = call(one.url, "/check", data={"body": WEEKDAY}, headers=headers)
        assert result[0] == 401 and "Authorization" in result[1]["error"], result
    assert call(one.url, "/health")[0] == 401
    good = {"Authorization": "Bearer s3cret"}
    assert call(one.url, "/health", headers=good)[0] == 200
    assert call(one.url, "/check", data={"body": WEEKDAY}, headers=good)[1]["decision"] == "block"


@pytest.mark.parametrize("host, token, warned", [
    ("127.0.0.1", None, False), ("localhost", None, False), ("::1", None, False), ("127.0.0.2", None, False),
    ("0.0.0.0", None, True), ("::", None, True), ("192.168.1.20", None, True), ("newsroom.example", None, True),
    ("0.0.0.0", "s3cret", False),
])
def test_serve_warns_when_reachable_without_token(host, token, warned):
    warning = exposure_warning(host, token)
    assert (warning is not None) == warned
    if warned:
        assert host in warning and "FACTCHECK_TOKEN" in warning


# --- the command: options, environment, SIGTERM -----------------------------------------------

def _command(*options, env=None):
    process = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "serve", "--port", "0", "--fast", "--workers", "1",
         "--refs", str(ROOT / "claims"), *options],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, **(env or {})},
    )
    line = process.stdout.readline()
    assert "serving on http://" in line, process.stderr.read() if process.poll() is not None else line
    return process, int(line.rsplit(":", 1)[1])


def _finish(process):
    try:
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    return process.returncode, process.stderr.read()


def test_serve_command_takes_body_limit_and_token_from_environment():
    process, port = _command("--max-bytes", "300", env={"FACTCHECK_TOKEN": "s3cret"})
    url, good = f"http://127.0.0.1:{port}", {"Authorization": "Bearer s3cret"}
    try:
        assert call(url, "/health")[0] == 401
        assert_error(call(url, data={"body": "x" * 400}, headers=good), 413, "the limit is 300")
        assert call(url, data={"body": WEEKDAY}, headers=good)[1]["decision"] == "block"
    finally:
        process.send_signal(signal.SIGTERM)
    code, stderr = _finish(process)
    assert code == 0 and "warning" not in stderr


def test_serve_sigterm_finishes_requests_in_flight():
    process, port = _command("--host", "0.0.0.0")
    body = json.dumps({"body": WEEKDAY}).encode()
    reply = b""
    try:
        with raw(port) as sock:
            sock.sendall(b"POST /check HTTP/1.0\r\nContent-Type: application/json\r\n"
                         + f"Content-Length: {len(body)}\r\n\r\n".encode() + body[:10])
            # the listener accepts in order: once /health is answered, this request is in a handler
            assert call(f"http://127.0.0.1:{port}", "/health")[0] == 200
            process.send_signal(signal.SIGTERM)
            assert wait_until(lambda: refused(port))  # it stops listening...
            sock.sendall(body[10:])  # ...and still answers the request in flight
            reply = everything(sock)
    finally:
        code, stderr = _finish(process)  # a second SIGTERM would stop it at once: wait
    assert reply.startswith(b"HTTP/1.0 200") and json.loads(reply.split(b"\r\n\r\n", 1)[1])["decision"] == "block"
    assert code == 0 and "Traceback" not in stderr
    assert "warning: serving on every network interface (0.0.0.0) without a token" in stderr
