from __future__ import annotations

from django.urls import path

from network import views

app_name = "network"
urlpatterns = [
    path("", views.graph_list, name="graph_list"),
    path("build/", views.graph_build, name="graph_build"),
    path("import/", views.graph_import, name="graph_import"),
    path("<id:pk>/", views.graph_detail, name="graph_detail"),
    path("<id:pk>/progress/", views.graph_progress, name="graph_progress"),
    path("<id:pk>/data.json", views.graph_data, name="graph_data"),
    path("<id:pk>/export/<str:fmt>/", views.graph_export, name="graph_export"),
    path("<id:pk>/compare/", views.graph_compare, name="graph_compare"),
    path("<id:pk>/delete/", views.graph_delete, name="graph_delete"),
]
