"""A small JSON service over HTTP: POST a story to /check, get the report and a decision.

Standard library only. Stories are checked in worker processes that load the spaCy pipeline once
(factcheck.serve_workers); the server's threads read requests, validate them and answer.

    POST /check  {"body": "...", "format": "text", "published": "2026-01-22", "path": "a.md"}
              -> {"decision": "block" | "warn" | "pass", "report": {...}}
    GET /health  -> {"status": "ok", "model": ..., "reference_facts": N, "version": ...}

Every answer is JSON; errors are {"error": "..."} with a 4xx or 5xx status, never a traceback.
Limits, so that no client can hold the service: each request has a time budget (`timeout`
seconds from connection to answer, reading included: 408 when the request does not arrive in
time, 503 when the check does not finish), a body limit (`max_bytes`, 413), a cap on open
connections (`max_connections`, 503 beyond it). With `token` set, every request needs
`Authorization: Bearer <token>` (401 without it).
"""

from __future__ import annotations

import hmac
import io
import ipaddress
import json
import re
import signal
import sys
import threading
import time
import traceback
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import policy
from ._version import __version__
from .errors import ConfigError
from .extract import DEFAULT_MODEL
from .reference import ReferenceSet
from .serve_workers import Checker, Pool, check_fields

FORMATS = ("text", "markdown", "html")
FIELDS = ("body", "format", "published", "path")
ROUTES = {"/health": "GET", "/check": "POST"}
STATUS = {"invalid": 400, "crashed": 500, "lost": 500, "busy": 503, "over-budget": 503}
LOCAL_HOSTS = ("localhost", "")
_SURROGATE = re.compile("[\ud800-\udfff]")


class RequestError(Exception):
    """A request answered with `status` and {"error": message}."""

    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.headers = status, headers or {}


def exposure_warning(host: str, token: str | None) -> str | None:
    """A warning when `host` lets other machines reach a server that has no token, else None."""
    if token:
        return None
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        if host.lower() in LOCAL_HOSTS:
            return None
        where = f"{host!r}, which other machines may reach"
    else:
        if address.is_loopback:
            return None
        where = (f"every network interface ({host})" if address.is_unspecified
                 else f"{host}, which other machines may reach")
    return (f"serving on {where} without a token: anyone who can reach the port can use the checker; "
            f"set FACTCHECK_TOKEN (or --token) to require one")


