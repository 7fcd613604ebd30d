"""The NIP, the 18-digit number of an Indonesian civil servant."""

from __future__ import annotations

import datetime as dt
from enum import Enum

NIP_LENGTH = 18


class NipProblem(Enum):
    """Why a text is not a valid NIP."""

    LENGTH = "length"
    BIRTH_DATE = "birth_date"
    APPOINTMENT = "appointment"
    SEX = "sex"


def nip_problem(nip: str) -> NipProblem | None:
    """Return what is wrong with a NIP, or ``None`` when it is valid.

    The layout is: birth date ``yyyymmdd`` (digits 1-8), year and month of
    appointment ``yyyymm`` (9-14), sex ``1`` or ``2`` (15) and a sequence
    number (16-18).
    """
    if len(nip) != NIP_LENGTH or not nip.isdigit():
        return NipProblem.LENGTH

    try:
        born = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return NipProblem.BIRTH_DATE
    if born.year < 1900:
        return NipProblem.BIRTH_DATE

    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12 or year < born.year:
        return NipProblem.APPOINTMENT

    if nip[14] not in "12":
        return NipProblem.SEX
    return None
