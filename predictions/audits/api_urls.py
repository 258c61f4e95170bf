from __future__ import annotations

from django.urls import path

from predictions.audits import api

urlpatterns = [
    path("audits/", api.AuditListApi.as_view(), name="audit-list"),
    path("audits/<id:pk>/", api.AuditDetailApi.as_view(), name="audit-detail"),
    path("audits/<id:pk>/results/", api.AuditResultsApi.as_view(), name="audit-results"),
    path("audits/<id:pk>/resume/", api.AuditResumeApi.as_view(), name="audit-resume"),
    path("authenticity/check/", api.AuthenticityCheckApi.as_view(), name="authenticity-check"),
]
