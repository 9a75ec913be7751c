"""The selection of mentors and the curator (4.13, Приложение 1): the criteria candidates are scored on."""
from enum import StrEnum

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.enums import enum_type
from app.core.models import TimestampMixin
from app.extensions import db
from app.programs.models import MentorshipForm


class CriterionScope(StrEnum):
    #: Every candidate, mentor or curator: Приложение 1, "общие и обязательные критерии".
    COMMON = "common"
    #: Candidates of one form of mentorship: "дополнительные критерии в соответствии с формами".
    FORM = "form"
    #: The curator's own selection, on top of the teacher form's criteria (the last paragraph).
    CURATOR = "curator"

    @property
    def label(self):
        return {CriterionScope.COMMON: "общие и обязательные критерии",
                CriterionScope.FORM: "дополнительные критерии формы наставничества",
                CriterionScope.CURATOR: "дополнительные критерии отбора куратора"}[self]


class SelectionCriterion(TimestampMixin, db.Model):
    """One criterion of Приложение 1; data, so a form added later gets its own list."""

    __tablename__ = "selection_criterion"

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[CriterionScope] = mapped_column(enum_type(CriterionScope, 16), index=True)
    #: Set for FORM criteria only.
    mentorship_form_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentorship_form.id", ondelete="CASCADE"), index=True)
    #: A heading several criteria share («Высокий уровень развития ключевых компетенций»).
    group: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=100)
    #: An inactive criterion stays on the reviews that used it but is not offered for new ones.
    active: Mapped[bool] = mapped_column(default=True)

    mentorship_form: Mapped[MentorshipForm | None] = relationship()

    @property
    def label(self):
        return f"{self.group}: {self.text}" if self.group else self.text

    def __repr__(self):
        return f"<SelectionCriterion {self.scope} {self.text[:30]!r}>"
