"""Working copies through a team server's web API, for a laptop that reaches the server but not its
database: log in as the member, download the copy (``POST /api/v1/checkout``), and later upload it
back (``POST /api/v1/checkin``). The server does the work, with the same rules as its pages; this
module only speaks HTTP (the standard library's client: nothing extra to install).

Must not open a project.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.request import Request, urlopen

from cotheme.errors import Conflict, CothemeError, Forbidden, InputError, NotFound

#: Seconds to wait for the server (a check-in of a large copy is one request).
TIMEOUT_S = 300


def is_server(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def _call(url: str, body: bytes, content_type: str, token: str | None = None) -> tuple[bytes, dict[str, str]]:
    headers = {"Content-Type": content_type, "Accept": "application/json, application/octet-stream"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        with urlopen(Request(url, data=body, headers=headers, method="POST"), timeout=TIMEOUT_S) as response:  # noqa: S310 - the user's own server
            return response.read(), dict(response.headers)
    except HTTPError as error:
        try:
            sentence = json.loads(error.read()).get("error") or error.reason
        except ValueError:
            sentence = error.reason
        kind: type[CothemeError] = {401: Forbidden, 403: Forbidden, 404: NotFound, 409: Conflict}.get(error.code, InputError)
        raise kind(f"The server answered {error.code}: {sentence}") from None
    except URLError as error:
        raise InputError(f"Could not reach {url}: {error.reason}. Check the address and that the server runs.") from None


def login(server: str, member: str, password: str) -> str:
    body = json.dumps({"name": member, "password": password}).encode()
    data, _ = _call(f"{server.rstrip('/')}/api/v1/login", body, "application/json")
    return str(json.loads(data)["token"])


def checkout(server: str, member: str, password: str, out: Path, documents: list[str] | None) -> dict[str, Any]:
    """Download ``member``'s working copy from a team server into the new file ``out``."""
    if out.exists():
        raise Conflict(f"{out} already exists; choose a new file name for the working copy.")
    token = login(server, member, password)
    body = json.dumps({"documents": documents or []}).encode()
    data, _ = _call(f"{server.rstrip('/')}/api/v1/checkout", body, "application/json", token)
    out.write_bytes(data)
    out.chmod(0o600)
    return {"path": str(out), "member": member, "server": server}


def checkin(server: str, member: str, password: str, copy: Path) -> dict[str, Any]:
    """Upload a working copy to the team server it came from; the server's summary of the merge."""
    token = login(server, member, password)
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{copy.name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode() + copy.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    data, _ = _call(f"{server.rstrip('/')}/api/v1/checkin", body, f"multipart/form-data; boundary={boundary}", token)
    return dict(json.loads(data))
