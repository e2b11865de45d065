"""The team's own language model: which endpoint, whether its host is allowed, and the two clients
(OpenAI-compatible chat completions and Ollama's /api/chat), streaming.

Settings (environment, set by whoever runs cotheme for the team): ``COTHEME_LLM_URL`` (the endpoint's
base URL), ``COTHEME_LLM_API`` (``openai`` or ``ollama``), ``COTHEME_LLM_MODEL`` (the model's name on
that server), ``COTHEME_LLM_HOSTS`` (further allowed hosts: names, addresses or networks, comma-separated;
127.0.0.1, ::1 and localhost are always allowed) and ``COTHEME_LLM_TIMEOUT`` (seconds).

The host check runs before every call: the URL's host is resolved and every address it resolves to must
be a loopback address, or the host must be listed by name, or every address must lie in a listed address
or network. The connection then goes to the address that was checked (not resolved again), so a name
cannot change its answer between the check and the call. Redirects are never followed (a 3xx is refused
with a sentence naming where it pointed). What the server sends is read up to ``MAX_RESPONSE_BYTES`` and
the text kept up to ``MAX_TEXT_CHARS``: it is untrusted, and only ever shown as text.

Must not send anything but the prompt it is given, nor read any other setting or file.
"""

from __future__ import annotations

import http.client
import ipaddress
import json
import os
import re
import socket
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from cotheme.errors import Conflict, InvalidArgument, ProjectError

URL_ENV, API_ENV, MODEL_ENV, HOSTS_ENV, TIMEOUT_ENV = (
    "COTHEME_LLM_URL", "COTHEME_LLM_API", "COTHEME_LLM_MODEL", "COTHEME_LLM_HOSTS", "COTHEME_LLM_TIMEOUT")
APIS = ("openai", "ollama")
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
HOW_TO_SET_UP = (
    "Drafts need a language model your team runs itself: start one on this machine (for example "
    "'ollama serve' and 'ollama pull llama3.1:8b', or llama.cpp's 'llama-server'), then set "
    "COTHEME_LLM_URL (e.g. http://127.0.0.1:11434), COTHEME_LLM_API (ollama or openai) and COTHEME_LLM_MODEL; "
    "a server elsewhere must be listed in COTHEME_LLM_HOSTS (see docs/assist.md, 'Drafts')."
)
#: Whole answer read at most (bytes): a definition or a summary is a few kilobytes; a streamed answer
#: carries ~100 bytes of framing per piece, so 512 KB is ~4,000 pieces.
MAX_RESPONSE_BYTES = 512 * 1024
#: Draft text kept at most (characters): a page of text; the rest is dropped and the draft marked cut.
MAX_TEXT_CHARS = 6000
#: Tokens asked for at most (the server stops there): ~MAX_TEXT_CHARS at ~4 characters a token.
MAX_TOKENS = 1500
DEFAULT_TIMEOUT = 120.0


class EndpointMissing(Conflict):
    """No endpoint is set up (a state of the set-up, not a fault: 409 and the sentence saying how)."""


class EndpointUnavailable(ProjectError):
    """The endpoint did not answer, or answered with an error."""


