"""REST API for influence graphs: list / create (build or import) / retrieve, nodes, communities, export, compare."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.selectors import active_organization
from config.params import IdField, int_param
from network import selectors, services
from network.engine.io import EXPORT_FORMATS, FORMATS
from network.models import EdgeKind, GraphNode, GraphSnapshot


class GraphSerializer(serializers.ModelSerializer):
    progress_percent = serializers.IntegerField(read_only=True)

    class Meta:
        model = GraphSnapshot
        fields = [
            "id",
            "organization",
            "name",
            "source",
            "source_file_name",
            "source_format",
            "edge_kinds",
            "window_start",
            "window_end",
            "directed",
            "resolution",
            "backend",
            "status",
            "progress_percent",
            "error",
            "node_count",
            "edge_count",
            "community_count",
            "modularity",
            "created_at",
            "finished_at",
        ]


class GraphDetailSerializer(GraphSerializer):
    class Meta(GraphSerializer.Meta):
        fields = [*GraphSerializer.Meta.fields, "summary"]


class GraphCreateSerializer(serializers.Serializer):
    organization = IdField(required=False, help_text="Defaults to your first agency.")
    name = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    resolution = serializers.FloatField(required=False, default=1.0)
    # Build from agency data:
    edge_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=EdgeKind.choices),
        required=False,
        help_text="Without a file: the relations to build from (every kind when left out).",
    )
    window_start = serializers.DateTimeField(required=False, allow_null=True, default=None)
    window_end = serializers.DateTimeField(required=False, allow_null=True, default=None)
    # ...or import a file:
    file = serializers.FileField(required=False)
    format = serializers.ChoiceField(choices=FORMATS, required=False)
    directed = serializers.BooleanField(required=False, allow_null=True, default=None)

    def validate(self, attrs: dict) -> dict:
        if attrs.get("file") is None and not attrs.get("edge_kinds"):
            attrs["edge_kinds"] = list(EdgeKind.values)  # no file and no kinds: build from every kind of relation
        if attrs.get("file") is not None and not attrs.get("format"):
            raise serializers.ValidationError({"format": ["Say which format the file is in."]})
        return attrs


class NodeSerializer(serializers.ModelSerializer):
    profile_url = serializers.SerializerMethodField()

    class Meta:
        model = GraphNode
        fields = [
            "index",
            "key",
            "label",
            "profile",
            "profile_url",
            "community",
            "pagerank",
            "in_strength",
            "out_strength",
            "degree",
            "betweenness",
            "participation",
            "hashtags",
        ]

    def get_profile_url(self, node: GraphNode) -> str | None:
        return selectors.profile_url(node.profile_id)


@extend_schema_view(get=extend_schema(parameters=[OpenApiParameter("organization", int, required=False)]))
class GraphListCreateApi(generics.ListAPIView):
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    serializer_class = GraphSerializer

    def get_queryset(self) -> QuerySet[GraphSnapshot]:
        graphs = selectors.graph_list(user=self.request.user)
        organization_id = int_param(self.request.query_params, "organization")
        if organization_id is not None:
            graphs = graphs.filter(organization_id=organization_id)
        return graphs

    @extend_schema(request=GraphCreateSerializer, responses={202: GraphSerializer})
    def post(self, request: Request) -> Response:
        serializer = GraphCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        organization = active_organization(request=request, organization_id=data.get("organization"))
        if data.get("file") is not None:
            upload = data["file"]
            snapshot = services.graph_import(
                user=request.user,
                organization=organization,
                upload=upload,
                file_name=upload.name,
                fmt=data["format"],
                name=data["name"],
                directed=data["directed"],
                resolution=data["resolution"],
            )
        else:
            snapshot = services.graph_build_start(
                user=request.user,
                organization=organization,
                name=data["name"],
                edge_kinds=data["edge_kinds"],
                window_start=data["window_start"],
                window_end=data["window_end"],
                resolution=data["resolution"],
                directed=True if data["directed"] is None else data["directed"],
            )
        snapshot.refresh_from_db()
        return Response(GraphSerializer(snapshot).data, status=status.HTTP_202_ACCEPTED)


class GraphDetailApi(APIView):
    @extend_schema(responses=GraphDetailSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(GraphDetailSerializer(selectors.graph_get(user=request.user, pk=pk)).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        services.graph_delete(user=request.user, snapshot=selectors.graph_get(user=request.user, pk=pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    get=extend_schema(
        parameters=[
            OpenApiParameter("community", int, required=False),
            OpenApiParameter("min_degree", int, required=False),
            OpenApiParameter("search", str, required=False),
            OpenApiParameter("ordering", str, required=False, enum=list(selectors.NODE_ORDERINGS)),
        ]
    )
)
class GraphNodesApi(generics.ListAPIView):
    serializer_class = NodeSerializer

    def get_queryset(self) -> QuerySet[GraphNode]:
        snapshot = selectors.graph_get(user=self.request.user, pk=self.kwargs["pk"])
        params = self.request.query_params
        community = int_param(params, "community", minimum=0)
        min_degree = int_param(params, "min_degree", minimum=0)
        return selectors.graph_nodes(
            snapshot=snapshot,
            community=community,
            min_degree=min_degree,
            search=params.get("search", ""),
            ordering=params.get("ordering", "pagerank"),
        )


class GraphCommunitiesApi(APIView):
    @extend_schema(responses={200: dict})
    def get(self, request: Request, pk: int) -> Response:
        snapshot = selectors.graph_get(user=request.user, pk=pk)
        return Response(
            {
                "modularity": snapshot.modularity,
                "count": snapshot.community_count,
                "resolution": snapshot.resolution,
                "communities": selectors.graph_communities(snapshot=snapshot),
                "bridges": snapshot.summary.get("bridges", []),
                "viral_hashtags": snapshot.summary.get("viral_hashtags", []),
            }
        )


class GraphExportApi(APIView):
    @extend_schema(
        responses={(200, "application/octet-stream"): bytes},
        parameters=[OpenApiParameter("fmt", str, OpenApiParameter.PATH, enum=list(EXPORT_FORMATS))],
    )
    def get(self, request: Request, pk: int, fmt: str) -> HttpResponse:
        snapshot = selectors.graph_get(user=request.user, pk=pk)
        content, content_type, filename = selectors.graph_export(snapshot=snapshot, fmt=fmt)
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class GraphCompareApi(APIView):
    @extend_schema(responses={200: dict})
    def get(self, request: Request, pk: int, other_pk: int) -> Response:
        base = selectors.graph_get(user=request.user, pk=pk)
        other = selectors.graph_get(user=request.user, pk=other_pk)
        return Response(selectors.graph_compare(base=base, other=other))
