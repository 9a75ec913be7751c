"""The partner agreement (Приложение 2): the full text of the regulation's form, numbered per year; it runs to the
day the setting gives (app.partners.agreements.default_end_date)."""
from app.documents.context import college_context
from app.documents.kinds import AGREEMENTS, register_kind
from app.documents.kinds.common import check_period, date_field, doc_date, person, person_example, text, textarea
from app.documents.kinds.schema import Kind
from app.partners.agreements import default_end_date


def settings_director():
    """The director of the settings: who signs for the college unless someone acting for him does."""
    return college_context()["director"]


register_kind(Kind(
    code="partner_agreement",
    title="Соглашение о наставничестве с организацией-партнёром",
    heading="Соглашение о наставничестве (дополнительное соглашение к договору о сотрудничестве)",
    group=AGREEMENTS, order=10, register="agreements", template="partner_agreement.docx", section="Приложение 2",
    description="Полный текст формы Приложения 2 с реквизитами партнёра и техникума.",
    fields=(
        doc_date("Дата соглашения"),
        person("college_signatory", "Подписывает от техникума", person_example("Елсукова", "Е.", "В.", "female"),
               default=settings_director,
               help="Директор из настроек или исполняющий его обязанности: «в лице директора …»."),
        text("college_signatory_position", "Должность подписывающего от техникума", "директор",
             default=lambda: "директор", help="Под подписью: «директор», «исполняющий обязанности директора»."),
        text("college_signatory_position_genitive", "Должность подписывающего от техникума в родительном падеже",
             "директора", default=lambda: "директора", help="Для слов «в лице директора …»."),
        text("college_basis", "Подписывающий от техникума действует на основании (в родительном падеже)", "Устава",
             default=lambda: "Устава", help="Например: Устава; приказа от 01.02.2026 № 15-к."),
        text("partner_name", "Полное наименование партнёра",
             "Общество с ограниченной ответственностью «Красноуральский механический завод»"),
        text("partner_short_name", "Сокращённое наименование партнёра", "ООО «КМЗ»"),
        person("partner_signatory", "Руководитель партнёра (подписывает соглашение)",
               person_example("Гусев", "Андрей", "Викторович", "male")),
        text("partner_signatory_position", "Должность руководителя партнёра", "генеральный директор"),
        text("partner_signatory_position_genitive", "Должность руководителя в родительном падеже",
             "генерального директора", help="Для слов «в лице генерального директора …»."),
        text("partner_basis", "Действует на основании (в родительном падеже)", "Устава",
             help="Например: Устава; доверенности от 10.01.2026 № 5."),
        text("partner_address", "Юридический адрес партнёра",
             "624330, Свердловская область, г. Красноуральск, ул. Заводская, 1"),
        textarea("partner_requisites", "Реквизиты партнёра", "ИНН 6618001234, ОГРН 1026601234567",
                 required=False, help="ИНН, ОГРН, банковские реквизиты — как их укажет партнёр."),
        date_field("end_date", "Соглашение действует до", "2026-12-30", default=default_end_date),
    ),
    checks=(check_period("doc_date", "end_date", "Срок действия соглашения заканчивается раньше даты его "
                                                 "заключения."),),
    summary_fields=("partner_short_name",),
))