class HostRefused(Conflict):
    """The endpoint's host is not on the allow-list (or resolves outside it)."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    url: str
    api: str
    model: str
    hosts: tuple[str, ...]
    timeout: float


def configured(environ: dict[str, str] | None = None) -> Endpoint | None:
    """The endpoint the settings name, or ``None`` when ``COTHEME_LLM_URL`` is unset."""
    env = os.environ if environ is None else environ
    url = env.get(URL_ENV, "").strip().rstrip("/")
    if not url:
        return None
    api = env.get(API_ENV, "").strip().lower() or ("ollama" if urlsplit(url).port == 11434 else "openai")
    if api not in APIS:
        raise InvalidArgument(f"{API_ENV} must be 'openai' or 'ollama', not '{api}'.")
    hosts = tuple(h.strip().lower() for h in env.get(HOSTS_ENV, "").split(",") if h.strip())
    try:
        timeout = float(env.get(TIMEOUT_ENV, "") or DEFAULT_TIMEOUT)
    except ValueError:
        raise InvalidArgument(f"{TIMEOUT_ENV} must be a number of seconds.") from None
    return Endpoint(url, api, env.get(MODEL_ENV, "").strip(), hosts, timeout)


def require() -> Endpoint:
    found = configured()
    if found is None:
        raise EndpointMissing(HOW_TO_SET_UP)
    if found.api == "ollama" and not found.model:
        raise EndpointMissing(f"Name the model to use in {MODEL_ENV} (e.g. llama3.1:8b).")
    return found


def describe() -> dict[str, Any]:
    """What the settings say, for status lines and the page: set up or not, and how."""
    found = configured()
    if found is None:
        return {"configured": False, "url": "", "api": "", "model": "", "hosts": [], "how_to_set_up": HOW_TO_SET_UP}
    return {"configured": True, "url": found.url, "api": found.api, "model": found.model,
            "hosts": ["127.0.0.1", "::1", "localhost", *found.hosts], "how_to_set_up": HOW_TO_SET_UP}


Resolver = Callable[[str, int], list[str]]


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise EndpointUnavailable(f"The drafts endpoint's host '{host}' cannot be resolved.") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _listed(address: str, hosts: tuple[str, ...]) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    for entry in hosts:
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue  # a name, not an address
    return False


def check_host(url: str, hosts: tuple[str, ...] = (), resolver: Resolver = _resolve) -> str:
    """The address to connect to for ``url``, after checking it is allowed; else ``HostRefused``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidArgument(f"The drafts endpoint must be an http:// or https:// URL, not '{url}'.")
    host = parts.hostname.lower()
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addresses = resolver(host, port)
    if not addresses:
        raise EndpointUnavailable(f"The drafts endpoint's host '{host}' cannot be resolved.")
    named = host in hosts and host not in LOOPBACK_NAMES
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not (ip.is_loopback or named or _listed(address, hosts)):
            raise HostRefused(
                f"cotheme sends transcripts only to 127.0.0.1 or a host listed in {HOSTS_ENV}; "
                f"'{host}' ({address}) is not one, so nothing was sent.")
    return addresses[0]


class _Pinned(http.client.HTTPConnection):
    """An HTTP connection to the address that was checked, whatever the name resolves to now."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedTLS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        raw = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(raw, server_hostname=self.host)  # type: ignore[attr-defined]


@dataclass
class Reply:
    """What a call streams: pieces of text; the model's name and digest once the server says them."""

    model: str = ""
    digest: str = ""
    truncated: bool = False


def _request(endpoint: Endpoint, method: str, path: str, body: dict[str, Any] | None,
             resolver: Resolver) -> http.client.HTTPResponse:
    url = endpoint.url + path
    address = check_host(url, endpoint.hosts, resolver)  # before every call
    parts = urlsplit(url)
    cls = _PinnedTLS if parts.scheme == "https" else _Pinned
    conn = cls(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80), address,
               endpoint.timeout)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    data = None if body is None else json.dumps(body).encode("utf-8")
    try:
        conn.request(method, target or "/", body=data, headers={"Content-Type": "application/json",
                                                               "Accept": "application/json"})
        response = conn.getresponse()
    except (OSError, http.client.HTTPException) as exc:
        conn.close()
        raise EndpointUnavailable(f"The drafts endpoint {endpoint.url} did not answer ({exc}).") from None
    if 300 <= response.status < 400:
        where = response.getheader("Location", "")
        conn.close()
        raise HostRefused(f"The drafts endpoint answered with a redirect to '{where[:200]}'; cotheme does not "
                          "follow redirects, so nothing more was sent.")
    if response.status >= 400:
        detail = response.read(300).decode("utf-8", "replace").strip().replace("\n", " ")
        conn.close()
        raise EndpointUnavailable(f"The drafts endpoint answered {response.status}: {detail[:200]}")
    return response


