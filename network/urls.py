from __future__ import annotations

from django.urls import path

from network import views

app_name = "network"
urlpatterns = [
    path("", views.graph_list, name="graph_list"),
    path("build/", views.graph_build, name="graph_build"),
    path("import/", views.graph_import, name="graph_import"),
    path("<int:pk>/", views.graph_detail, name="graph_detail"),
    path("<int:pk>/progress/", views.graph_progress, name="graph_progress"),
    path("<int:pk>/data.json", views.graph_data, name="graph_data"),
    path("<int:pk>/export/<str:fmt>/", views.graph_export, name="graph_export"),
    path("<int:pk>/compare/", views.graph_compare, name="graph_compare"),
    path("<int:pk>/delete/", views.graph_delete, name="graph_delete"),
]
