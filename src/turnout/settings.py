"""Django settings for Turnout: everything configurable comes from the environment."""

import os
from decimal import Decimal
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from turnout.web.site_url import served_site_url

BASE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Where the embedded default keeps its state (SQLite file, secret key, uploads, outbox).
DATA_DIR = Path(os.environ.get("TURNOUT_DATA_DIR", Path.cwd() / "var")).resolve()


def _secret_key() -> str:
    """Use SECRET_KEY from the environment, or one generated once and kept in DATA_DIR."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    from django.core.management.utils import get_random_secret_key

    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = get_random_secret_key()
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# The public base URL of links in emails, calendar files, feeds, API answers and exports. Unset:
# the address `turnout serve` listens on (HOST and PORT), so `PORT=9000 make demo` links to :9000.
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/") or served_site_url(
    os.environ.get("HOST", ""), os.environ.get("PORT", "")
)
TURNOUT_SITE_NAME = os.environ.get("TURNOUT_SITE_NAME", "Turnout")

INSTALLED_APPS = [
    "turnout.web",
    "turnout.branding",
    "turnout.accounts",
    "turnout.campaigns",
    "turnout.groups",
    "turnout.covers",
    "turnout.localization",
    "turnout.places",
    "turnout.content",
    "turnout.translation",
    "turnout.demo",
    "turnout.press",
    "turnout.media",
    "turnout.signups",
    "turnout.organizing",
    "turnout.roles",
    "turnout.checkin",
    "turnout.followup",
    "turnout.alerts",
    "turnout.referrals",
    "turnout.meetups",
    "turnout.notifications",
    "turnout.importers",
    "turnout.geo",
    "turnout.sharing",
    "turnout.api",
    "turnout.operations",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "rest_framework",
    "drf_spectacular",
]

MIDDLEWARE = [
    "turnout.web.proxies.TrustedProxiesMiddleware",  # first: all after it see the real client
    "turnout.web.metrics.RequestMetricsMiddleware",  # times all that follows (/metrics)
    "django.middleware.security.SecurityMiddleware",
    "turnout.web.security.SecurityHeadersMiddleware",
    "turnout.web.security.MalformedRequestMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "turnout.urls"
WSGI_APPLICATION = "turnout.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "turnout.web.context_processors.site",
                "turnout.branding.context_processors.brand",
            ],
        },
    },
]

# SQLite (WAL, immediate transactions so writers queue instead of failing) unless
# DATABASE_URL names another database, for example postgres://user@host:5432/turnout.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{DATA_DIR / 'turnout.sqlite3'}",
    )
}
# --- scale: database connections (issue 21) ---------------------------------------------------
# Opening a PostgreSQL connection per request halved the signup rate (61 against 134 signups/s
# measured with CONN_MAX_AGE=0), so a connection is kept for 60 s by default and checked before
# reuse (CONN_HEALTH_CHECKS), so a restarted database costs a reconnect, not a failed request.
# Each gunicorn thread keeps its own: WEB_CONCURRENCY x WEB_THREADS per server (max_connections).
# SQLite opens a local file, which costs nothing to keep closed: 0 there.
_SQLITE = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "0" if _SQLITE else "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env_bool("CONN_HEALTH_CHECKS", True)
# The few statements a surge runs by the hundred are prepared once per connection on PostgreSQL
# (web/prepared.py). Off behind a pooler in transaction mode that cannot keep them (PgBouncer
# before 1.21): psycopg prepares nothing when the threshold is None, Django's default.
if not _SQLITE and env_bool("DATABASE_PREPARED_STATEMENTS", True):
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("prepare_threshold", 5)
# --- end scale: database connections ----------------------------------------------------------
# A streaming read replica takes the public pages' reads (web/read_replica.py): set
# DATABASE_REPLICA_URL to it. A form's sender reads the primary for the next
# DATABASE_REPLICA_PIN_SECONDS, so that what they just wrote shows despite the replica's lag.
DATABASE_REPLICA_PIN_SECONDS = int(os.environ.get("DATABASE_REPLICA_PIN_SECONDS", "10"))
if os.environ.get("DATABASE_REPLICA_URL"):
    _replica = dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"])
    _replica_is_sqlite = _replica["ENGINE"] == "django.db.backends.sqlite3"
    DATABASES["replica"] = {
        **_replica,
        "CONN_MAX_AGE": 0 if _replica_is_sqlite else DATABASES["default"]["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": DATABASES["default"]["CONN_HEALTH_CHECKS"],
        # A copy kept by Litestream or LiteFS, or a PostgreSQL standby, as the primary's.
        "OPTIONS": {"timeout": 20}
        if _replica_is_sqlite
        else {
            key: value
            for key, value in DATABASES["default"].get("OPTIONS", {}).items()
            if key == "prepare_threshold"
        },
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["turnout.web.read_replica.ReplicaRouter"]
    # After the proxy and metrics middleware, before anything that may read the database.
    MIDDLEWARE.insert(2, "turnout.web.read_replica.ReadReplicaMiddleware")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATA_DIR.mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

CACHES: dict[str, dict[str, object]] = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "turnout",
    }
}
if os.environ.get("REDIS_URL"):
    # A Redis that is down or hanging costs a cache miss, never a request: short socket
    # timeouts, then Redis is left alone for breaker_seconds (turnout/web/resilient_cache.py).
    CACHES["default"] = {
        "BACKEND": "turnout.web.resilient_cache.ResilientRedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25, "breaker_seconds": 5},
    }

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("nl", _("Dutch")),
]

USE_I18N = True
USE_TZ = True
# English in day-month order (en-GB) where Django formats a date itself: the admin, forms.
FORMAT_MODULE_PATH = ["turnout.formats"]
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise expects it even before collectstatic
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Serve static files straight from the apps' folders, so `turnout serve` needs no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_HTTPONLY = True
# Secure cookies whenever the site is public over HTTPS (SITE_URL), so a session can never be
# sent in the clear by default; plain-HTTP installs (localhost, a test) keep working.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", SITE_URL.startswith("https://"))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# LOG_FORMAT=json: one JSON object per line (turnout.web.json_logs), gunicorn's too.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "turnout.web.json_logs.JsonLinesFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            **({"formatter": "json"} if LOG_FORMAT == "json" else {}),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
FORMS_URLFIELD_ASSUME_HTTPS = True  # the Django 6 default, opted into now

# --- signups and notifications -----------------------------------------------------------
# Background work through Django's tasks API (django-tasks). "database" (django-tasks-db, the
# default: `turnout worker`, or the worker `turnout serve` starts), "immediate" (inline, for
# scripts), or the dotted path of any other backend class (for example django-tasks-rq's).
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
TASKS: dict[str, dict] = {"default": {"BACKEND": _TASK_BACKENDS.get(TASKS_BACKEND, TASKS_BACKEND)}}
# --- scale: the task queue on Redis (issue 21) -------------------------------------------------
# TASKS_BACKEND=rq: django-tasks-rq on REDIS_URL, for several servers and workers; the database
# queue stays the default (one service fewer). `turnout worker` then runs an RQ worker for the
# queue and the same timetable (notifications/rq_queue.py). DEFAULT_TIMEOUT is RQ's limit
# for one task, well above the slowest (a feed import).
# Tasks with a lower priority (reading a press link's page) wait in "low" (rq_queue.py).


def _with_socket_timeouts(url: str) -> str:
    """A web request that queues a task on a hung Redis waits at most a second (the outbox
    then sends by its sweep); RQ's worker raises the read timeout for its own blocking wait."""
    if "socket_timeout" in url:
        return url
    return url + ("&" if "?" in url else "?") + "socket_timeout=1&socket_connect_timeout=1"


