"""Configuration order: defaults, instance/config.py, environment; the secret key is never fixed."""
import os
import stat

from app import create_app
from app.config import apply_environment, finalize, normalise_database_url


def test_secret_key_is_generated_once_and_kept_in_instance(tmp_path):
    config = {"MAX_UPLOAD_MB": 20}
    finalize(config, tmp_path)
    key = config["SECRET_KEY"]
    assert len(key) == 64
    assert stat.S_IMODE(os.stat(tmp_path / "secret_key").st_mode) == 0o600
    again = {"MAX_UPLOAD_MB": 20}
    finalize(again, tmp_path)
    assert again["SECRET_KEY"] == key
    other = {"MAX_UPLOAD_MB": 20}
    finalize(other, tmp_path / "elsewhere")
    assert other["SECRET_KEY"] != key


def test_defaults_put_sqlite_and_uploads_in_instance(tmp_path):
    config = {"MAX_UPLOAD_MB": 20}
    finalize(config, tmp_path)
    assert config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'nastavnichestvo.sqlite'}"
    assert config["UPLOAD_ROOT"] == str(tmp_path / "uploads")
    assert config["MAX_CONTENT_LENGTH"] == 20 * 1024 * 1024


def test_environment_overrides_instance_config(tmp_path, monkeypatch):
    (tmp_path / "config.py").write_text('SECRET_KEY = "from-file"\nTIMEZONE = "Europe/Moscow"\n')
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("SECRET_KEY", "from-environment")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite'}")
    monkeypatch.setenv("MAX_UPLOAD_MB", "5")
    monkeypatch.setenv("SESSION_COOKIE_SECURE", "true")
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-environment"
    assert app.config["TIMEZONE"] == "Europe/Moscow"
    assert app.config["MAX_CONTENT_LENGTH"] == 5 * 1024 * 1024
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("x.sqlite")


def test_apply_environment_reads_only_known_variables():
    config = {}
    apply_environment(config, {"UPLOAD_ROOT": "/srv/files", "HOME": "/root", "PROXY_FIX": "0"})
    assert config == {"UPLOAD_ROOT": "/srv/files", "PROXY_FIX": False}


def test_postgres_urls_use_psycopg3():
    assert normalise_database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
