"""Every POST, PATCH and PUT operation of the OpenAPI schema with hostile values, on SQLite and
PostgreSQL: unknown ids, integers beyond 32 and 64 bits, text holding NUL and very long text. None may
answer a server error (the schemathesis run in test_api_schema.py generates random requests on SQLite
only; these are the values that broke PostgreSQL, each put into one field at a time while the others
stay valid, so that the hostile value reaches the code behind the schema).

About 180 requests per engine (5 s); run with -s to see the status codes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from copy import deepcopy
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cotheme.services.project import Project
from tests.web.test_api_errors import no_raise_client

Json = Any
#: Values an integer field gets, one field at a time: an id nothing has, then beyond 32 and 64 bits.
HOSTILE_INTS = [999_999, 2**31, 2**63]
#: Values a text field gets: NUL (PostgreSQL cannot store it) and 100,000 characters.
HOSTILE_TEXTS = ["be\x00fore", "x" * 100_000]
#: Operations that load a language model (seconds each); their own tests cover them.
MODEL = {"/api/v1/deid/scan", "/api/v1/suggest", "/api/v1/suggest/accept", "/api/v1/similar/accept"}


@pytest.fixture
def fuzzed(hostile_project: Project) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    project = hostile_project
    project.code(1, "Trust", quote="diary")
    project.create_theme("Being heard")
    project.add_memo("A first memo.")
    client = no_raise_client(project)
    yield client, client.get("/api/v1/openapi.json").json()


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in schema:  # X | None: the X
        return _resolve(spec, next(s for s in schema["anyOf"] if s.get("type") != "null"))
    return schema


def _valid(spec: dict[str, Any], schema: dict[str, Any]) -> Json:
    """A plausible valid value: ids of the first rows, the first choice of an enumeration."""
    schema = _resolve(spec, schema)
    kind = schema.get("type")
    if kind == "integer":
        return max(1, schema.get("minimum", 1))
    if kind == "number":
        return schema.get("minimum", 0.5)
    if kind == "boolean":
        return False
    if kind == "string":
        if "enum" in schema:
            return schema["enum"][0]
        if "pattern" in schema:  # the API's patterns are alternations such as ^(accept|reject)$
            return schema["pattern"].strip("^$()").split("|")[0]
        return "Trust"
    if kind == "array":
        items = schema.get("prefixItems") or [schema.get("items", {})] * max(1, schema.get("minItems", 1))
        return [_valid(spec, item) for item in items]
    if "properties" in schema:  # an optional field keeps its default (the schema leaves out None)
        required = set(schema.get("required", ()))
        return {name: _valid(spec, sub) if name in required else sub.get("default")
                for name, sub in schema["properties"].items()}
    if isinstance(schema.get("additionalProperties"), dict):
        return {"1": _valid(spec, schema["additionalProperties"])}
    return {}


def _slots(spec: dict[str, Any], schema: dict[str, Any], path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every integer and text field of ``schema`` as (path, type), including optional ones."""
    schema = _resolve(spec, schema)
    kind = schema.get("type")
    if kind in ("integer", "string"):
        yield path, kind
    elif kind == "array":
        for index, item in enumerate(schema.get("prefixItems") or [schema.get("items", {})]):
            yield from _slots(spec, item, (*path, index))
    elif "properties" in schema:
        for name, sub in schema["properties"].items():
            yield from _slots(spec, sub, (*path, name))
    elif isinstance(schema.get("additionalProperties"), dict):
        yield from _slots(spec, schema["additionalProperties"], (*path, "1"))


def _replaced(value: Json, path: tuple[Any, ...], new: Json) -> Json:
    copy = deepcopy(value)
    *parents, last = path
    holder = copy
    for step, following in zip(parents, (*parents[1:], last), strict=True):
        if holder[step] is None:  # an optional list or object left out: the hostile value starts it
            holder[step] = [] if isinstance(following, int) else {}
        holder = holder[step]
    if isinstance(holder, list) and last >= len(holder):
        holder.append(new)
    else:
        holder[last] = new
    return copy


def _requests(spec: dict[str, Any]) -> Iterator[tuple[str, str, Json]]:
    """(method, url, body) for every hostile variant of every changing operation."""
    for template, operations in spec["paths"].items():
        for method, operation in operations.items():
            if method not in ("post", "patch", "put") or template in MODEL:
                continue
            params = {p["name"]: _valid(spec, p["schema"]) for p in operation.get("parameters", [])}
            content = operation.get("requestBody", {}).get("content", {}).get("application/json")
            body = _valid(spec, content["schema"]) if content else None
            request = {"path": params, "body": body}
            slots = [(("path", p["name"]), _resolve(spec, p["schema"]).get("type"))
                     for p in operation.get("parameters", [])]
            slots += list(_slots(spec, content["schema"], ("body",))) if content else []
            for where, kind in slots:
                for value in HOSTILE_INTS if kind == "integer" else HOSTILE_TEXTS if kind == "string" else []:
                    changed = _replaced(request, where, value)
                    yield method, template.format(**changed["path"]), changed["body"]


def test_no_changing_operation_answers_a_server_error(fuzzed: tuple[TestClient, dict[str, Any]]) -> None:
    client, spec = fuzzed
    seen: Counter[int] = Counter()
    errors = []
    for method, url, body in _requests(spec):
        answer = client.request(method, url, json=body)
        seen[answer.status_code] += 1
        if answer.status_code >= 500 or "error" not in answer.json() and answer.status_code >= 400:
            errors.append(f"{method.upper()} {url} {str(body)[:200]!r}: {answer.status_code} {answer.text[:300]}")
    print(f"\nfuzz: {sum(seen.values())} requests, status codes {dict(sorted(seen.items()))}")
    assert sum(seen.values()) > 150
    assert errors == []
