"""Django settings for banquan.

Everything a deployment changes comes from BANQUAN_* environment variables; the defaults give
the embedded set-up: SQLite, local files and in-process jobs inside ``BANQUAN_DATA_DIR``.
"""

import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("BANQUAN_DATA_DIR", "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """Read the secret key from the environment or from a file created at first start."""
    if os.environ.get("BANQUAN_SECRET_KEY"):
        return os.environ["BANQUAN_SECRET_KEY"]
    path = DATA_DIR / "secret_key"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.write_text(secrets.token_urlsafe(50))
        tmp.chmod(0o600)
        os.replace(tmp, path)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("BANQUAN_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("BANQUAN_ALLOWED_HOSTS", "*").split(",")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("BANQUAN_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]
BASE_URL = os.environ.get("BANQUAN_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "huey.contrib.djhuey",
    "banquan.core",
    "banquan.accounts",
    "banquan.ledger",
    "banquan.workdays",
    "banquan.applications",
    "banquan.review",
    "banquan.lexicon",
    "banquan.screening",
    "banquan.similarity",
    "banquan.logos",
    "banquan.software",
    "banquan.rights",
    "banquan.certificates",
    "banquan.records",
    "banquan.stats",
    "banquan.showcase",
    "banquan.assistant",
    "banquan.suggestions",
    "banquan.folkart",
    "banquan.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "banquan.core.middleware.ChineseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "banquan.urls"
WSGI_APPLICATION = "banquan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "banquan.core.context_processors.office",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("BANQUAN_DATABASE_URL", f"sqlite:///{DATA_DIR / 'banquan.sqlite3'}"),
        conn_max_age=int(os.environ.get("BANQUAN_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # IMMEDIATE takes the write lock at BEGIN, so two concurrent writers queue on the busy
    # timeout instead of failing half-way with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
        # WAL for concurrent readers; FULL so a committed registration survives a power cut.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A file, not shared-cache memory, so tests with threads lock the way production does.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns about a missing one; files come from finders
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

EMAIL_BACKEND = os.environ.get("BANQUAN_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("BANQUAN_MAIL_FROM", "banquan@localhost")

# --- outside systems, each behind a small interface (see banquan/core) -----------------------
BANQUAN_STORAGE = os.environ.get("BANQUAN_STORAGE", "banquan.core.storage.LocalFileStorage")
BANQUAN_STORAGE_DIR = Path(os.environ.get("BANQUAN_STORAGE_DIR", DATA_DIR / "blobs"))
BANQUAN_CLOCK = os.environ.get("BANQUAN_CLOCK", "banquan.core.clock.SystemClock")
BANQUAN_KEY_DIR = Path(os.environ.get("BANQUAN_KEY_DIR", DATA_DIR / "keys"))
BANQUAN_CJK_FONT = os.environ.get("BANQUAN_CJK_FONT", "")
# Reads text in image samples for screening; empty: no OCR (images are reported unscreened).
BANQUAN_OCR = os.environ.get("BANQUAN_OCR", "banquan.screening.ocr.RapidOcr")

# --- the office -----------------------------------------------------------------------------
BANQUAN_OFFICE_NAME = os.environ.get("BANQUAN_OFFICE_NAME", "中国版权保护中心")
BANQUAN_OFFICE_NAME_EN = os.environ.get("BANQUAN_OFFICE_NAME_EN", "Copyright Protection Center of China")
# Working days allowed for each kind of procedure, counted from the day after acceptance.
BANQUAN_TIME_LIMITS = {"work": 25, "software": 30, "reissue": 5}

# Software registration (docs/software.md): how program deposit material treats blank and
# comment-only lines, the size of uploaded source trees and manuals, and when filings from one
# account count as a burst (so many within so many hours) for the reviewer.
BANQUAN_SOFTWARE = {
    "keep_blank_lines": False,
    "keep_comment_lines": True,
    "max_upload_mb": 200,
    "burst_count": 20,
    "burst_hours": 24,
}
# A deadline within this many working days is shown as "due soon" on the reviewer queue.
BANQUAN_DUE_SOON_WORKING_DAYS = 5

MB = 1024 * 1024
BANQUAN_UPLOAD_LIMITS = {
    "image": 20 * MB,
    "pdf": 50 * MB,
    "text": 5 * MB,
    "audio": 100 * MB,
    "video": 500 * MB,
    "process_video": 200 * MB,
}

# --- jobs -----------------------------------------------------------------------------------
_jobs = os.environ.get("BANQUAN_JOBS", "sqlite")
HUEY = {
    "name": "banquan",
    "immediate": _jobs == "immediate",
    "results": False,
    "consumer": {"workers": 2, "worker_type": "thread"},
}
if _jobs == "redis":
    HUEY["huey_class"] = "huey.RedisHuey"
    HUEY["url"] = os.environ.get("BANQUAN_REDIS_URL", "redis://127.0.0.1:6379/0")
elif _jobs == "sqlite":
    HUEY["huey_class"] = "huey.SqliteHuey"
    HUEY["filename"] = str(DATA_DIR / "jobs.sqlite3")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("BANQUAN_LOG_LEVEL", "WARNING")},
    "loggers": {"banquan": {"level": os.environ.get("BANQUAN_LOG_LEVEL", "INFO")}},
}
# A language model (OpenAI-compatible chat completions, e.g. DeepSeek) for the assistant and the
# suggestions in the registration steps; without BANQUAN_LLM_BASE_URL the system runs without one.
BANQUAN_LLM_BASE_URL = os.environ.get("BANQUAN_LLM_BASE_URL", "")
BANQUAN_LLM_API_KEY = os.environ.get("BANQUAN_LLM_API_KEY", "")
BANQUAN_LLM_MODEL = os.environ.get("BANQUAN_LLM_MODEL", "deepseek-chat")
BANQUAN_LLM_TIMEOUT = float(os.environ.get("BANQUAN_LLM_TIMEOUT", "30"))
BANQUAN_LLM = os.environ.get(
    "BANQUAN_LLM", "banquan.core.llm.OpenAICompatible" if BANQUAN_LLM_BASE_URL else "banquan.core.llm.NoModel"
)
BANQUAN_CALENDAR = os.environ.get("BANQUAN_CALENDAR", "banquan.workdays.calendar.DatabaseCalendar")
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "banquan.accounts.backends.RoleBackend",
]
