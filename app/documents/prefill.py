"""Prefill providers: how other domains fill a document's form from their records.

The engine knows no Person, Pair or Partner model. A domain that has records a kind is about registers
a provider for that kind::

    register_prefill("order_replace_mentor", PrefillProvider(
        code="pair", label="Наставническая пара", options=pair_options, fill=fill_from_pair))

``options()`` lists the records the user may choose, as (id, label) pairs; ``fill(ids)`` returns a
Prefill: the field values to put into the form and the Subjects the issued document will be linked
to (``documents_for("person", 12)`` finds it later). The secretary may still edit every value before
issuing; the links are recomputed from the chosen ids when the document is issued, never taken from
the browser.
"""
from collections.abc import Callable
from dataclasses import dataclass, field

from app.core.errors import RuleError


@dataclass(frozen=True)
class Subject:
    """A record a document concerns: ("person", 12, "mentor", "Лебедев Д.И.")."""

    type: str
    id: int
    role: str
    label: str


@dataclass
class Prefill:
    values: dict = field(default_factory=dict)
    subjects: list = field(default_factory=list)


@dataclass(frozen=True)
class PrefillProvider:
    #: Unique among the kind's providers; it travels in the URL and the form.
    code: str
    #: What the chooser says: «Куратор из учётных записей».
    label: str
    options: Callable
    fill: Callable
    #: Several records at once (the members of a commission).
    multiple: bool = False
    help: str = ""


_PROVIDERS: dict[str, dict[str, PrefillProvider]] = {}


def register_prefill(kind_code: str, provider: PrefillProvider):
    """Offer ``provider`` on the issue form of ``kind_code``; a domain calls this when it is imported."""
    from app.documents.kinds import get_kind

    if get_kind(kind_code) is None:
        raise ValueError(f"unknown document kind {kind_code!r}")
    _PROVIDERS.setdefault(kind_code, {})[provider.code] = provider


def providers_for(kind_code):
    return list(_PROVIDERS.get(kind_code, {}).values())


def get_provider(kind_code, provider_code):
    return _PROVIDERS.get(kind_code, {}).get(provider_code)


def run_prefill(kind_code, provider_code, record_ids) -> Prefill:
    """The provider's values and subjects for the chosen records, only among the records it offers."""
    provider = get_provider(kind_code, provider_code)
    if provider is None:
        raise RuleError("Такого источника данных для этого документа нет.", field="prefill")
    ids = [str(record_id) for record_id in record_ids if str(record_id).strip()]
    if not ids:
        raise RuleError(f"Выберите запись: {provider.label.lower()}.", field="prefill")
    if len(ids) > 1 and not provider.multiple:
        raise RuleError("Выберите одну запись.", field="prefill")
    offered = {str(value) for value, _ in provider.options()}
    if set(ids) - offered:
        raise RuleError("Выбранной записи нет среди доступных: обновите страницу и выберите снова.", field="prefill")
    return provider.fill(ids)
