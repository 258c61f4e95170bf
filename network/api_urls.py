from __future__ import annotations

from django.urls import path

from network import api

urlpatterns = [
    path("graphs/", api.GraphListCreateApi.as_view(), name="graph-list"),
    path("graphs/<id:pk>/", api.GraphDetailApi.as_view(), name="graph-detail"),
    path("graphs/<id:pk>/nodes/", api.GraphNodesApi.as_view(), name="graph-nodes"),
    path("graphs/<id:pk>/communities/", api.GraphCommunitiesApi.as_view(), name="graph-communities"),
    path("graphs/<id:pk>/export/<str:fmt>/", api.GraphExportApi.as_view(), name="graph-export"),
    path("graphs/<id:pk>/compare/<id:other_pk>/", api.GraphCompareApi.as_view(), name="graph-compare"),
]
