"""Instagram through instaloader: profile, recent posts and a resumable follower sample, under the shared limiter.

Fetched nodes are instaloader's own structures (what it writes to its .json files), so they go through the same
parsers as imports (profiles.importers.parsers.ig_profile / ig_post) and the same idempotent writer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from itertools import islice
from typing import Any

import instaloader
from instaloader.nodeiterator import FrozenNodeIterator, NodeIterator

from accounts.models import Organization
from profiles.fetchers import sessions
from profiles.fetchers.errors import (
    FetchError,
    LoginRequired,
    PrivateProfile,
    ProfileNotFound,
    RateLimited,
    UpstreamUnavailable,
)
from profiles.fetchers.ratelimit import SharedRateLimiter, limiter_for
from profiles.importers.parsers import Ctx, ig_post, ig_profile
from profiles.importers.records import ParsedFile, ProfileRecord

# After a 429 Instagram wants a pause: instaloader's own controller waits out its 11-minute window.
INSTAGRAM_BACKOFF = timedelta(minutes=11)


class SharedRateController(instaloader.RateController):
    """instaloader's hook for rate control, backed by the limiter every worker process shares.

    Waits that would hold a worker longer than the limiter's max_sleep, and every 429, become RateLimited, so the
    Celery task is retried when the platform allows instead of sleeping in the worker."""

    def __init__(self, context: instaloader.InstaloaderContext, limiter: SharedRateLimiter) -> None:
        super().__init__(context)
        self.limiter = limiter

    def wait_before_query(self, query_type: str) -> None:
        # instaloader has no hook after a query, so Instagram's slots count from the grant, not from the answer
        # (the other fetchers use limiter.slot()); INSTAGRAM_RATE_LIMIT (150 per 11 minutes) stays below the 200
        # GraphQL queries instaloader allows itself.
        self.limiter.acquire()

    def handle_429(self, query_type: str) -> None:
        retry_at = datetime.now(UTC) + INSTAGRAM_BACKOFF
        self.limiter.block_until(retry_at)
        raise RateLimited("Instagram answered 429 Too Many Requests.", retry_at=retry_at)

    def sleep(self, secs: float) -> None:
        if secs > self.limiter.max_sleep:
            raise RateLimited("Instagram asked us to wait.", retry_at=datetime.now(UTC) + timedelta(seconds=secs))
        super().sleep(secs)


class InstagramClient:
    """An instaloader session for one agency: its stored login if it has one, else anonymous."""

    def __init__(self, organization: Organization, *, limiter: SharedRateLimiter | None = None) -> None:
        self.organization = organization
        stored = sessions.session_load(organization=organization)
        self.username = stored[0] if stored else ""
        self.limiter = limiter or limiter_for(platform="instagram", credential=self.username)
        self.loader = instaloader.Instaloader(
            sleep=False,
            quiet=True,
            max_connection_attempts=2,
            download_pictures=False,
            download_videos=False,
            download_video_thumbnails=False,
            download_geotags=False,
            download_comments=False,
            save_metadata=False,
            compress_json=False,
            rate_controller=lambda context: SharedRateController(context, self.limiter),
        )
        if stored:
            self.loader.load_session(stored[0], stored[1])

    @property
    def context(self) -> instaloader.InstaloaderContext:
        return self.loader.context

    @property
    def logged_in(self) -> bool:
        return self.context.is_logged_in

    def save_session(self) -> None:
        if self.logged_in:
            sessions.session_save_refreshed(organization=self.organization, cookies=self.loader.save_session())

    @contextmanager
    def translated_errors(self, handle: str) -> Iterator[None]:
        """instaloader's exceptions as the project's fetch errors, with messages a user can act on."""
        try:
            yield
        except FetchError:
            raise
        except instaloader.ProfileNotExistsException as exc:
            raise ProfileNotFound(f"Instagram has no profile @{handle}.") from exc
        except instaloader.PrivateProfileNotFollowedException as exc:
            raise PrivateProfile(
                f"@{handle} is private and the agency's Instagram account does not follow it."
            ) from exc
        except instaloader.LoginRequiredException as exc:
            message = (
                f"Instagram requires a logged-in session to read @{handle}. Add the agency's Instagram session "
                "on the profiles page."
                if not self.logged_in
                else "Instagram rejected the agency's session; add a fresh one on the profiles page."
            )
            sessions.session_mark_failed(organization=self.organization, reason=str(exc))
            raise LoginRequired(message) from exc
        except instaloader.QueryReturnedNotFoundException as exc:
            raise ProfileNotFound(f"Instagram has no profile @{handle}.") from exc
        except instaloader.AbortDownloadException as exc:
            text = str(exc)
            if "please wait" in text.lower() or "429" in text:
                raise self._rate_limited(text) from exc
            raise LoginRequired(f"Instagram stopped the session: {text[:300]}") from exc
        except (instaloader.ConnectionException, instaloader.BadResponseException) as exc:
            text = str(exc)
            if "429" in text or "please wait" in text.lower() or "Too Many Requests" in text:
                raise self._rate_limited(text) from exc
            raise UpstreamUnavailable(f"Instagram did not answer properly: {text[:300]}") from exc

    def _rate_limited(self, text: str) -> RateLimited:
        retry_at = datetime.now(UTC) + INSTAGRAM_BACKOFF
        self.limiter.block_until(retry_at)
        return RateLimited(f"Instagram asked us to wait ({text[:120]}).", retry_at=retry_at)

    # --- profile and posts ---------------------------------------------------------------------------------------

    def fetch_profile(self, handle: str, *, post_limit: int) -> tuple[ParsedFile, bool]:
        """The profile and up to `post_limit` recent posts. Returns (records, is_private)."""
        parsed = ParsedFile("instagram api", source="api")
        ctx = Ctx("instagram api")
        with self.translated_errors(handle):
            profile = instaloader.Profile.from_username(self.context, handle)
            node = profile_node(profile)
            parsed.add_profile(ig_profile(node, ctx))
            followed = (node.get("friendship_status") or {}).get("following") or node.get("followed_by_viewer")
            is_private = bool(node.get("is_private")) and not (self.logged_in and followed)
            if not is_private and post_limit > 0:
                for post in islice(profile.get_posts(), post_limit):
                    parsed.add_post(ig_post(dict(post._asdict()), profile.username.lower(), ctx))
        self.save_session()
        return parsed, is_private

    # --- followers -----------------------------------------------------------------------------------------------

    def follower_iterator(self, handle: str, state: dict[str, Any]) -> NodeIterator[instaloader.Profile]:
        """A fresh follower iterator, or the frozen one in `state` thawed (no request is repeated)."""
        if not self.logged_in:
            raise LoginRequired(
                "Instagram only lists followers to a logged-in session. Add the agency's "
                "Instagram session on the profiles page."
            )
        frozen_dict = state.get("frozen") if state.get("kind") == "instaloader" else None
        with self.translated_errors(handle):
            if frozen_dict:
                frozen = FrozenNodeIterator(**frozen_dict)
                iterator: NodeIterator[instaloader.Profile] = NodeIterator(
                    self.context,
                    frozen.query_hash,
                    lambda d: d["data"]["user"]["edge_followed_by"],
                    lambda n: instaloader.Profile(self.context, n),
                    frozen.query_variables,
                    frozen.query_referer,
                    first_data=frozen.remaining_data,
                    doc_id=frozen.doc_id,
                )
                try:
                    iterator.thaw(frozen)
                    return iterator
                except instaloader.InvalidArgumentException:
                    pass  # another session user or expired: start over, upserts keep it duplicate-free
            profile = instaloader.Profile.from_username(self.context, handle)
            if profile.is_private and not profile.followed_by_viewer and profile.username != self.username:
                raise PrivateProfile(f"@{handle} is private and the agency's account does not follow it.")
            return profile.get_followers()

    def follower_record(self, follower: instaloader.Profile, handle: str) -> ProfileRecord:
        """A follower with its counts and bio (one profile query each: the list itself only has names)."""
        with self.translated_errors(handle):
            _ = follower.followers  # loads the full profile node through the limiter
            return ig_profile(profile_node(follower), Ctx("instagram api"))

    @staticmethod
    def follower_list_record(follower: instaloader.Profile) -> ProfileRecord:
        """A follower as the list page gave it (username, full name, picture, private, verified): no request."""
        return ig_profile(dict(follower._asdict()), Ctx("instagram api"))

    @staticmethod
    def freeze(iterator: NodeIterator[Any]) -> dict[str, Any]:
        return {"kind": "instaloader", "frozen": iterator.freeze()._asdict()}


def profile_node(profile: instaloader.Profile) -> dict[str, Any]:
    """The profile's node for ig_profile. instaloader's Profile._asdict() drops edge_owner_to_timeline_media (the
    post count with it); Profile.mediacount has the count, so it is put back."""
    node = dict(profile._asdict())
    node["edge_owner_to_timeline_media"] = {"count": profile.mediacount}
    return node


def fetch_followers(
    client: InstagramClient,
    *,
    handle: str,
    state: dict[str, Any],
    wanted: int,
    on_batch: Callable[[list[ProfileRecord], dict[str, Any]], None],
    batch_size: int = 25,
    judged_from_list: Callable[[ProfileRecord], bool] | None = None,
) -> None:
    """Iterate up to `wanted` more followers, handing them over in batches with the state to resume from.

    `judged_from_list` (staged audits): a follower it accepts from its list entry alone is kept as the list gave
    it, without the profile request; only the others are fetched in full.
    On RateLimited the batch so far is handed over first (with the frozen iterator), then the error propagates."""
    iterator = client.follower_iterator(handle, state)
    batch: list[ProfileRecord] = []
    taken = 0
    try:
        while taken < wanted:
            with client.translated_errors(handle):
                follower = next(iterator, None)
            if follower is None:
                break
            listed = client.follower_list_record(follower) if judged_from_list is not None else None
            if listed is not None and judged_from_list is not None and judged_from_list(listed):
                batch.append(listed)
            else:
                batch.append(client.follower_record(follower, handle))
            taken += 1
            if len(batch) >= batch_size:
                on_batch(batch, client.freeze(iterator))
                batch = []
    except RateLimited:
        on_batch(batch, client.freeze(iterator))
        raise
    finished = taken < wanted
    on_batch(batch, {"kind": "instaloader", "finished": True} if finished else client.freeze(iterator))
    client.save_session()


# --- the platform interface (profiles.platforms: PlatformSpec.fetchers names this module) --------------------------


def platform_profile_fetch(
    organization: Organization, handle: str, *, post_limit: int, platform: str = ""
) -> tuple[ParsedFile, bool]:
    return InstagramClient(organization).fetch_profile(handle, post_limit=post_limit)


def platform_followers_fetch(
    organization: Organization,
    *,
    handle: str,
    platform_id: str,
    state: dict[str, Any],
    wanted: int,
    on_batch: Callable[[list[ProfileRecord], dict[str, Any]], None],
    judged_from_list: Callable[[ProfileRecord], bool] | None = None,
) -> None:
    fetch_followers(
        InstagramClient(organization),
        handle=handle,
        state=state,
        wanted=wanted,
        on_batch=on_batch,
        judged_from_list=judged_from_list,
    )
