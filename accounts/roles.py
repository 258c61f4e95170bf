"""Roles inside an agency and what each may do. Checked in selectors/services, never in templates alone."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    MANAGER = "manager", "Manager"
    REVIEWER = "reviewer", "Reviewer"
    INFLUENCER = "influencer", "Influencer"
    VIEWER = "viewer", "Viewer"


class Capability(models.TextChoices):
    MANAGE_ORGANIZATION = "manage_organization"  # rename, delete, change roles of owners
    MANAGE_MEMBERS = "manage_members"  # invite, remove, change roles
    MANAGE_DATA = "manage_data"  # link profiles, imports, audits, graphs, campaigns
    REVIEW_CONTENT = "review_content"  # approve / request changes on submissions
    SUBMIT_CONTENT = "submit_content"  # upload planned posts
    DISCOVER = "discover"  # search creators, lookalikes, shortlists (agency staff; not outside influencers)
    VIEW = "view"
    # The agency's own research: every profile, audit, graph and the member list. Not for influencers, who are
    # outside creators: they see their campaigns (by invitation), their own submissions, profiles and audits.
    VIEW_AGENCY = "view_agency"


ROLE_CAPABILITIES: dict[str, frozenset[str]] = {
    Role.OWNER: frozenset(Capability.values),
    Role.MANAGER: frozenset(
        {
            Capability.MANAGE_MEMBERS,
            Capability.MANAGE_DATA,
            Capability.REVIEW_CONTENT,
            Capability.SUBMIT_CONTENT,
            Capability.DISCOVER,
            Capability.VIEW,
            Capability.VIEW_AGENCY,
        }
    ),
    Role.REVIEWER: frozenset({Capability.REVIEW_CONTENT, Capability.DISCOVER, Capability.VIEW, Capability.VIEW_AGENCY}),
    Role.INFLUENCER: frozenset({Capability.SUBMIT_CONTENT, Capability.VIEW}),
    Role.VIEWER: frozenset({Capability.DISCOVER, Capability.VIEW, Capability.VIEW_AGENCY}),
}


AGENCY_WIDE_ROLES: tuple[str, ...] = tuple(
    role for role in Role.values if Capability.VIEW_AGENCY in ROLE_CAPABILITIES[role]
)


def role_can(role: str, capability: str) -> bool:
    return capability in ROLE_CAPABILITIES.get(role, frozenset())
