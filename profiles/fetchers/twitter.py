"""X (Twitter) through tweepy's v2 Client: user by username, recent posts with public metrics, follower pages.

Every request takes a slot from the shared limiter of its endpoint first; X's x-rate-limit-remaining /
x-rate-limit-reset headers then pause every worker until the window resets once an endpoint's budget is spent.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import requests
import tweepy
from django.conf import settings

from profiles.fetchers.errors import (
    IntegrationDisabled,
    LoginRequired,
    PrivateProfile,
    ProfileNotFound,
    RateLimited,
    UpstreamUnavailable,
)
from profiles.fetchers.ratelimit import Backend, SharedRateLimiter, limiter_for
from profiles.importers.parsers import Ctx, v2_user
from profiles.importers.parsers.twitter_v2 import add_owned_tweet
from profiles.importers.records import ParsedFile, ProfileRecord

USER_FIELDS = [
    "created_at",
    "description",
    "location",
    "profile_image_url",
    "protected",
    "public_metrics",
    "url",
    "verified",
]
TWEET_FIELDS = [
    "attachments",
    "author_id",
    "created_at",
    "entities",
    "in_reply_to_user_id",
    "lang",
    "public_metrics",
    "referenced_tweets",
]
# Retweets name their original and its author, so a retweet is stored as a repost, never as the account's post.
TWEET_EXPANSIONS = ["in_reply_to_user_id", "referenced_tweets.id", "referenced_tweets.id.author_id"]
DEFAULT_RESET = timedelta(minutes=15)  # X's rate-limit windows are 15 minutes


def endpoint_scope(route: str) -> str:
    """The rate-limit bucket of a route: X limits per endpoint, so the path parameters (user ids, usernames, tweet
    ids) are placeholders. A 429 on /2/users/by/username/nasa pauses every username lookup, not only @nasa's."""
    path = route.split("?")[0]
    path = re.sub(r"/by/username/[^/]+", "/by/username/:username", path)
    return re.sub(r"(?<=.)/\d+(?=/|$)", "/:id", path)  # not the leading /2 (the API version)


class LimitedClient(tweepy.Client):
    """tweepy's v2 Client with the shared limiter around every request and X's errors translated."""

    def __init__(self, bearer_token: str, *, backend: Backend | None = None) -> None:
        super().__init__(bearer_token=bearer_token, wait_on_rate_limit=False)
        self._backend = backend
        self._limiters: dict[str, SharedRateLimiter] = {}

    def limiter(self, route: str) -> SharedRateLimiter:
        scope = endpoint_scope(route)
        if scope not in self._limiters:
            self._limiters[scope] = limiter_for(
                platform="x", credential=self.bearer_token or "", scope=scope, backend=self._backend
            )
        return self._limiters[scope]

    def request(
        self, method: str, route: str, params: Any = None, json: Any = None, user_auth: bool = False
    ) -> requests.Response:
        limiter = self.limiter(route)
        try:
            with limiter.slot():  # counted from the answer: X counts the request when it arrives
                response = super().request(method, route, params=params, json=json, user_auth=user_auth)
        except tweepy.TooManyRequests as exc:
            retry_at = (
                datetime.fromtimestamp(exc.reset_time, tz=UTC)
                if getattr(exc, "reset_time", None)
                else datetime.now(UTC) + DEFAULT_RESET
            )
            limiter.block_until(retry_at)
            raise RateLimited("X answered 429 Too Many Requests.", retry_at=retry_at) from exc
        except tweepy.Unauthorized as exc:
            raise LoginRequired("X rejected the API bearer token (401 Unauthorized); check X_BEARER_TOKEN.") from exc
        except tweepy.Forbidden as exc:
            raise LoginRequired(f"X refused access with this API plan (403): {exc}"[:400]) from exc
        except tweepy.NotFound as exc:
            raise ProfileNotFound("X has no such account.") from exc
        except (tweepy.TwitterServerError, requests.RequestException) as exc:
            raise UpstreamUnavailable(f"X did not answer: {exc}"[:400]) from exc
        remaining = response.headers.get("x-rate-limit-remaining")
        reset = response.headers.get("x-rate-limit-reset")
        if remaining is not None and reset and remaining.strip().isdigit() and int(remaining) <= 0:
            limiter.block_until(float(reset))
        return response


def client_for_settings(*, backend: Backend | None = None) -> LimitedClient:
    token = settings.X_BEARER_TOKEN
    if not token:
        raise IntegrationDisabled("X fetching is off: X_BEARER_TOKEN is not set on the server.")
    return LimitedClient(token, backend=backend)


