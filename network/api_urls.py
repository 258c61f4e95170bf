from __future__ import annotations

from django.urls import path

from network import api

urlpatterns = [
    path("graphs/", api.GraphListCreateApi.as_view(), name="graph-list"),
    path("graphs/<int:pk>/", api.GraphDetailApi.as_view(), name="graph-detail"),
    path("graphs/<int:pk>/nodes/", api.GraphNodesApi.as_view(), name="graph-nodes"),
    path("graphs/<int:pk>/communities/", api.GraphCommunitiesApi.as_view(), name="graph-communities"),
    path("graphs/<int:pk>/export/<str:fmt>/", api.GraphExportApi.as_view(), name="graph-export"),
    path("graphs/<int:pk>/compare/<int:other_pk>/", api.GraphCompareApi.as_view(), name="graph-compare"),
]
