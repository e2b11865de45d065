"""schemathesis against the app's own OpenAPI schema (``/api/v1/openapi.json``), in-process over ASGI
with the access token: no request may get a server error, and every response must match the schema
(its body, content type and headers). Runs over a private copy of the demo study; examples are bounded
so the whole run stays well under a minute. Run with -s to see the figures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from schemathesis import GenerationMode
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
)

from cotheme.services.project import Project
from cotheme.web.app import create_app
from tests.web.conftest import TOKEN

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance, response_headers_conformance]
#: Examples per operation: valid requests, then invalid ones (there are ~45 operations).
EXAMPLES = {GenerationMode.POSITIVE: 4, GenerationMode.NEGATIVE: 2}
#: Operations that load a language model on first use take longer than a request may (10 s); they are
#: exercised by their own tests.
SLOW = {"POST /api/v1/deid/scan", "GET /api/v1/suggest", "GET /api/v1/assist"}
SLOW |= {"POST /api/v1/suggest", "POST /api/v1/suggest/accept", "GET /api/v1/similar",  # the
         "POST /api/v1/similar/accept", "GET /api/v1/assist/themes", "POST /api/v1/assist/evaluate"}  # suggestion model (tests/web/test_assist_http.py)
SLOW |= {"GET /api/v1/deid/risk"}  # the residual risk report looks with the model too (tests/web/test_deid_http.py)
SEEN: Counter[int] = Counter()


@pytest.fixture(scope="module")
def api_schema(demo_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[schemathesis.BaseSchema]:
    copy = tmp_path_factory.mktemp("schemathesis") / "demo.cotheme"
    copy.write_bytes(demo_path.read_bytes())
    project = Project.open(copy)
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    yield schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(project, TOKEN), headers=bearer)
    project.close()
    print(f"\nschemathesis: {sum(SEEN.values())} requests, status codes {dict(sorted(SEEN.items()))}")


def _operations(schema: schemathesis.BaseSchema) -> list[schemathesis.APIOperation]:
    found = []
    for result in schema.get_all_operations():
        found.append(result.ok())  # an operation schemathesis cannot read is itself a schema bug
    return found


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_keeps_its_schema(api_schema: schemathesis.BaseSchema, mode: GenerationMode) -> None:
    """Each operation with EXAMPLES generated requests (valid ones, then invalid ones)."""
    failures = []
    operations = _operations(api_schema)
    assert len(operations) >= 20
    for operation in operations:
        if operation.label in SLOW:
            continue

        @settings(max_examples=EXAMPLES[mode], deadline=None, suppress_health_check=list(HealthCheck),
                  phases=[Phase.generate], database=None)
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case: schemathesis.Case) -> None:
            response = case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)
            SEEN[response.status_code] += 1

        try:
            run()
        except Unsatisfiable:  # no invalid request exists for an operation without parameters
            continue
        except Exception as exc:  # noqa: BLE001 - collect every operation's failure, then report all
            failures.append(f"{operation.label}: {str(exc)[:600]}")
    assert failures == [], "\n\n".join(failures)
