"""How a running pair changes by a director's order: it ends early or is extended (4.7), or its mentor is replaced
(4.8). The orders are printed from the pair's record (app.bases.kinds); the pairs domain will keep the pairs
themselves and take these rules with it."""
from app.core.errors import RuleError

#: 4.8: the five grounds for replacing a mentor; the value completes «в связи с …».
REPLACEMENT_REASONS = (
    ("прекращением наставником трудовых отношений с техникумом",
     "прекращение наставником трудовых отношений с техникумом"),
    ("психологической несовместимостью наставника и наставляемого",
     "психологическая несовместимость наставника и наставляемого"),
    ("систематическим неисполнением наставником своих обязанностей",
     "систематическое неисполнение наставником своих обязанностей"),
    ("привлечением наставника к дисциплинарной ответственности",
     "привлечение наставника к дисциплинарной ответственности"),
    ("обоснованной просьбой наставника или лица, в отношении которого осуществляется наставничество",
     "обоснованная просьба наставника или лица, в отношении которого осуществляется наставничество"),
)

#: 4.7: why a pair may be extended; the value completes «в связи с …».
EXTENSION_REASONS = (
    ("временной нетрудоспособностью", "временная нетрудоспособность"),
    ("командировкой", "командировка"),
    ("иным продолжительным отсутствием по уважительной причине",
     "иное продолжительное отсутствие по уважительной причине"),
)
#: 4.7: whose absence the extension makes up for.
ABSENT_PARTIES = (("наставника", "наставника"), ("наставляемого", "наставляемого"))


def check_early_end(start, planned_end, end):
    """4.7: a pair ends early before its planned end, and not before it started."""
    if start and planned_end and end and not start <= end < planned_end:
        raise RuleError("Дата досрочного завершения должна быть не раньше начала и раньше планового окончания "
                        "наставничества.", section="4.7", field="end_date")


def check_extension(current_end, new_end):
    """4.7: an extension moves the end later."""
    if current_end and new_end and new_end <= current_end:
        raise RuleError("Новая дата окончания должна быть позже текущей.", section="4.7", field="new_end")
