"""Settings the document engine declares: register number formats, the college's details its papers print."""
from app.documents.registers import REGISTERS
from app.settings.registry import COLLEGE, declare

SECTION = "Документы"

for _register in REGISTERS.values():
    declare(_register.setting_key, f"Формат номера: {_register.title.lower()}", SECTION,
            default=_register.default_format,
            description="Подстановки: {number} — порядковый номер за год, {number:02} — он же с ведущим нулём "
                        "до двух цифр, {year} — год (2026), {yy} — две цифры года (26).")

declare("college.founder", "Учредитель (первая строка бланка)", COLLEGE,
        default="Министерство образования и молодежной политики Свердловской области", required=False,
        description="Печатается над наименованием техникума в приказах и протоколах.")

declare("college.territory", "Территория (в родительном падеже) для соглашений с партнёрами", COLLEGE,
        default="городского округа Красноуральск и Свердловской области",
        description="Приложение 2: «в целях реализации на территории … Целевой модели наставничества».")