_RQ_QUEUE = {
    "URL": _with_socket_timeouts(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")),
    "DEFAULT_TIMEOUT": int(os.environ.get("RQ_TASK_TIMEOUT", "900")),
}
RQ_QUEUES = {"default": _RQ_QUEUE, "low": _RQ_QUEUE}
if TASKS_BACKEND == "rq":
    if not os.environ.get("REDIS_URL"):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL (redis://host:6379/0).")
    TASKS = {
        "default": {
            "BACKEND": "turnout.notifications.rq_queue.RQBackend",
            "QUEUES": list(RQ_QUEUES),
        }
    }
    INSTALLED_APPS.append("django_rq")  # the backend's system check asks for it
# --- end scale: the task queue ------------------------------------------------------------------
# `turnout serve` runs a task worker beside the web server unless this is false.
TURNOUT_EMBEDDED_WORKER = env_bool("TURNOUT_EMBEDDED_WORKER", True)
# /readyz (turnout.web.health) answers 503 when no task worker's heartbeat is younger than this
# many seconds (workers beat every 5), or when an email has been due for longer than
# READY_OUTBOX_MAX_AGE_SECONDS. 0 turns a check off (a worker run from cron, for example).
READY_WORKER_STALE_SECONDS = int(os.environ.get("READY_WORKER_STALE_SECONDS", "60"))
READY_OUTBOX_MAX_AGE_SECONDS = int(os.environ.get("READY_OUTBOX_MAX_AGE_SECONDS", "900"))

# Email: EMAIL_URL (smtp://user:pass@host:587/?tls=True, smtp+ssl://..., console:, file:/path),
# or EMAIL_HOST and friends; by default messages are written as files under DATA_DIR/mail.
if os.environ.get("EMAIL_URL"):
    import dj_email_url

    _email = dj_email_url.parse(os.environ["EMAIL_URL"])
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_FILE_PATH = _email["EMAIL_FILE_PATH"] or str(DATA_DIR / "mail")
    EMAIL_HOST = _email["EMAIL_HOST"] or "localhost"
    EMAIL_PORT = _email["EMAIL_PORT"] or 25
    EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
    EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
    EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
    EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
elif os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", EMAIL_PORT == 587)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", EMAIL_PORT == 465)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(DATA_DIR / "mail")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
# EMAIL_TIMEOUT bounds one socket operation; a server answering a byte at a time never trips
# it. EMAIL_DEADLINE bounds the whole: opening a connection, and sending each message.
EMAIL_DEADLINE = float(os.environ.get("EMAIL_DEADLINE", str(EMAIL_TIMEOUT)))
if EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend":
    EMAIL_BACKEND = "turnout.notifications.smtp.DeadlineEmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", f"{TURNOUT_SITE_NAME} <turnout@localhost>"
)

