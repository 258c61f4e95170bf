"""OpenAPI schema post-processing: every operation declares the errors the API can answer with, all in the one
error format, so that clients (and schemathesis) can rely on the document for 4xx responses too."""

from __future__ import annotations

from typing import Any

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                # field → messages; a nested or list field's messages are keyed by its index or sub-field.
                "fields": {"type": "object", "additionalProperties": {}},
                "retry_after_seconds": {"type": "integer"},
            },
        }
    },
}
ERRORS = {
    "400": "Invalid input: the message names the field",
    "401": "No or invalid credentials",
    "403": "Your role does not allow this",
    "404": "Not found (or not in your agencies), including a page number past the end",
    "405": "Method not allowed",
    "406": "Cannot answer in the requested format",
    "409": "Conflicts with the current state: a name already taken, not analysed yet, switched off on this server",
    "414": "Request line too long (answered by the app server)",
    "415": "Unsupported request body type",
    "429": "Too many requests: retry after retry_after_seconds",
    "503": "The database is not reachable for a moment: retry after the Retry-After header's seconds",
}


def _blank_urls(schema: Any) -> None:
    """URL fields answer "" when there is no URL (e.g. a profile without an avatar): a uri or the empty string."""
    if isinstance(schema, dict):
        if schema.get("format") == "uri":
            del schema["format"]
            schema["pattern"] = r"^$|^[a-zA-Z][a-zA-Z0-9+.-]*://"
        for value in schema.values():
            _blank_urls(value)
    elif isinstance(schema, list):
        for value in schema:
            _blank_urls(value)


NO_NUL = "^[^\\u0000]*$"  # DRF refuses NUL in every text field; the document says so


def _no_nul_in_strings(schema: Any) -> None:
    """Every free-text string a client sends may hold any character but NUL (what DRF's CharField refuses)."""
    if isinstance(schema, dict):
        if schema.get("type") == "string" and not {"pattern", "enum", "format"} & set(schema):
            schema["pattern"] = NO_NUL
        for value in schema.values():
            _no_nul_in_strings(value)
    elif isinstance(schema, list):
        for value in schema:
            _no_nul_in_strings(value)


def _query_parameters(result: dict[str, Any]) -> None:
    """Ids in the query are positive database ids; the page number is a positive integer."""
    from config.params import MAX_ID

    for methods in result.get("paths", {}).values():
        for operation in methods.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                if parameter.get("in") != "query":
                    continue
                if parameter.get("name") in ("organization", "page") and schema.get("type") == "integer":
                    schema.setdefault("minimum", 1)
                    schema.setdefault("maximum", MAX_ID)
                elif schema.get("type") == "string":
                    _no_nul_in_strings(schema)
                if (
                    not parameter.get("required")
                    and parameter.get("name") != "page"
                    and schema.get("type") in ("integer", "number", "boolean")
                ):
                    # An empty query value is a filter left unset, as an HTML form sends it (DRF reads it so).
                    parameter["schema"] = {"anyOf": [schema, {"type": "string", "enum": [""]}]}
                    parameter["description"] = (parameter.get("description", "") + " Empty: not set.").strip()


def declare_error_responses(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    _blank_urls(result.get("components", {}).get("schemas", {}))
    _no_nul_in_strings(
        {name: s for name, s in result.get("components", {}).get("schemas", {}).items() if name.endswith("Request")}
    )
    _query_parameters(result)
    result.setdefault("components", {}).setdefault("schemas", {})["ApiError"] = ERROR_SCHEMA
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/ApiError"}}}
    for methods in result.get("paths", {}).values():
        for operation in methods.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for code, description in ERRORS.items():
                operation["responses"].setdefault(code, {"description": description, "content": reference})
            # gunicorn refuses an over-long request line itself, before Django: its answer is a small HTML page.
            operation["responses"]["414"]["content"] = {"text/html": {"schema": {"type": "string"}}}
    return result
