"""What a person needs before he is paired, enters the registry of mentors or returns to a pair. The bases ask; the
domains above them answer: the applications register the papers' gate (4.11, Приложение 5, agreement 2.2), whose
refusal names each missing paper, and say who is kept out of new pairs by a withdrawn consent (the pickers show it)."""
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Gate:
    #: ``check(person, role, year, on_date)``: raises RuleError naming what is missing; ``role`` "mentee"/"mentor".
    check: Callable
    #: ``kept_out(person_ids)`` -> {person id: the withdrawn consent that keeps him out of new pairs}.
    kept_out: Callable | None = None


_GATES: list[Gate] = []


def register_gate(gate: Gate):
    _GATES.append(gate)
    return gate


def ensure_admitted(person, role, year, on_date):
    """Refuse, as the first gate that does, unless ``person`` may take part as ``role`` from ``on_date``."""
    for gate in _GATES:
        gate.check(person, role, year, on_date)


def kept_out(person_ids):
    """{person id: why he enters no new pair} for those of ``person_ids`` a gate keeps out."""
    found = {}
    for gate in _GATES:
        if gate.kept_out is not None:
            found = {**gate.kept_out(person_ids), **found}
    return found
