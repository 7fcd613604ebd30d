"""The MKD domain model: people, units, rules and the planning period.

Nothing here imports a solver, pandas or a spreadsheet library: these
records are what every part of the planner reads and writes.
"""

from models.absence import Absence, AbsenceKind
from models.calendar import PlanPeriod, daily_hours
from models.days import Weekday, format_date, parse_weekday, parse_weekdays
from models.employee import Employee, Readiness
from models.nip import NipProblem, nip_problem
from models.policy import (
    KEYS,
    REMOVED_KEYS,
    KeyInfo,
    KeyKind,
    Policy,
    PolicyError,
    PolicyIssue,
)
from models.request import Request, WorkMode
from models.types import EmployeeId, RoleTag, TeamName, UnitName
from models.unit import RoleCover, Unit, required_onsite
from models.workforce import Workforce

__all__ = [
    "KEYS",
    "REMOVED_KEYS",
    "Absence",
    "AbsenceKind",
    "Employee",
    "EmployeeId",
    "KeyInfo",
    "KeyKind",
    "NipProblem",
    "PlanPeriod",
    "Policy",
    "PolicyError",
    "PolicyIssue",
    "Readiness",
    "Request",
    "RoleCover",
    "RoleTag",
    "TeamName",
    "Unit",
    "UnitName",
    "Weekday",
    "WorkMode",
    "Workforce",
    "daily_hours",
    "format_date",
    "nip_problem",
    "parse_weekday",
    "parse_weekdays",
    "required_onsite",
]