class FactcheckServer(ThreadingHTTPServer):
    """A threading HTTP server holding the worker pool, the reference set and the options."""

    daemon_threads = True
    request_queue_size = 128  # the listen backlog; socketserver's 5 drops bursts of clients

    def __init__(self, address, *, model: str, reference: ReferenceSet | None, max_bytes: int,
                 fail_on: str, quiet: bool, token: str | None = None, timeout: float = 30.0,
                 max_connections: int = 64, workers: int = 2, checker: Checker = check_fields):
        if fail_on not in policy.SEVERITY_RANK:
            raise ConfigError(f"fail_on: expected one of {', '.join(policy.FAIL_ON)}, got {fail_on!r}")
        for name, value, least in (("max_bytes", max_bytes, 1), ("timeout", timeout, 0.001),
                                   ("max_connections", max_connections, 1), ("workers", workers, 1)):
            if not value >= least:
                raise ConfigError(f"{name}: expected a number of at least {least}, got {value!r}")
        self.model, self.reference, self.max_bytes = model, reference, max_bytes
        self.fail_on, self.quiet, self.token = fail_on, quiet, token or None
        self.budget, self.max_connections = float(timeout), max_connections
        self._open, self._open_changed = 0, threading.Condition()
        self.pool = Pool(workers, model, reference, checker)  # loads the pipeline now, in each worker
        try:
            super().__init__(address, Handler)
        except OSError as exc:
            self.pool.close()
            raise ConfigError(f"cannot listen on {address[0]}:{address[1]}: {exc.strerror or exc}") from None
        except BaseException:
            self.pool.close()
            raise

    # --- connections: a cap, and a count to drain on shutdown ---------------------------------

    def process_request(self, request, client_address) -> None:
        with self._open_changed:
            full = self._open >= self.max_connections
            if not full:
                self._open += 1
        if full:
            self._refuse(request, client_address)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._closed_one()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._closed_one()

    def _closed_one(self) -> None:
        with self._open_changed:
            self._open -= 1
            self._open_changed.notify_all()

    def _refuse(self, request, client_address) -> None:
        """Answer 503 on the listening thread, without a handler thread, and close."""
        body = json.dumps({"error": f"too many open connections (the limit is {self.max_connections}); "
                                    f"try again shortly"}).encode()
        head = (f"HTTP/1.0 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\n"
                f"Content-Length: {len(body)}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n").encode()
        try:
            request.settimeout(0.05)  # read what the client sent, so closing does not reset the answer
            try:
                request.recv(1 << 16)
            except OSError:
                pass
            request.sendall(head + body)
        except OSError:
            pass
        finally:
            self.shutdown_request(request)
        if not self.quiet:
            sys.stderr.write(f"{client_address[0]} refused: {self.max_connections} connections open\n")

    def drain(self, seconds: float) -> bool:
        """Wait up to `seconds` for the connections in flight to finish; whether they all did."""
        with self._open_changed:
            return self._open_changed.wait_for(lambda: self._open == 0, seconds)

    def server_close(self) -> None:
        """Stop listening, let the requests in flight finish (within their budget), stop the workers."""
        super().server_close()
        self.drain(self.budget + 1)
        self.pool.close()

    # --- requests -------------------------------------------------------------------------------

    def authorize(self, header: str | None) -> None:
        if self.token is None:
            return
        challenge = {"WWW-Authenticate": 'Bearer realm="factcheck"'}
        scheme, _, given = (header or "").strip().partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            raise RequestError(401, "Authorization: expected 'Bearer <token>'; this server requires the token "
                                    "it was started with (--token or FACTCHECK_TOKEN)", challenge)
        if not hmac.compare_digest(given.strip().encode("utf-8", "surrogatepass"), self.token.encode("utf-8")):
            raise RequestError(401, "Authorization: the bearer token does not match this server's", challenge)

    def check(self, request: dict, deadline: float | None = None) -> dict:
        """The answer to a parsed /check request; RequestError for anything but a report."""
        fields = _fields(request)
        kind, value = self.pool.check(fields, deadline if deadline is not None else time.monotonic() + self.budget)
        if kind == "report":
            return {"decision": policy.decision(value, self.fail_on), "report": value.to_json_dict()}
        if kind == "crashed":
            value = f"internal error while checking the story: {value}; the server goes on serving"
        elif kind == "busy":
            value = (f"every checker ({self.pool.size}) stayed busy for the whole time budget of "
                     f"{self.budget:g} s; try again shortly")
        elif kind == "over-budget":
            value = (f"the check did not finish within the time budget of {self.budget:g} s and was stopped; "
                     f"split the story, or start the server with a longer --timeout")
        raise RequestError(STATUS[kind], str(value), {"Retry-After": "1"} if kind == "busy" else None)


def _fields(request: dict) -> dict:
    """The request's fields, checked for type and content; RequestError (400) otherwise."""
    for key in request:
        _no_surrogate(key, "a field name")
    unknown = sorted(set(request) - set(FIELDS))
    if unknown:
        raise RequestError(400, f"unknown field {_shown(unknown[0])}; expected {', '.join(FIELDS)}")
    body, fmt = request.get("body"), request.get("format") or "text"
    published, path = request.get("published"), request.get("path")
    if not isinstance(body, str):
        raise RequestError(400, f'"body": expected the story as a string, got {_shown(body)}')
    if not body.strip():
        raise RequestError(400, '"body": the story is empty')
    if not isinstance(fmt, str) or fmt not in FORMATS:
        raise RequestError(400, f'"format": expected one of {", ".join(FORMATS)}, got {_shown(fmt)}')
    if published is not None and not isinstance(published, str):
        raise RequestError(400, f'"published": expected a date as YYYY-MM-DD, got {_shown(published)}')
    if path is not None and not isinstance(path, str):
        raise RequestError(400, f'"path": expected a string, got {_shown(path)}')
    for name in FIELDS:
        if isinstance(request.get(name), str):
            _no_surrogate(request[name], f'"{name}"')
    return {"body": body, "format": fmt, "published": published, "path": path}


def _no_surrogate(text: str, where: str) -> None:
    """JSON's \\u escapes can carry half of a UTF-16 pair, which is not text: refuse it here."""
    match = _SURROGATE.search(text)
    if match:
        raise RequestError(400, f"{where}: a lone surrogate (\\u{ord(match.group()):04x}) at character "
                                f"{match.start() + 1} is not text; expected valid Unicode (is a \\u escape broken?)")


def _shown(value) -> str:
    """A short description of a JSON value for a message: a string quoted (cut), else its type."""
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "...")
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    kinds = {int: "a number", float: "a number", list: "an array", dict: "an object"}
    return kinds.get(type(value), type(value).__name__)


class _DeadlineReader(io.RawIOBase):
    """The socket, read with one deadline for the whole request (headers and body), not a
    timeout per read that a client could renew forever by sending a byte at a time."""

    def __init__(self, sock, deadline: float):
        self.sock, self.deadline = sock, deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the request did not arrive within its time budget")
        self.sock.settimeout(remaining)
        return self.sock.recv_into(buffer)


