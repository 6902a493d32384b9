"""A small JSON service over HTTP: POST a story to /check, get the report and a decision.

Standard library only. The spaCy pipeline is loaded once when the server starts; requests are
served on threads, but the pipeline runs one story at a time (spaCy objects are not thread-safe).

    POST /check  {"body": "...", "format": "text", "published": "2026-01-22", "path": "a.md"}
              -> {"decision": "block" | "warn" | "pass", "report": {...}}
    GET /health  -> {"status": "ok", "model": ..., "reference_facts": N, "version": ...}

Errors are JSON too, {"error": "..."}, with a 4xx status; never a traceback.
"""

from __future__ import annotations

import json
import sys
import threading
import traceback
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import __version__
from .api import check_story
from .errors import ConfigError, FactcheckError
from .extract import DEFAULT_MODEL, build_pipeline
from .models import Report
from .reference import ReferenceSet
from .source import parse_date, story_from_text

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
FORMATS = ("text", "markdown", "html")
FIELDS = ("body", "format", "published", "path")
ROUTES = {"/health": "GET", "/check": "POST"}


class RequestError(Exception):
    """A request the client can fix: answered with `status` and {"error": message}."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def decision(report: Report, fail_on: str = "error") -> str:
    """"block" for a finding at or above `fail_on` or a contradicted claim, "warn" for any
    other finding, else "pass"."""
    threshold = SEVERITY_RANK[fail_on]
    if any(c.verdict == "contradicted" for c in report.claims) or any(
        SEVERITY_RANK[f.severity] >= threshold for f in report.findings
    ):
        return "block"
    return "warn" if report.findings else "pass"


class FactcheckServer(ThreadingHTTPServer):
    """A threading HTTP server holding the loaded pipeline, the reference set and the options."""

    daemon_threads = True
    request_queue_size = 128  # the listen backlog; socketserver's 5 drops bursts of clients

    def __init__(self, address, *, model: str, reference: ReferenceSet | None, max_bytes: int,
                 fail_on: str, quiet: bool):
        if fail_on not in SEVERITY_RANK:
            raise ConfigError(f"fail_on: expected error, warning or info, got {fail_on!r}")
        build_pipeline(model)  # load once, now; check_story reuses it (build_pipeline is cached)
        self.model, self.reference, self.max_bytes = model, reference, max_bytes
        self.fail_on, self.quiet = fail_on, quiet
        self.lock = threading.Lock()
        super().__init__(address, Handler)

    def check(self, request: dict) -> dict:
        """The answer to a parsed /check request; RequestError when a field is wrong."""
        unknown = sorted(set(request) - set(FIELDS))
        if unknown:
            raise RequestError(400, f"unknown field {unknown[0]!r}; expected {', '.join(FIELDS)}")
        body, fmt = request.get("body"), request.get("format") or "text"
        published, path = request.get("published"), request.get("path")
        if not isinstance(body, str):
            raise RequestError(400, '"body": expected the story as a string')
        if not body.strip():
            raise RequestError(400, '"body": the story is empty')
        if fmt not in FORMATS:
            raise RequestError(400, f'"format": expected one of {", ".join(FORMATS)}, got {fmt!r}')
        if published is not None and not isinstance(published, str):
            raise RequestError(400, f'"published": expected a date as YYYY-MM-DD, got {published!r}')
        if path is not None and not isinstance(path, str):
            raise RequestError(400, f'"path": expected a string, got {path!r}')
        try:
            date = parse_date(published, '"published"') if published is not None else None
            story = story_from_text(body, path, published=date, format=fmt)
            with self.lock:
                report = check_story(story, model=self.model, reference=self.reference)
        except FactcheckError as exc:
            raise RequestError(400, str(exc)) from None
        return {"decision": decision(report, self.fail_on), "report": report.to_json_dict()}


class Handler(BaseHTTPRequestHandler):
    server: FactcheckServer
    server_version = f"factcheck/{__version__}"
    timeout = 30  # seconds a client may take to send its request

    def do_GET(self) -> None:
        self._dispatch()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_GET

    def _dispatch(self) -> None:
        headers = {}
        try:
            path = self.path.split("?", 1)[0]
            if path not in ROUTES:
                raise RequestError(404, f"no such endpoint {path!r}; try GET /health or POST /check")
            if self.command != ROUTES[path]:
                headers["Allow"] = ROUTES[path]
                raise RequestError(405, f"{path} accepts {ROUTES[path]}, not {self.command}")
            status, payload = 200, self._health() if path == "/health" else self.server.check(self._json())
        except RequestError as exc:
            status, payload = exc.status, {"error": str(exc)}
        except Exception:  # a bug: log it, tell the client nothing more
            traceback.print_exc(file=sys.stderr)
            status, payload = 500, {"error": "internal error"}
        self._send(status, payload, headers)

    def _health(self) -> dict:
        reference = self.server.reference
        return {"status": "ok", "model": self.server.model, "version": __version__,
                "reference_facts": len(reference.facts) if reference else 0}

    def _json(self) -> dict:
        """The request body as a JSON object, checking headers before reading a byte."""
        kind = (self.headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()
        if kind != "application/json":
            raise RequestError(415, f"Content-Type: expected application/json, got {kind or 'nothing'!r}")
        length = self.headers.get("Content-Length")
        if length is None:
            raise RequestError(411, "Content-Length: required")
        if not length.strip().isdigit():
            raise RequestError(400, f"Content-Length: expected a number of bytes, got {length!r}")
        if int(length) > self.server.max_bytes:
            raise RequestError(413, f"the request is {int(length):,} bytes; the limit is {self.server.max_bytes:,}")
        try:
            data = self.rfile.read(int(length))
        except TimeoutError:
            raise RequestError(408, "timed out reading the request body") from None
        try:
            request = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise RequestError(400, f"the request body is not valid JSON: {exc}") from None
        if not isinstance(request, dict):
            raise RequestError(400, 'expected a JSON object like {"body": "story text"}')
        return request

    def _send(self, status: int, payload: dict, headers: dict | None = None) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status >= 400:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors http.server raises itself (a malformed request line, say) as JSON, not HTML."""
        self._send(code, {"error": message or HTTPStatus(code).phrase})

    def log_message(self, format: str, *args) -> None:
        if not self.server.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")


def make_server(host: str = "127.0.0.1", port: int = 8765, *, model: str = DEFAULT_MODEL,
                reference: ReferenceSet | None = None, max_bytes: int = 1_000_000,
                fail_on: str = "error", quiet: bool = False) -> ThreadingHTTPServer:
    """A server bound to host:port (port 0 picks a free one), its pipeline loaded; call
    serve_forever() to answer requests, shutdown() and server_close() to stop."""
    return FactcheckServer((host, port), model=model, reference=reference, max_bytes=max_bytes,
                           fail_on=fail_on, quiet=quiet)


def serve(host: str = "127.0.0.1", port: int = 8765, **kwargs) -> None:
    """Run the service until interrupted, printing its URL once it listens."""
    server = make_server(host, port, **kwargs)
    print(f"factcheck: serving on http://{host}:{server.server_port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
