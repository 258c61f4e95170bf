"""Files served with HTTP byte ranges (RFC 9110 §14): a browser's video player asks for pieces (`Range: bytes=a-b`)
to start quickly and to seek; Django's FileResponse answers only whole files. One range per request, which is what
players send; anything else gets the whole file (200), an unsatisfiable range a 416."""

from __future__ import annotations

import re
from typing import Any

from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse

RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 256 * 1024


def _chunks(handle: Any, start: int, length: int):  # type: ignore[no-untyped-def]
    handle.seek(start)
    left = length
    try:
        while left > 0:
            data = handle.read(min(CHUNK, left))
            if not data:
                break
            left -= len(data)
            yield data
    finally:
        handle.close()


def ranged_file_response(request: HttpRequest, field: Any, *, content_type: str) -> HttpResponse:
    """The stored file `field` (a FieldFile), whole or the one range asked for."""
    size = int(field.size)
    match = RANGE_RE.match(request.headers.get("Range", "").strip())
    if not match or not (match.group(1) or match.group(2)):
        response: HttpResponse = FileResponse(field.open("rb"), content_type=content_type)
        response["Accept-Ranges"] = "bytes"
        return response
    first, last = match.groups()
    if first:
        start, end = int(first), min(int(last), size - 1) if last else size - 1
    else:  # the last N bytes
        start, end = max(0, size - int(last)), size - 1
    if start >= size or start > end:
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        return refused
    streamed = StreamingHttpResponse(
        _chunks(field.open("rb"), start, end - start + 1), status=206, content_type=content_type
    )
    streamed["Content-Range"] = f"bytes {start}-{end}/{size}"
    streamed["Content-Length"] = str(end - start + 1)
    streamed["Accept-Ranges"] = "bytes"
    return streamed
