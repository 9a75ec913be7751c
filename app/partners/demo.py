"""Three demo partner organisations (invented), with heads who sign and contact persons (agreement 2.2)."""
from app.partners import services

PARTNERS = [
    {"full_name": "Общество с ограниченной ответственностью «Уралмехсервис»", "short_name": "ООО «Уралмехсервис»",
     "legal_address": "624330, Свердловская область, г. Красноуральск, ул. Заводская, 12",
     "head_last_name": "Ершов", "head_first_name": "Виктор", "head_middle_name": "Андреевич", "head_gender": "male",
     "head_position": "генеральный директор", "head_basis": "Устава",
     "contact_name": "Лаптева Ольга Игоревна", "contact_position": "начальник отдела кадров",
     "contact_phone": "+7 (343) 432-11-05", "contact_email": "kadry@uralmeh.example"},
    {"full_name": "Акционерное общество «Энергомонтаж Северного Урала»", "short_name": "АО «Энергомонтаж СУ»",
     "legal_address": "624330, Свердловская область, г. Красноуральск, ул. Янкина, 3",
     "head_last_name": "Гончарова", "head_first_name": "Татьяна", "head_middle_name": "Викторовна",
     "head_gender": "female", "head_position": "директор", "head_basis": "Устава",
     "contact_name": "Зуев Павел Сергеевич", "contact_position": "главный инженер",
     "contact_phone": "+7 (343) 432-20-40", "contact_email": "zuev@energomontazh.example"},
    {"full_name": "Общество с ограниченной ответственностью «Уральская кухня»", "short_name": "ООО «Уральская кухня»",
     "legal_address": "624330, Свердловская область, г. Красноуральск, ул. Ленина, 47",
     "head_last_name": "Ким", "head_first_name": "Сергей", "head_middle_name": "Олегович", "head_gender": "male",
     "head_position": "директор", "head_basis": "доверенности № 4 от 09.01.2026",
     "contact_name": "Ким Сергей Олегович", "contact_position": "директор",
     "contact_phone": "+7 (343) 432-33-17", "contact_email": "info@uralkuhnya.example"},
]


def seed(context):
    context.data["partners"] = [services.create_partner(active=True, **values) for values in PARTNERS]