# The outbox: attempts before a message is marked failed, the first retry's delay (doubling
# after each failure), and how long a claimed message may take before it counts as stuck.
OUTBOX_MAX_ATTEMPTS = int(os.environ.get("OUTBOX_MAX_ATTEMPTS", "8"))
OUTBOX_RETRY_SECONDS = int(os.environ.get("OUTBOX_RETRY_SECONDS", "60"))
OUTBOX_LEASE_SECONDS = int(os.environ.get("OUTBOX_LEASE_SECONDS", str(EMAIL_TIMEOUT * 4)))

# Signups: personal data of events that ended longer ago than this is anonymized.
SIGNUP_RETENTION_DAYS = int(os.environ.get("SIGNUP_RETENTION_DAYS", "180"))
# Abuse: signups per hour from one address (IP) and for one email address; the form must
# have been on screen at least this many seconds (a time trap for bots).
SIGNUP_RATE_PER_IP = int(os.environ.get("SIGNUP_RATE_PER_IP", "20"))
SIGNUP_RATE_PER_EMAIL = int(os.environ.get("SIGNUP_RATE_PER_EMAIL", "5"))
SIGNUP_MIN_SECONDS = int(os.environ.get("SIGNUP_MIN_SECONDS", "3"))
# The content page the signup form links as the protesters' code of conduct (/<lang>/<slug>/).
CODE_OF_CONDUCT_SLUG = os.environ.get("CODE_OF_CONDUCT_SLUG", "code-of-conduct")