class Handler(BaseHTTPRequestHandler):
    server: FactcheckServer
    server_version = f"factcheck/{__version__}"

    def setup(self) -> None:
        self.deadline = time.monotonic() + self.server.budget
        super().setup()
        self.rfile.close()  # releases makefile's hold on the socket, so closing it really closes it
        self.rfile = io.BufferedReader(_DeadlineReader(self.connection, self.deadline))

    def do_GET(self) -> None:
        self._dispatch()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_GET

    def _dispatch(self) -> None:
        headers = {}
        try:
            self.server.authorize(self.headers.get("Authorization"))
            path = self.path.split("?", 1)[0]
            if path not in ROUTES:
                raise RequestError(404, f"no such endpoint {_shown(path)}; try GET /health or POST /check")
            if self.command != ROUTES[path]:
                headers["Allow"] = ROUTES[path]
                raise RequestError(405, f"{path} accepts {ROUTES[path]}, not {self.command}")
            if path == "/health":
                status, payload = 200, self._health()
            else:
                status, payload = 200, self.server.check(self._json(), self.deadline)
        except RequestError as exc:
            status, payload = exc.status, {"error": str(exc)}
            headers.update(exc.headers)
        except Exception as exc:  # a bug in the server: log it, name it, keep serving
            traceback.print_exc(file=sys.stderr)
            status, payload = 500, {"error": f"internal error: {type(exc).__name__}: {exc}; the server goes on serving"}
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
        size = int(length)
        if size > self.server.max_bytes:
            raise RequestError(413, f"the request is {size:,} bytes; the limit is {self.server.max_bytes:,}")
        try:
            data = self.rfile.read(size)
        except TimeoutError:
            raise RequestError(408, f"the request body did not arrive within the time budget of "
                                    f"{self.server.budget:g} s") from None
        if len(data) < size:
            raise RequestError(400, f"the request body ended after {len(data):,} of the {size:,} bytes announced")
        try:
            request = json.loads(data.decode("utf-8"))
        except RecursionError:
            raise RequestError(400, "the request body is not valid JSON: nested too deeply") from None
        except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError, and integers too long to read
            raise RequestError(400, f"the request body is not valid JSON: {exc}") from None
        if not isinstance(request, dict):
            raise RequestError(400, 'expected a JSON object like {"body": "story text"}')
        return request

    def _send(self, status: int, payload: dict, headers: dict | None = None) -> None:
        try:
            text = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate somewhere: escape it rather than fail
            text = json.dumps(payload).encode("ascii")
        self.connection.settimeout(self.server.budget)  # a client that will not read cannot hold us
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(text)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status >= 400:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(text)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors http.server raises itself (a malformed request line, say) as JSON, not HTML."""
        self._send(code, {"error": message or HTTPStatus(code).phrase})

    def log_message(self, format: str, *args) -> None:
        if not self.server.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")


def make_server(host: str = "127.0.0.1", port: int = 8765, *, model: str = DEFAULT_MODEL,
                reference: ReferenceSet | None = None, max_bytes: int = 1_000_000,
                fail_on: str = "error", quiet: bool = False, token: str | None = None,
                timeout: float = 30.0, max_connections: int = 64, workers: int = 2,
                checker: Checker = check_fields) -> FactcheckServer:
    """A server bound to host:port (port 0 picks a free one), its workers' pipelines loaded; call
    serve_forever() to answer requests, shutdown() and server_close() to stop (server_close
    waits for the requests in flight and stops the workers). `checker` is the function a worker
    runs on a request's fields (a module-level function, so that it can be sent to a process)."""
    return FactcheckServer((host, port), model=model, reference=reference, max_bytes=max_bytes,
                           fail_on=fail_on, quiet=quiet, token=token, timeout=timeout,
                           max_connections=max_connections, workers=workers, checker=checker)


def serve(host: str = "127.0.0.1", port: int = 8765, **kwargs) -> None:
    """Run the service until SIGTERM or Ctrl-C, printing its URL once it listens. On either, it
    stops accepting connections, finishes the requests in flight, and returns."""
    warning = exposure_warning(host, kwargs.get("token"))
    if warning:
        print(f"factcheck: warning: {warning}", file=sys.stderr, flush=True)
    server = make_server(host, port, **kwargs)

    def stop(signum, frame) -> None:  # shutdown() waits for serve_forever, so not on this thread
        print("factcheck: SIGTERM: no new requests; finishing those in flight", file=sys.stderr, flush=True)
        threading.Thread(target=server.shutdown, daemon=True).start()

    previous = signal.signal(signal.SIGTERM, stop)
    print(f"factcheck: serving on http://{host}:{server.server_port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
