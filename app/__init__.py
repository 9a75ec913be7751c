"""The application factory."""
import os
from importlib import import_module
from importlib.util import find_spec

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from app import config as config_module
from app.extensions import bootstrap, csrf, db, limiter, login_manager, migrate

#: Domain packages, each exposing ``bp``; the order is the order of their URL rules.
BLUEPRINTS = [
    "app.main",
    "app.accounts",
    "app.audit",
    "app.settings",
    "app.programs",
    "app.partners",
    "app.people",
    "app.bases",
    "app.excel",
    "app.documents",
    "app.selection",
    "app.consents",
    "app.applications",
    "app.pairs",
    "app.questionnaires",
]


def create_app(test_config=None):
    """Build the app: defaults, then instance/config.py, then environment, then ``test_config``."""
    app = Flask(__name__, instance_path=os.environ.get("INSTANCE_PATH") or None, instance_relative_config=True)
    app.config.from_object(config_module.DefaultConfig)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        config_module.apply_environment(app.config)
    else:
        app.config.from_mapping(test_config)
    config_module.finalize(app.config, app.instance_path)
    os.makedirs(app.instance_path, exist_ok=True)

    if app.config["PROXY_FIX"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)

    _init_extensions(app)
    for name in BLUEPRINTS:
        package = import_module(name)
        if find_spec(f"{name}.models"):
            import_module(f"{name}.models")  # every table known to Alembic and create_all
        app.register_blueprint(package.bp)
    _init_templates(app)

    from app.cli import register_commands
    register_commands(app)
    return app


def _init_extensions(app):
    from app.accounts.services import load_user_from_session
    from app.core.error_pages import register_error_pages
    from app.core.security import set_security_headers

    db.init_app(app)
    migrate.init_app(app, db, directory=os.path.join(os.path.dirname(app.root_path), "migrations"),
                     render_as_batch=True, compare_type=True)
    csrf.init_app(app)
    bootstrap.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = "Войдите, чтобы открыть эту страницу."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    login_manager.user_loader(load_user_from_session)
    app.after_request(set_security_headers)
    register_error_pages(app)


def _init_templates(app):
    from app.core.formatting import register_filters
    from app.core.navigation import navigation_for
    from app.settings.services import get as get_setting

    register_filters(app)
    app.jinja_env.globals.update(navigation_for=navigation_for, setting=get_setting)