# Press and media (press coverage, photos)
# Fetching a submitted link's title and outlet: seconds before giving up, and whether links to
# private or loopback addresses may be fetched (off: that would let anyone probe the server's
# own network; tests turn it on for their local HTTP server).
PRESS_METADATA_TIMEOUT = float(os.environ.get("PRESS_METADATA_TIMEOUT", "3"))
PRESS_METADATA_ALLOW_PRIVATE_ADDRESSES = env_bool("PRESS_METADATA_ALLOW_PRIVATE_ADDRESSES", False)
# Event proposals per hour from one address (IP) and for one proposer's email address: each
# stores an event and emails the address typed in.
PROPOSALS_PER_HOUR = int(os.environ.get("PROPOSALS_PER_HOUR", "20"))
PROPOSALS_PER_HOUR_PER_EMAIL = int(os.environ.get("PROPOSALS_PER_HOUR_PER_EMAIL", "10"))
# Press links one address (IP) may submit per hour without an account, and one account with.
PRESS_SUBMISSIONS_PER_HOUR = int(os.environ.get("PRESS_SUBMISSIONS_PER_HOUR", "10"))
PRESS_SUBMISSIONS_PER_HOUR_SIGNED_IN = int(
    os.environ.get("PRESS_SUBMISSIONS_PER_HOUR_SIGNED_IN", "60")
)
# Photos: largest upload in bytes and in pixels (a decompression-bomb guard), files per upload.
PHOTO_MAX_BYTES = int(os.environ.get("PHOTO_MAX_BYTES", str(20 * 1024 * 1024)))
PHOTO_MAX_PIXELS = int(os.environ.get("PHOTO_MAX_PIXELS", str(50_000_000)))
PHOTO_MAX_FILES = int(os.environ.get("PHOTO_MAX_FILES", "20"))
# Serve uploaded photos from the application at MEDIA_URL (the embedded default). Turn it off
# when a web server or object storage serves MEDIA_ROOT instead.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# --- content and translation (turnout.content, turnout.translation) --------------------------
# Machine translation of pages and campaign texts: "none" (off, the default) or "openai" for any
# OpenAI-compatible chat-completions endpoint, hosted or a local model server.
TURNOUT_TRANSLATION_PROVIDER = os.environ.get("TRANSLATION_PROVIDER", "none")
TURNOUT_TRANSLATION_ENDPOINT = os.environ.get("TRANSLATION_ENDPOINT", "http://127.0.0.1:8080/v1")
TURNOUT_TRANSLATION_MODEL = os.environ.get("TRANSLATION_MODEL", "")
TURNOUT_TRANSLATION_API_KEY = os.environ.get("TRANSLATION_API_KEY", "")
TURNOUT_TRANSLATION_TIMEOUT = float(os.environ.get("TRANSLATION_TIMEOUT", "60"))
# Attempts per segment (a rate limit or a translation failing its checks is tried again),
# and the first pause between attempts in seconds (doubling each time).
TURNOUT_TRANSLATION_MAX_ATTEMPTS = int(os.environ.get("TRANSLATION_MAX_ATTEMPTS", "3"))
TURNOUT_TRANSLATION_RETRY_DELAY = float(os.environ.get("TRANSLATION_RETRY_DELAY", "2"))
# Prices per million tokens (input, output) and the most a calendar month may cost, in the
# provider's currency. A local model server costs nothing: leave the prices at 0.
TURNOUT_TRANSLATION_PRICE_INPUT = Decimal(os.environ.get("TRANSLATION_PRICE_INPUT", "0"))
TURNOUT_TRANSLATION_PRICE_OUTPUT = Decimal(os.environ.get("TRANSLATION_PRICE_OUTPUT", "0"))
TURNOUT_TRANSLATION_MONTHLY_CAP = Decimal(os.environ.get("TRANSLATION_MONTHLY_CAP", "10"))
# The markdown importer may ask the translation provider's model to read what its rules could
# not ("translation"), keeping only facts the page confirms; "none" (the default) sends nothing,
# so switching translation on never starts sending imported pages to a model by itself.
TURNOUT_IMPORT_READER = os.environ.get("IMPORT_READER", "none")

