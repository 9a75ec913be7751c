# Copy to instance/config.py and adjust. Environment variables override these values.
# SQLALCHEMY_DATABASE_URI = "postgresql+psycopg://nastav:secret@127.0.0.1:5432/nastavnichestvo"
# UPLOAD_ROOT = "/srv/nastavnichestvo/uploads"
# SESSION_COOKIE_SECURE = True          # behind HTTPS
# PROXY_FIX = True                      # behind nginx: trust X-Forwarded-For for the audit log
# RATELIMIT_STORAGE_URI = "redis://127.0.0.1:6379/0"   # several gunicorn workers share login limits
# TIMEZONE = "Asia/Yekaterinburg"
# MAX_UPLOAD_MB = 20