def _raise_for_errors(response: tweepy.Response, handle: str) -> None:
    for error in response.errors or []:
        kind = str(error.get("type", ""))
        if kind.endswith("resource-not-found"):
            raise ProfileNotFound(f"X has no account @{handle}.")
        if kind.endswith("not-authorized-for-resource"):
            raise PrivateProfile(f"@{handle}'s posts are protected.")
    if response.data is None and response.errors:
        detail = response.errors[0].get("detail") or response.errors[0].get("title") or "unknown error"
        raise UpstreamUnavailable(f"X returned an error for @{handle}: {detail}"[:400])


def fetch_profile(client: LimitedClient, handle: str, *, post_limit: int) -> tuple[ParsedFile, bool]:
    parsed = ParsedFile("x api", source="api")
    ctx = Ctx("x api")
    response = client.get_user(username=handle, user_fields=USER_FIELDS)
    _raise_for_errors(response, handle)
    user = response.data.data
    record = v2_user(user, ctx, "data")
    parsed.add_profile(record)
    is_private = bool(user.get("protected"))
    if is_private or post_limit <= 0:
        return parsed, is_private
    tweets = client.get_users_tweets(
        user["id"],
        max_results=max(5, min(100, post_limit)),
        tweet_fields=TWEET_FIELDS,
        expansions=TWEET_EXPANSIONS,
        user_fields=["username"],
    )
    _raise_for_errors(tweets, handle)
    users_by_id = {str(user["id"]): record.handle}
    for included in (tweets.includes or {}).get("users", []):
        users_by_id[str(included.id)] = included.username.lower()
    tweets_by_id = {str(tweet.id): tweet.data for tweet in (tweets.includes or {}).get("tweets", [])}
    own = (tweets.data or [])[:post_limit]
    for index, tweet in enumerate(own):
        add_owned_tweet(
            parsed, tweet.data, record.handle, users_by_id, ctx, f"data[{index}]", tweets_by_id=tweets_by_id
        )
    own_ids = {str(tweet.id) for tweet in own}
    for index, (tweet_id, tweet) in enumerate(tweets_by_id.items()):
        author = users_by_id.get(str(tweet.get("author_id")))
        if author and tweet_id not in own_ids:  # a retweeted or quoted original: a post of its own author
            add_owned_tweet(parsed, tweet, author, users_by_id, ctx, f"includes.tweets[{index}]")
    return parsed, is_private


def fetch_followers(
    client: LimitedClient,
    *,
    handle: str,
    user_id: str,
    state: dict[str, Any],
    wanted: int,
    on_batch: Callable[[list[ProfileRecord], dict[str, Any]], None],
) -> None:
    """Follower pages (up to 1,000 users each, with their metrics and bio), resumable by pagination token."""
    token = state.get("next_token") if state.get("kind") == "x" else None
    taken = 0
    ctx = Ctx("x api")
    while taken < wanted:
        response = client.get_users_followers(
            user_id, max_results=max(1, min(1000, wanted - taken)), pagination_token=token, user_fields=USER_FIELDS
        )
        _raise_for_errors(response, handle)
        users = response.data or []
        records = [v2_user(user.data, ctx, f"data[{index}]") for index, user in enumerate(users)]
        taken += len(records)
        token = (response.meta or {}).get("next_token")
        done = not token or not users
        on_batch(records, {"kind": "x", "finished": True} if done else {"kind": "x", "next_token": token})
        if done:
            break


# --- the platform interface (profiles.platforms: PlatformSpec.fetchers names this module) --------------------------


def platform_profile_fetch(
    organization: object, handle: str, *, post_limit: int, platform: str = ""
) -> tuple[ParsedFile, bool]:
    return fetch_profile(client_for_settings(), handle, post_limit=post_limit)


def platform_followers_fetch(
    organization: object,
    *,
    handle: str,
    platform_id: str,
    state: dict[str, Any],
    wanted: int,
    on_batch: Callable[[list[ProfileRecord], dict[str, Any]], None],
    judged_from_list: Callable[[ProfileRecord], bool] | None = None,
) -> None:
    """X's follower endpoint takes the user id: read from the stored profile, else looked up once by handle."""
    client = client_for_settings()
    if not platform_id:
        parsed, _ = fetch_profile(client, handle, post_limit=0)
        platform_id = str(parsed.profiles[0].values["platform_id"])
    fetch_followers(client, handle=handle, user_id=platform_id, state=state, wanted=wanted, on_batch=on_batch)
