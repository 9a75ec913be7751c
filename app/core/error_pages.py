"""Russian pages for HTTP errors; JSON for clients that ask for it."""
from flask import render_template, request
from flask_wtf.csrf import CSRFError

from app.extensions import db

MESSAGES = {
    400: ("Неверный запрос", "Запрос не удалось обработать. Вернитесь назад и попробуйте ещё раз."),
    403: ("Доступ запрещён", "У вашей учётной записи нет прав на эту страницу. Если доступ нужен для работы, "
                            "обратитесь к администратору."),
    404: ("Страница не найдена", "Такой страницы нет. Проверьте адрес или вернитесь на главную."),
    405: ("Действие недоступно", "Эта страница не поддерживает такое действие."),
    413: ("Файл слишком большой", "Файл превышает допустимый размер. Уменьшите его (например, отсканируйте "
                                 "с меньшим разрешением) и загрузите снова."),
    429: ("Слишком много попыток", "Слишком много попыток подряд. Подождите минуту и попробуйте снова."),
    500: ("Внутренняя ошибка", "Произошла ошибка на сервере. Попробуйте ещё раз; если ошибка повторится, "
                              "сообщите администратору время, когда она произошла."),
}


def render_error(code, message=None):
    title, text = MESSAGES[code]
    if request.accept_mimetypes.best == "application/json":
        return {"error": title, "message": message or text}, code
    return render_template("errors/error.html", code=code, title=title, message=message or text), code


def register_error_pages(app):
    for code in MESSAGES:
        if code == 500:
            continue
        app.register_error_handler(code, lambda error, code=code: render_error(code))

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_error(400, "Форма устарела или отправлена не с этой страницы. Обновите страницу и "
                                 "отправьте форму ещё раз.")

    @app.errorhandler(500)
    def internal_error(error):
        db.session.rollback()
        return render_error(500)