# Organizing (accounts, proposals, dashboards, groups): people sign in by email link or code.
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "campaigns:home"

# --- discovery (turnout.geo, turnout.api) ------------------------------------------------------
# The offline gazetteer's smallest city, in inhabitants: 15000 (about 34 000 cities, ~1 s and
# ~60 MB per process), 5000, 1000 or 500 (the most towns, several times the memory).
TURNOUT_GAZETTEER_MIN_POPULATION = int(os.environ.get("GAZETTEER_MIN_POPULATION", "15000"))
# An optional interactive map with tiles, e.g. "https://tile.example.org/{z}/{x}/{y}.png". Empty
# (the default) means none: the server-drawn map only, and no request to a tile server, ever.
TURNOUT_MAP_TILES_URL = os.environ.get("MAP_TILES_URL", "")
TURNOUT_MAP_TILES_ATTRIBUTION = os.environ.get("MAP_TILES_ATTRIBUTION", "")

# --- calendar imports (turnout.importers) ------------------------------------------------------
# A recurring series becomes one event per occurrence from this many days back to this many
# days ahead; a later sync adds the occurrences the moving window reaches.
# Calendar feeds imported or registered (`turnout import ical URL --register`, the admin) are
# fetched from public addresses only, unless this is on: for a feed on the movement's own
# network, and for tests' local HTTP server.
CALENDAR_FEEDS_ALLOW_PRIVATE_ADDRESSES = env_bool("CALENDAR_FEEDS_ALLOW_PRIVATE_ADDRESSES", False)
TURNOUT_CALENDAR_HORIZON_DAYS = int(os.environ.get("CALENDAR_HORIZON_DAYS", "365"))
TURNOUT_CALENDAR_HISTORY_DAYS = int(os.environ.get("CALENDAR_HISTORY_DAYS", "365"))
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],  # public and read-only: no sessions, no CSRF
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Turnout API",
    "DESCRIPTION": "Read-only public data: campaigns, local events, groups and places. "
    "No personal data. Pages of 50 (`page`, `page_size` up to 200); answers carry ETag and "
    "Cache-Control.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
}

# --- security (turnout.web.security) ---------------------------------------------------------
# Production behind TLS: SECURE_COOKIES=true, SECURE_SSL_REDIRECT=true, SECURE_HSTS_SECONDS
# (e.g. 31536000) and, behind a reverse proxy that terminates TLS, TRUSTED_PROXIES (its address).
# `turnout check --deploy` then passes.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# Load balancers probe /healthz and /readyz over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (turnout.web.proxies):
# addresses or networks, e.g. "127.0.0.1,10.0.0.0/8". Empty (the default): none, REMOTE_ADDR is
# the client. `turnout serve` gives the same list to gunicorn (forwarded_allow_ips).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")
# X-Forwarded-Proto: https makes a request secure: from a trusted proxy only when TRUSTED_PROXIES
# is set (on by default then); SECURE_PROXY_SSL_HEADER=true without it believes any sender.
if env_bool("SECURE_PROXY_SSL_HEADER", bool(TRUSTED_PROXIES)):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy (django-csp): nothing from third parties by default, no inline
# scripts or styles. turnout.web.security adds a consented embed provider's hosts for that
# visitor, the tile server when MAP_TILES_URL is set, and lets views exempt from
# X-Frame-Options (the /embed/ widget) be framed by any site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- campaign page cache (turnout.campaigns.page_cache; benchmarks in bench/) -----------------
# Seconds a campaign page keeps its rendered list of local events and their map; any change to
# the campaign or its events shows at once (the cache key is read from the database). 0 turns
# the cache off.
TURNOUT_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Seconds the whole page is kept for visitors who bring no cookie (a crowd from a shared link);
# press, photos and translations, which the version does not cover, show within this time.
TURNOUT_WHOLE_PAGE_CACHE_SECONDS = int(os.environ.get("WHOLE_PAGE_CACHE_SECONDS", "10"))


