"""GET /api/v1/campaigns/{id}/report/: the campaign report as JSON, or with ?format=pdf / ?format=csv as a file.

The formats are DRF renderers over the one report dict, so content negotiation (the `format` query parameter or
an Accept header) picks the output and the API's error format still applies: an error under ?format=pdf comes
back as the usual JSON error body, not as a broken PDF.
"""

from __future__ import annotations

import json
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.renderers import BaseRenderer, BrowsableAPIRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from predictions.results import exports
from predictions.results.report import campaign_report_for_user


class _FileRenderer(BaseRenderer):
    extension = ""

    def render_report(self, report: dict[str, Any]) -> bytes:
        raise NotImplementedError

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: dict[str, Any] | None = None
    ) -> bytes:
        response = (renderer_context or {}).get("response")
        # Errors, and anything that is not a report (the OPTIONS metadata), go out as JSON whatever ?format= says.
        if (response is not None and response.status_code >= 400) or not (
            isinstance(data, dict) and "campaign" in data
        ):
            if response is not None:
                response["Content-Type"] = "application/json"
            return json.dumps(data).encode()
        if response is not None:
            response["Content-Disposition"] = f'attachment; filename="{exports.report_filename(data, self.extension)}"'
        return self.render_report(data)


class PdfRenderer(_FileRenderer):
    media_type = "application/pdf"
    format = "pdf"
    extension = "pdf"
    charset = None
    render_style = "binary"

    def render_report(self, report: dict[str, Any]) -> bytes:
        return exports.report_pdf(report)


class CsvRenderer(_FileRenderer):
    media_type = "text/csv"
    format = "csv"
    extension = "csv"
    charset = "utf-8"

    def render_report(self, report: dict[str, Any]) -> bytes:
        return exports.report_csv(report).encode("utf-8")


class CampaignReportApi(APIView):
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, PdfRenderer, CsvRenderer]

    @extend_schema(
        tags=["campaigns"],
        responses={
            (200, "application/json"): OpenApiTypes.OBJECT,
            (200, "application/pdf"): OpenApiTypes.BINARY,
            (200, "text/csv"): OpenApiTypes.STR,
        },
        parameters=[
            # Empty is the same as absent (DRF's format override ignores it): JSON.
            OpenApiParameter("format", str, enum=["json", "pdf", "csv", ""], required=False, description="empty: json")
        ],
        description="Per-campaign totals (submissions, published, predicted_likes, actual_likes, engagement_rate, "
        "emv, spend, cost_per_engagement, …), the formulas used, and one row per submission. Money is "
        "a decimal string in the agency's currency.",
    )
    def get(self, request: Request, pk: int) -> Response:
        report = campaign_report_for_user(user=request.user, pk=pk)
        if request.accepted_renderer.format in ("pdf", "csv"):
            return Response(report)
        return Response(exports.report_json(report))
