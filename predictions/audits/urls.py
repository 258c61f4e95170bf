from __future__ import annotations

from django.urls import path

from predictions.audits import views

urlpatterns = [
    path("audits/", views.audit_list, name="audit_list"),
    path("audits/check/", views.authenticity_check, name="authenticity_check"),
    path("audits/<id:pk>/", views.audit_detail, name="audit_detail"),
    path("audits/<id:pk>/progress/", views.audit_progress, name="audit_progress"),
    path("audits/<id:pk>/resume/", views.audit_resume, name="audit_resume"),
    path("audits/<id:pk>/export.csv", views.audit_export, name="audit_export"),
]