# --- scale: files on S3-compatible object storage (issue 21) -----------------------------------
# MEDIA_STORAGE_URL=s3://bucket/prefix?endpoint_url=https://s3.example.org&region=eu-west-1
# (optional: addressing_style=path for MinIO and moto) keeps photos and logos in a bucket that
# every server reads; credentials come from the standard AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY (or the machine's role). Every object is written private: a page links
# a file through a signed URL that expires after MEDIA_URL_EXPIRE_SECONDS (300), so a link to a
# photo later unpublished or deleted stops working within minutes, and a bucket listing or a
# guessed name shows nothing. Names are never reused (file_overwrite off).
def _object_storage(url: str) -> tuple[dict, list[str]]:
    """STORAGES["default"] for a MEDIA_STORAGE_URL, and the origins its signed URLs use."""
    from urllib.parse import parse_qs, urlsplit

    from botocore.config import Config

    _storage_timeout = float(os.environ.get("MEDIA_STORAGE_TIMEOUT", "5"))
    parts = urlsplit(url)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    if parts.scheme != "s3" or not parts.hostname:
        raise ValueError(f"MEDIA_STORAGE_URL must look like s3://bucket/prefix, not {url!r}")
    bucket, endpoint = parts.hostname, query.get("endpoint_url")
    region = query.get("region") or os.environ.get("AWS_DEFAULT_REGION") or None
    addressing = query.get("addressing_style") or None
    options = {
        "bucket_name": bucket,
        "location": parts.path.strip("/"),
        "endpoint_url": endpoint,
        "region_name": region,
        "addressing_style": addressing,
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": int(os.environ.get("MEDIA_URL_EXPIRE_SECONDS", "300")),
        "file_overwrite": False,
        # boto's defaults wait 60 s to connect and 60 s for each read, four times over: a
        # store that hangs would hold an upload's web worker for minutes. Here a request gives
        # up after MEDIA_STORAGE_TIMEOUT seconds per step and is tried once more.
        "client_config": Config(
            s3={"addressing_style": addressing},
            signature_version="s3v4",
            connect_timeout=_storage_timeout,
            read_timeout=_storage_timeout,
            retries={"max_attempts": 2, "mode": "standard"},
        ),
    }
    if endpoint:
        origin = urlsplit(endpoint)
        origins = [f"{origin.scheme}://{origin.netloc}"]
        if addressing != "path":
            origins.append(f"{origin.scheme}://{bucket}.{origin.netloc}")
    else:
        origins = [f"https://{bucket}.s3.amazonaws.com"]
        if region:
            origins += [f"https://{bucket}.s3.{region}.amazonaws.com"]
    # django-storages' S3 storage under one overall deadline per call (a store answering a byte
    # at a time never trips a per-read time-out).
    return {"BACKEND": "turnout.web.object_storage.DeadlineS3Storage", "OPTIONS": options}, origins


MEDIA_STORAGE_URL = os.environ.get("MEDIA_STORAGE_URL", "").strip()
if MEDIA_STORAGE_URL:
    STORAGES["default"], _media_origins = _object_storage(MEDIA_STORAGE_URL)
    # Photos are then images from the bucket's address: the policy allows that one, no other.
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] += _media_origins
# --- end scale: object storage ------------------------------------------------------------------

# --- metrics and backups (turnout.web.metrics, turnout.operations) ----------------------------
# /metrics answers a request bearing "Authorization: Bearer $METRICS_TOKEN", or one from these
# networks (the real client, after TRUSTED_PROXIES); anyone else gets a 404.
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
METRICS_ALLOWED_NETWORKS = env_list("METRICS_ALLOWED_NETWORKS", "127.0.0.1/32,::1/128")
# Seconds a process keeps the counts it read from the database (signups, outbox, tasks).
METRICS_CACHE_SECONDS = float(os.environ.get("METRICS_CACHE_SECONDS", "5"))
