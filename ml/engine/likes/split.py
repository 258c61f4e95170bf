"""The train / held-out split of accounts, as a stable function of the account itself.

An account is held out iff a salted SHA-256 of its normalised handle falls in the lowest `held_out_share` of the
hash range. The side an account lands on therefore never depends on which other accounts are in the set or on
their order: a retraining on the shipped accounts plus new stored profiles holds out exactly the shipped
accounts every earlier version held out (with the same rule), so a candidate and the active version can be
compared on accounts neither trained on.

    from ml.engine.likes.split import DEFAULT_SPLIT
    DEFAULT_SPLIT.is_held_out("some.handle")  # same answer in every training run
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Protocol, TypeVar

SPLIT_RULE = "sha256-handle-bucket"


class _HasHandle(Protocol):
    handle: str


A = TypeVar("A", bound=_HasHandle)


def split_key(handle: str) -> str:
    """The account identity the split hashes: the handle without "@", lower-cased (Instagram handles are
    case-insensitive), so the shipped record and the stored profile of the same account agree."""
    return handle.strip().lstrip("@").strip().lower()


@dataclass(frozen=True)
class AccountSplit:
    salt: str = "sociallens-like-prediction-split-v1"
    held_out_share: float = 0.2
    rule: str = SPLIT_RULE

    def bucket(self, handle: str) -> float:
        """A number in [0, 1) fixed by the salt and the account's handle."""
        digest = hashlib.sha256(f"{self.salt}\x00{split_key(handle)}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2.0**64

    def is_held_out(self, handle: str) -> bool:
        return self.bucket(handle) < self.held_out_share

    def partition(self, accounts: Iterable[A]) -> tuple[list[A], list[A]]:
        """(training accounts, held-out accounts), each in input order."""
        train: list[A] = []
        held_out: list[A] = []
        for account in accounts:
            (held_out if self.is_held_out(account.handle) else train).append(account)
        return train, held_out

    def to_meta(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "key": "handle without @, lower-cased",
            "description": f"account held out iff sha256(salt, handle) bucket < {self.held_out_share:g}",
        }

    @classmethod
    def from_meta(cls, meta: dict[str, Any] | None) -> AccountSplit | None:
        """The split recorded in an artifact's meta["split"]; None for artifacts trained before the rule existed
        (their held-out accounts cannot be told from their data alone)."""
        if not isinstance(meta, dict) or meta.get("rule") != SPLIT_RULE:
            return None
        return cls(salt=str(meta["salt"]), held_out_share=float(meta["held_out_share"]))


DEFAULT_SPLIT = AccountSplit()


def comparison_accounts(accounts: Iterable[A], candidate: AccountSplit, active: AccountSplit | None) -> list[A]:
    """Accounts held out by the candidate's split and by the active version's split: neither model trained on
    them. With an active version of unknown split (`None`) no account can be proven unseen: the list is empty."""
    if active is None:
        return []
    return [a for a in accounts if candidate.is_held_out(a.handle) and active.is_held_out(a.handle)]
