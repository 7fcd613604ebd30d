"""Units and their on-site coverage rules."""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from models.days import Weekday
from models.types import RoleTag, UnitName

FIVE_DAYS = frozenset(Weekday(day) for day in range(5))
SIX_DAYS = frozenset(Weekday(day) for day in range(6))


@dataclass(frozen=True)
class Unit:
    """A unit with its own coverage rule.

    Attributes
    ----------
    name
        The unit's name, unique in a workforce.
    min_onsite_share
        Minimum share of the people present on a day who must be on site,
        in percent (0-100); ``None`` takes the policy's value.
    min_onsite_people
        Minimum head count on site on each working day; ``None`` takes the
        policy's value.
    desk_capacity
        Most people on site at once; ``None`` means unlimited.
    working_days
        5 (Monday to Friday) or 6 (Monday to Saturday).
    direct_service
        A direct-service unit (hospital, Samsat counter, laboratory):
        nobody in it works flexibly.
    """

    name: UnitName
    min_onsite_share: float | None = None
    min_onsite_people: int | None = None
    desk_capacity: int | None = None
    working_days: int = 5
    direct_service: bool = False

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("A unit has no name.")
        share = self.min_onsite_share
        if share is not None and not 0 <= share <= 100:
            raise ValueError(f"Unit {self.name}: share {share} is not 0-100.")
        if self.min_onsite_people is not None and self.min_onsite_people < 0:
            raise ValueError(f"Unit {self.name}: negative head count.")
        if self.desk_capacity is not None and self.desk_capacity < 0:
            raise ValueError(f"Unit {self.name}: negative desk capacity.")
        if self.working_days not in (5, 6):
            raise ValueError(f"Unit {self.name}: working days must be 5 or 6.")

    @property
    def weekdays(self) -> frozenset[Weekday]:
        """The weekdays the unit works."""
        return SIX_DAYS if self.working_days == 6 else FIVE_DAYS


@dataclass(frozen=True)
class RoleCover:
    """At least ``minimum`` people with ``role`` on site in ``unit``.

    Attributes
    ----------
    unit
        The unit the rule applies to.
    role
        The role tag, lower case.
    minimum
        Minimum head count of people with the role on site.
    days
        Weekdays the rule applies to; empty means every working day.
    """

    unit: UnitName
    role: RoleTag
    minimum: int
    days: frozenset[Weekday] = frozenset()

    def __post_init__(self) -> None:
        if not self.role.strip():
            raise ValueError(f"Role cover of {self.unit} has no role.")
        if self.minimum < 0:
            raise ValueError(f"Role cover {self.role}: negative minimum.")

    def applies_on(self, day: Weekday) -> bool:
        """Whether the rule applies on a weekday."""
        return not self.days or day in self.days


def required_onsite(present: int, share: float, minimum: int) -> int:
    """Least head count on site among ``present`` people.

    The larger of ``ceil(share x present / 100)`` and ``minimum``; it may
    exceed ``present``, which the planner reports as infeasible. The share
    is converted exactly, so 50 % of 5 people is 3, not 2.
    """
    by_share = math.ceil(Fraction(str(share)) * present / 100)
    return max(by_share, minimum)
