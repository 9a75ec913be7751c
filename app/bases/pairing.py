"""Forming and undoing a pair, asked by the bases and the import, answered by the pairs domain above them.

The pairs (app.pairs) are the one source of «ФИО наставника»: ``services.link_mentor`` (the bases' «Назначить
наставника», the Excel import, the demo) asks the registered former, which checks every rule of the regulation
(4.1, 4.3, 4.4, 4.6, 4.7, 4.13, the papers) and records the pairing. The bases read the pairings back through the
relationships their models name by string (MenteeParticipation.memberships, MentorParticipation.pairings).
"""
from collections.abc import Callable
from dataclasses import dataclass

from app.core.errors import RuleError


@dataclass(frozen=True)
class PairFormer:
    #: ``form(mentee, mentor, *, actor)`` -> the pairing formed (a pair of one mentee, from the later entry date).
    form: Callable
    #: ``undo(mentee, *, actor)``: the pair entered by mistake is removed (refused once an order changed it).
    undo: Callable
    #: ``mentee_status(mentee, event, on)``: the mentee completed ("completed"), withdrew ("withdrawn") or
    #: returned ("reinstated"): his pairing follows.
    mentee_status: Callable


_FORMERS: list[PairFormer] = []


def register_pair_former(former: PairFormer):
    _FORMERS.append(former)
    return former


def _former():
    if not _FORMERS:
        raise RuleError("Пары формирует раздел «Пары и группы», а он не подключён.")
    return _FORMERS[0]


def form_pair(mentee, mentor, *, actor=None):
    return _former().form(mentee, mentor, actor=actor)


def undo_pair(mentee, *, actor=None):
    return _former().undo(mentee, actor=actor)


def mentee_status_changed(mentee, event, on):
    for former in _FORMERS:
        former.mentee_status(mentee, event, on)
