"""Hand a story to a running `factcheck serve` instead of loading spaCy here: a hook that runs on
every commit then answers in the time of one HTTP request, because the server keeps its model
loaded. The server's reference set, model and rules judge the story; the report is the same
`factcheck.report/1` a local check gives."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from .errors import CheckError
from .models import Report
from .source import Story

TIMEOUT = 60.0  # seconds for one story, the server's own time budget included


def check_remote(story: Story, server: str, *, token: str | None = None, timeout: float = TIMEOUT) -> Report:
    """The report of `story` from the server at `server` (http://host:port). CheckError, naming
    the story and the server, when the server cannot be reached or refuses the story."""
    where = story.path or "<stdin>"
    url = server.rstrip("/") + "/check"
    body = {"body": story.text, "format": story.format, "path": story.path,
            "published": story.published.isoformat() if story.published else None}
    request = urllib.request.Request(url, data=json.dumps(body).encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        raise CheckError(f"{where}: the factcheck server at {server} answered {exc.code}: "
                         f"{_message(exc)}") from None
    except OSError as exc:  # URLError is one: the address refused, unknown or timed out
        reason = getattr(exc, "reason", exc)
        raise CheckError(f"{where}: cannot reach the factcheck server at {server} ({reason}); start one with "
                         f"'factcheck serve', or check without --server") from None
    except json.JSONDecodeError:
        raise CheckError(f"{where}: the server at {server} did not answer with JSON; is it factcheck serve?") from None
    if not isinstance(answer, dict) or "report" not in answer:
        raise CheckError(f"{where}: the server at {server} answered without a report")
    return Report.model_validate(answer["report"])


def _message(error: urllib.error.HTTPError) -> str:
    try:
        return json.loads(error.read().decode("utf-8")).get("error", error.reason)
    except (ValueError, AttributeError, OSError):
        return str(error.reason)