def _lines(response: http.client.HTTPResponse, reply: Reply) -> Iterator[bytes]:
    """The response's lines, at most ``MAX_RESPONSE_BYTES`` in all."""
    read = 0
    try:
        while True:
            line = response.readline(MAX_RESPONSE_BYTES + 1)
            if not line:
                return
            read += len(line)
            if read > MAX_RESPONSE_BYTES:
                reply.truncated = True
                return
            yield line
    finally:
        response.close()


def _openai_pieces(response: http.client.HTTPResponse, reply: Reply) -> Iterator[str]:
    for raw in _lines(response, reply):
        line = raw.decode("utf-8", "replace").strip()
        if not line.startswith("data:"):
            continue
        payload = line[5:].strip()
        if payload == "[DONE]":
            return
        chunk = _json(payload)
        reply.model = reply.model or str(chunk.get("model") or "")[:200]
        reply.digest = reply.digest or str(chunk.get("system_fingerprint") or "")[:200]
        for choice in chunk.get("choices") or []:
            piece = ((choice or {}).get("delta") or {}).get("content")
            if isinstance(piece, str) and piece:
                yield piece


def _ollama_pieces(response: http.client.HTTPResponse, reply: Reply) -> Iterator[str]:
    for raw in _lines(response, reply):
        chunk = _json(raw.decode("utf-8", "replace").strip())
        reply.model = reply.model or str(chunk.get("model") or "")[:200]
        piece = (chunk.get("message") or {}).get("content") if isinstance(chunk.get("message"), dict) else None
        if isinstance(piece, str) and piece:
            yield piece
        if chunk.get("done") is True:
            return


#: Control characters dropped from what the model sends (all of C0 and C1 but newline and tab): an
#: escape sequence printed in a terminal could rewrite the screen or the window title.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(piece: str) -> str:
    """Text from the model with the control characters removed (it is shown in terminals and pages)."""
    return _CONTROLS.sub("", piece)


def _json(text: str) -> dict[str, Any]:
    try:
        found = json.loads(text) if text else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def ollama_digest(endpoint: Endpoint, model: str, resolver: Resolver = _resolve) -> str:
    """The model's digest as Ollama lists it (``/api/tags``), or "" when it lists none."""
    response = _request(endpoint, "GET", "/api/tags", None, resolver)
    reply = Reply()
    body = _json(b"".join(_lines(response, reply)).decode("utf-8", "replace"))
    for entry in body.get("models") or []:
        if isinstance(entry, dict) and model in (entry.get("name"), entry.get("model")):
            return str(entry.get("digest") or "")[:200]
    return ""


def stream(endpoint: Endpoint, system: str, user: str, *, seed: int, reply: Reply,
           resolver: Resolver = _resolve) -> Iterator[str]:
    """Ask the model; yield the text as it arrives, at most ``MAX_TEXT_CHARS`` characters of it.

    Closing the iterator (a cancelled draft) closes the connection; the server stops generating."""
    messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
    if endpoint.api == "ollama":
        reply.digest = ollama_digest(endpoint, endpoint.model, resolver)
        body: dict[str, Any] = {"model": endpoint.model, "messages": messages, "stream": True,
                                "options": {"seed": seed, "temperature": 0, "num_predict": MAX_TOKENS}}
        response = _request(endpoint, "POST", "/api/chat", body, resolver)
        pieces = _ollama_pieces(response, reply)
    else:
        body = {"messages": messages, "stream": True, "seed": seed, "temperature": 0, "max_tokens": MAX_TOKENS}
        if endpoint.model:
            body["model"] = endpoint.model
        response = _request(endpoint, "POST", "/chat/completions", body, resolver)
        pieces = _openai_pieces(response, reply)
    kept = 0
    try:
        for raw in pieces:
            piece = clean(raw)
            if kept + len(piece) > MAX_TEXT_CHARS:
                reply.truncated = True
                yield piece[: MAX_TEXT_CHARS - kept]
                return
            kept += len(piece)
            yield piece
    finally:
        pieces.close()
        response.close()
    reply.model = reply.model or endpoint.model
