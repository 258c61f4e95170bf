"""Every API list is a DRF generic list view: paginated by the settings' paginator, and documented as such."""

from __future__ import annotations

import pytest
from drf_spectacular.generators import SchemaGenerator

LIST_ENDPOINTS = [
    "/api/v1/organizations/",
    "/api/v1/organizations/{organization_id}/members/",
    "/api/v1/organizations/{organization_id}/invitations/",
    "/api/v1/tokens/",
    "/api/v1/profiles/",
    "/api/v1/profiles/{id}/snapshots/",
    "/api/v1/profiles/{id}/posts/",
    "/api/v1/campaigns/",
    "/api/v1/submissions/",
    "/api/v1/audits/",
    "/api/v1/audits/{id}/results/",
    "/api/v1/graphs/",
    "/api/v1/graphs/{id}/nodes/",
]


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


@pytest.mark.parametrize("path", LIST_ENDPOINTS)
def test_each_list_endpoint_is_documented_as_a_paginated_page(schema, path):
    ok = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    component = schema["components"]["schemas"][ok["$ref"].rsplit("/", 1)[1]]
    assert {"count", "next", "previous", "results"} <= set(component["properties"])


def test_an_over_long_request_line_is_documented_as_the_app_servers_html_page(schema):
    """gunicorn answers 414 itself, before Django can use the error format; the schema says what it really sends."""
    for methods in schema["paths"].values():
        for operation in methods.values():
            assert operation["responses"]["414"]["content"] == {"text/html": {"schema": {"type": "string"}}}
            assert "application/json" in operation["responses"]["404"]["content"]
