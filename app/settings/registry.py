"""Declared settings: key, Russian label, kind, default. Domains add theirs with declare()."""
from dataclasses import dataclass, field

from app.core.declension import decline_phrase
from app.core.names import CASE_LABELS, GrammaticalCase


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str
    section: str
    #: "text" (one line), "textarea", "int", "choice", "date", "bool"
    kind: str = "text"
    default: object = ""
    description: str = ""
    choices: tuple = field(default_factory=tuple)
    required: bool = True
    #: A setting another one gives by a rule (a name's case form): (source key, function of the source's value).
    #: Left empty, it follows the source; typed, it is kept as typed.
    derived_from: tuple | None = None

    def automatic(self, source_value):
        """What the rule gives for the source's value ("" when the setting has no rule)."""
        if self.derived_from is None:
            return ""
        return self.derived_from[1](source_value or "")


SPECS: dict[str, SettingSpec] = {}


def declare(key, label, section, kind="text", default="", description="", choices=(), required=True,
            derived_from=None):
    """Make a setting exist; its stored value, if any, overrides ``default``."""
    SPECS[key] = SettingSpec(key, label, section, kind, default, description, tuple(choices), required, derived_from)


COLLEGE = "Образовательная организация"

declare("college.full_name", "Полное наименование", COLLEGE, default=(
    "государственное автономное профессиональное образовательное учреждение Свердловской области "
    "«Красноуральский многопрофильный техникум»"))
#: The full name in the cases documents need («даю согласие <кому?> …»): by the rule of app.core.declension
#: (the head noun «учреждение», «техникум», «колледж»… and its adjectives declined, the rest kept), editable.
FULL_NAME_CASES = tuple(case for case in GrammaticalCase if case != GrammaticalCase.NOMINATIVE)
for _case in FULL_NAME_CASES:
    declare(f"college.full_name_{_case.value}", f"Полное наименование: {CASE_LABELS[_case]}", COLLEGE,
            required=False, derived_from=("college.full_name", lambda text, case=_case: decline_phrase(text, case)),
            description="Заполняется по правилу из полного наименования; исправьте, если склонение неверно. "
                        "Очистите поле — снова по правилу.")
declare("college.name", "Наименование (как в Положении)", COLLEGE,
        default="ГАПОУ СО «Красноуральский многопрофильный техникум»")
declare("college.short_name", "Сокращённое наименование", COLLEGE, default="ГАПОУ СО «КМТ»")
declare("college.address", "Юридический адрес", COLLEGE,
        default="624330, Свердловская область, г. Красноуральск, ул. Калинина, 14")
declare("college.city", "Место составления документов", COLLEGE, default="г. Красноуральск")
declare("college.website", "Сайт", COLLEGE, default="kmt-krasnouralsk.ru", required=False,
        description="Для раздела о наставничестве (п. 8.4 Положения).")
declare("college.director_last_name", "Фамилия директора", COLLEGE, default="Елсукова")
declare("college.director_first_name", "Имя директора", COLLEGE, default="Е.",
        description="Полностью или инициалом с точкой; в документах директор пишется с инициалами.")
declare("college.director_middle_name", "Отчество директора", COLLEGE, default="В.", required=False,
        description="Полностью или инициалом с точкой.")
declare("college.director_gender", "Пол директора", COLLEGE, kind="choice", default="female",
        choices=(("female", "женский"), ("male", "мужской")),
        description="Нужен для склонения фамилии в документах.")
#: The director's name in the other cases, typed by hand where the automatic declension is wrong (documents use it).
DIRECTOR_CASES = (("genitive", "родительный (кого?)"), ("dative", "дательный (кому?)"),
                  ("accusative", "винительный (кого?)"), ("instrumental", "творительный (кем?)"),
                  ("prepositional", "предложный (о ком?)"))
for _case_value, _label in DIRECTOR_CASES:
    declare(f"college.director_{_case_value}", f"ФИО директора: {_label}", COLLEGE, required=False,
            description="Только если в документах фамилия склоняется неверно: фамилия, имя и отчество (или инициалы) "
                        "в этом падеже, через пробел, например «Елсуковой Е. В.». Пусто — склоняется автоматически.")
