"""Configuration: defaults here, then instance/config.py, then environment variables."""
import os
import secrets
from pathlib import Path

#: Environment variables read at start-up, and the config key each one sets.
ENVIRONMENT_KEYS = {
    "DATABASE_URL": "SQLALCHEMY_DATABASE_URI",
    "SECRET_KEY": "SECRET_KEY",
    "UPLOAD_ROOT": "UPLOAD_ROOT",
    "MAX_UPLOAD_MB": "MAX_UPLOAD_MB",
    "SESSION_COOKIE_SECURE": "SESSION_COOKIE_SECURE",
    "RATELIMIT_STORAGE_URI": "RATELIMIT_STORAGE_URI",
    "TIMEZONE": "TIMEZONE",
    "PROXY_FIX": "PROXY_FIX",
    "LOGIN_RATE_LIMIT": "LOGIN_RATE_LIMIT",
}

BOOLEAN_KEYS = {"SESSION_COOKIE_SECURE", "PROXY_FIX"}
INTEGER_KEYS = {"MAX_UPLOAD_MB"}


class DefaultConfig:
    """Values a newcomer needs nothing else for: SQLite in instance/, uploads beside it."""

    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    #: "Запомнить меня" lasts two weeks, not Flask-Login's year: computers in a college are shared.
    REMEMBER_COOKIE_DURATION = 14 * 24 * 3600
    PERMANENT_SESSION_LIFETIME = 8 * 3600
    WTF_CSRF_TIME_LIMIT = None
    #: Flask-WTF would look for Flask-Babel; off, WTForms uses its own Russian messages (forms.base.BaseForm).
    WTF_I18N_ENABLED = False
    BOOTSTRAP_SERVE_LOCAL = True
    BOOTSTRAP_BTN_STYLE = "primary"
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = False
    #: Login attempts allowed per address and per account.
    LOGIN_RATE_LIMIT = "10 per minute"
    #: The college is in Sverdlovsk oblast; times are stored in UTC and shown in this zone.
    TIMEZONE = "Asia/Yekaterinburg"
    MAX_UPLOAD_MB = 20
    PROXY_FIX = False
    ITEMS_PER_PAGE = 50


def apply_environment(config, environ=os.environ):
    """Let environment variables override the file-based configuration."""
    for env_name, key in ENVIRONMENT_KEYS.items():
        if env_name not in environ:
            continue
        value = environ[env_name]
        if key in BOOLEAN_KEYS:
            value = value.strip().lower() in {"1", "true", "yes", "on"}
        elif key in INTEGER_KEYS:
            value = int(value)
        config[key] = value


def finalize(config, instance_path):
    """Fill what depends on the instance folder: the database, uploads, the secret key."""
    instance = Path(instance_path)
    config.setdefault("SQLALCHEMY_DATABASE_URI", f"sqlite:///{instance / 'nastavnichestvo.sqlite'}")
    config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(config["SQLALCHEMY_DATABASE_URI"])
    config.setdefault("UPLOAD_ROOT", str(instance / "uploads"))
    config["MAX_CONTENT_LENGTH"] = int(config["MAX_UPLOAD_MB"]) * 1024 * 1024
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = load_or_create_secret_key(instance)


def normalise_database_url(url):
    """Use psycopg 3 for postgres:// and postgresql:// addresses, as hosting panels write them."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def load_or_create_secret_key(instance):
    """Keep one random key per installation, never a fixed default."""
    path = instance / "secret_key"
    if path.exists():
        return path.read_text().strip()
    instance.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another worker started at the same moment
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key
