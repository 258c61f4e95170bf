"""Complete, safe-for-development settings. test.py and prod.py only override.

Every value comes from the environment (django-environ) with an embedded default: SQLite and kombu's
filesystem broker, so `make run` needs no server. Point DATABASE_URL / CELERY_BROKER_URL at PostgreSQL
and Redis to use them.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="dev-insecure-0m9v3y7x2k4q8r1t6w5z-not-for-production")
DEBUG = env.bool("DEBUG", default=True)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.humanize",
    "rest_framework",
    "csp",
    "drf_spectacular",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.google",
    "allauth.socialaccount.providers.facebook",
    "allauth.socialaccount.providers.twitter_oauth2",
    "accounts",
    "accounts.providers.instagram_login",
    "profiles",
    "predictions.campaigns",
    "predictions.audits",
    "predictions.results",
    "network",
    "ml",
    "discovery",
    "dashboard",
    "config.apps.CoreConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.DatabaseRetryMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.ActiveOrganizationMiddleware",
    "config.middleware.ApplicationErrorMiddleware",
    "config.post_only.PostOnlyGetRedirectMiddleware",
    "config.pagecache.PageCacheMiddleware",
]

# Content-Security-Policy: scripts only from this site's static files (no inline script anywhere; page data goes
# through json_script). Inline style attributes stay allowed (Bootstrap utilities, progress bars, htmx indicators).
# No form-action: social login forms continue to the provider's site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "media-src": ["'self'", "blob:"],  # video drafts: this site's renditions, and the chosen file's preview
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Django's form renderer, with its select and input widgets written in Python (the same bytes, faster; config/forms.py).
FORM_RENDERER = "config.forms.FormRenderer"

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.organization",
            ],
            # {% url %} remembered per distinct link (config/templatetags/urls.py), in every template.
            "builtins": ["config.templatetags.urls", "profiles.templatetags.handles"],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while a worker writes. IMMEDIATE takes the write lock when a transaction
    # starts, so concurrent writers queue on the busy timeout instead of failing at once with "database is
    # locked" (a DEFERRED transaction that reads first cannot wait: SQLite refuses its lock upgrade).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
        }
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    # A persistent connection that PostgreSQL dropped (restart, failover) is replaced, not raised to the user.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # No JIT compilation: pages run short queries whose plans look costly on large tables (a count over a
        # million discovery rows), and compiling them took 8-32 ms of each (bench/bench_discovery.py at 1M rows:
        # "no filter" p50 68 -> 35 ms). POSTGRES_JIT=on gives it back.
        options = DATABASES["default"].setdefault("OPTIONS", {})
        jit = "on" if env.bool("POSTGRES_JIT", default=False) else "off"
        options["options"] = f"{options.get('options', '')} -c jit={jit}".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# allauth's login rate limits and the API throttles count in this cache. A per-process memory cache lets each
# gunicorn worker count on its own; production sets CACHE_URL (or REDIS_URL) to Redis, which every process shares.
CACHE_URL = env("CACHE_URL", default=env("REDIS_URL", default="locmemcache://"))
CACHES = {"default": env.cache_url_config(CACHE_URL)}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # An outage of Redis must not fail a page (config/cache.py); short timeouts so a hung Redis cannot stall one.
    CACHES["default"]["BACKEND"] = "config.cache.FailSoftRedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update({"socket_connect_timeout": 1, "socket_timeout": 1})
# Signed-in reads are served from the cache until the next database write (config/pagecache.py). Only with a cache
# that every process shares: a worker's write must reach the web process's cache.
_SHARED_CACHE = not CACHES["default"]["BACKEND"].endswith(("LocMemCache", "DummyCache"))
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300 if _SHARED_CACHE else 0)
# Sessions are read on every request: from the shared cache when there is one (written through to the database).
if _SHARED_CACHE:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/", "/accounts/", "/health/", "/api/schema/", "/static/", "/media/")

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "account_login"
SITE_ID = 1

# --- django-allauth -------------------------------------------------------------------------------------------
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_UNIQUE_EMAIL = True
# No account enumeration: sign-up with a registered address and password reset for an unknown one answer exactly
# as for any other address; the address's owner is told by e-mail instead (allauth's account_already_exists and
# unknown_account mails).
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# How many reverse proxies (nginx, Caddy, a load balancer) stand in front of the app and append the client's address
# to X-Forwarded-For. Login limits (allauth) and API throttles (DRF) key on the address that many hops from the
# right; with 0 they key on REMOTE_ADDR and ignore the header, which a client could otherwise forge to escape a
# limit. Production defaults to 1, the proxy that "Deploying" sets up (prod.py).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "accounts.adapters.SocialAccountAdapter"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_STORE_TOKENS = True
SOCIALACCOUNT_LOGIN_ON_GET = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "SocialLens"


def _social_app(prefix: str) -> list[dict[str, str]]:
    """A provider is configured from the environment only when its keys are set (else via Django admin)."""
    client_id = env(f"{prefix}_CLIENT_ID", default="")
    secret = env(f"{prefix}_CLIENT_SECRET", default="")
    return [{"client_id": client_id, "secret": secret, "key": ""}] if client_id and secret else []


SOCIALACCOUNT_PROVIDERS = {
    "google": {"APPS": _social_app("GOOGLE"), "SCOPE": ["profile", "email"]},
    "facebook": {"APPS": _social_app("FACEBOOK"), "METHOD": "oauth2", "SCOPE": ["email", "public_profile"]},
    "twitter_oauth2": {"APPS": _social_app("X")},
    "instagram_login": {"APPS": _social_app("INSTAGRAM")},
}

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="SocialLens <noreply@sociallens.local>")
INVITATION_TTL_DAYS = env.int("INVITATION_TTL_DAYS", default=7)

# --- Internationalisation and static files ------------------------------------------------------------------
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
# Front-end libraries come from npm (package.json + lockfile) and are served by whitenoise: no CDN at run time.
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", NODE_MODULES / "bootstrap-icons" / "font"),
    ("vendor/chart.js", NODE_MODULES / "chart.js" / "dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/tus", NODE_MODULES / "tus-js-client" / "dist"),
    ("vendor/graphology", NODE_MODULES / "graphology" / "dist"),
    ("vendor/sigma", NODE_MODULES / "sigma" / "dist"),
    ("vendor/swagger-ui", NODE_MODULES / "swagger-ui-dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# `make run` serves the platform with DEBUG off (Procfile), as people will judge it, without a collectstatic step:
# whitenoise serves the static folders directly. Production serves the collected, hashed files instead (prod.py).
WHITENOISE_USE_FINDERS = True
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- REST API -----------------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    # Token first: DRF takes the 401 challenge from the first class (session auth alone would turn it into 403).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.PersonalTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # Bodies are JSON (null, lists and numbers mean what the schema says); the endpoints that take files (a draft's
    # images, a graph file) add multipart themselves.
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "config.api.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", default="60/min"),
        "user": env("API_THROTTLE_USER", default="1200/min"),
    },
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "config.api.exception_handler",
    # DRF's default (None) would take X-Forwarded-For as sent, forged or not.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "SocialLens API",
    "DESCRIPTION": "Influencer analytics: linked profiles, authenticity audits, content scoring and influence graphs.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "config.schema.declare_error_responses"],
    "COMPONENT_SPLIT_REQUEST": True,
    # Several models have a `status`: name each choice set after its own class.
    "ENUM_NAME_OVERRIDES": {
        "JobStatusEnum": "config.jobs.JobStatus",
        "PlatformEnum": "profiles.models.Platform",
        "CampaignStatusEnum": "predictions.campaigns.models.CampaignStatus",
        "SubmissionStatusEnum": "predictions.campaigns.models.SubmissionStatus",
    },
    # Swagger UI from npm (swagger-ui-dist), served by whitenoise: no CDN.
    "SWAGGER_UI_DIST": STATIC_URL + "vendor/swagger-ui",
    "SWAGGER_UI_FAVICON_HREF": STATIC_URL + "vendor/swagger-ui/favicon-32x32.png",
}

# --- Celery ---------------------------------------------------------------------------------------------------
# Default broker: kombu's filesystem transport, which carries tasks between separate worker processes with no server.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="filesystem://")
BROKER_DIR = env.path("CELERY_BROKER_DIR", default=str(VAR_DIR / "broker"))
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR("out")),
        "data_folder_out": str(BROKER_DIR("out")),
        "processed_folder": str(BROKER_DIR("processed")),
        "control_folder": str(BROKER_DIR("control")),
        "store_processed": False,
    }
elif CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    # With acks_late a task whose worker died stays unacknowledged; Redis hands it to another worker once the
    # visibility timeout passes (default one hour). Ten minutes: a task still running then is delivered twice,
    # and its job's conditional claim makes the second delivery return at once.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=600)}
CELERY_RESULT_BACKEND = None  # results and progress live on the project's own rows
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_DEFAULT_QUEUE = "default"
# Every task routed off `default` is named here, under the name it is registered with (its module's path).
CELERY_TASK_ROUTES = {
    "profiles.tasks.fetch_job": {"queue": "fetch"},
    "predictions.audits.tasks.audit_run": {"queue": "ml"},
    "predictions.audits.tasks.audit_resume_stale": {"queue": "ml"},
    "predictions.campaigns.tasks.score_submission_version": {"queue": "ml"},
    "predictions.campaigns.tasks.process_submission_video": {"queue": "ml"},
    "predictions.campaigns.tasks.likes_retrain_weekly": {"queue": "ml"},
    "predictions.results.tasks.track_published_posts": {"queue": "fetch"},  # it calls the platform fetchers
    "network.tasks.graph_snapshot_analyze": {"queue": "ml"},
    "discovery.tasks.insights_refresh_stale": {"queue": "ml"},
    "discovery.tasks.insights_refresh": {"queue": "ml"},
    "discovery.tasks.typical_posts_refresh": {"queue": "ml"},
    "discovery.tasks.lookalike_indexes_refresh": {"queue": "ml"},
    "profiles.tasks.brand_safety_screen_stale": {"queue": "ml"},
}
CELERY_TASK_ACKS_LATE = True
# A worker child killed mid-task (OOM, SIGKILL) puts its message back on the queue instead of acknowledging it.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 30 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 25 * 60
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
# Background jobs (config.jobs): a running job beats every JOBS_HEARTBEAT_SECONDS from a thread of its own; one
# silent for JOBS_STALE_AFTER_SECONDS lost its worker and the stale-job sweep (every 30 s, below) re-queues it, so
# a crashed worker's job resumes within stale_after + 30 s (1.5 min), even on the filesystem broker.
JOBS_HEARTBEAT_SECONDS = env.float("JOBS_HEARTBEAT_SECONDS", default=15.0)
JOBS_STALE_AFTER_SECONDS = env.float("JOBS_STALE_AFTER_SECONDS", default=60.0)
JOBS_SWEEP_SECONDS = 30.0
# A PENDING job whose message was lost (the broker was unreachable when it was sent) is sent again after this long.
JOBS_UNSENT_AFTER_SECONDS = env.float("JOBS_UNSENT_AFTER_SECONDS", default=300.0)
AUDITS_BATCH_SIZE = env.int("AUDITS_BATCH_SIZE", default=5000)  # followers classified and stored per transaction
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE: dict[str, dict] = {
    # 03:15 UTC every day: drop invitations that expired more than 30 days ago.
    "accounts-purge-expired-invitations": {
        "task": "accounts.tasks.purge_expired_invitations",
        "schedule": crontab(hour=3, minute=15),
        "options": {"expires": 60 * 60},
    },
    # 04:30 UTC every day: refresh every linked profile whose platform integration is on (new snapshot + posts).
    "profiles-refresh-linked": {
        "task": "profiles.tasks.refresh_linked_profiles",
        "schedule": crontab(hour=4, minute=30),
        "options": {"expires": 2 * 60 * 60},
    },
    # Every 10 minutes: re-queue fetch jobs whose rate-limit wait is over but whose retry message was lost.
    "profiles-resume-waiting-fetches": {
        "task": "profiles.tasks.resume_waiting_fetches",
        "schedule": crontab(minute="*/10"),
        "options": {"expires": 9 * 60},
    },
    # Every 5 minutes: re-queue follower audits whose rate-limit wait is over (a dead worker's audit is re-queued by
    # config-requeue-stale-jobs, like every other job).
    "audits-resume-waiting": {
        "task": "predictions.audits.tasks.audit_resume_stale",
        "schedule": crontab(minute="*/5"),
        "options": {"expires": 4 * 60},
    },
    # 02:40 UTC every day: link approved submissions whose planned time has passed to their published posts.
    "campaigns-match-published-posts": {
        "task": "predictions.campaigns.tasks.submissions_match_published_posts",
        "schedule": crontab(hour=2, minute=40),
        "options": {"expires": 60 * 60},
    },
    # 04:30 UTC on Mondays: retrain the like model when enough new outcomes exist; activate only if it is better.
    "campaigns-likes-retrain-weekly": {
        "task": "predictions.campaigns.tasks.likes_retrain_weekly",
        "schedule": crontab(hour=4, minute=30, day_of_week=1),
        "options": {"expires": 6 * 60 * 60},
    },
    # Every 2 minutes: recompute the discovery rows (niche, language, metrics) of profiles whose data changed.
    "discovery-refresh-stale": {
        "task": "discovery.tasks.insights_refresh_stale",
        "schedule": crontab(minute="*/2"),
        "options": {"expires": 110},
    },
    # Every 10 minutes: rebuild the lookalike index of agencies with LOOKALIKES_ANN_MIN or more content vectors whose
    # index is older than their latest refresh (at most once per LOOKALIKES_INDEX_EVERY_MINUTES).
    "discovery-lookalike-indexes": {
        "task": "discovery.tasks.lookalike_indexes_refresh",
        "schedule": crontab(minute="*/10"),
        "options": {"expires": 9 * 60},
    },
    # Every 30 minutes: screen posts for brand safety that the current screen has not seen (the discovery refresh
    # screens changed profiles; this catches a new engine version or a keyword change whose refresh was lost).
    "profiles-brand-safety-screen-stale": {
        "task": "profiles.tasks.brand_safety_screen_stale",
        "schedule": crontab(minute="*/30"),
        "options": {"expires": 25 * 60},
    },
    # 05:10 UTC every day: refresh published campaign posts (daily for 30 days after publication, weekly after,
    # until the campaign closes) through the fetchers when on, and record each fresh reading.
    "results-track-published-posts": {
        "task": "predictions.results.tasks.track_published_posts",
        "schedule": crontab(hour=5, minute=10),
        "options": {"expires": 3 * 60 * 60},
    },
    # Every 30 seconds: jobs whose worker died (no heartbeat for JOBS_STALE_AFTER_SECONDS) go back to their task.
    # The filesystem broker never redelivers an unacknowledged message, so this sweep is what resumes their work.
    "config-requeue-stale-jobs": {
        "task": "config.celery.requeue_stale_jobs",
        "schedule": timedelta(seconds=JOBS_SWEEP_SECONDS),
        "options": {"expires": JOBS_SWEEP_SECONDS - 5},
    },
}
# Task modules: every installed app's <app>.tasks, autodiscovered by config/celery.py (no CELERY_IMPORTS needed).

# --- Integrations (off while their keys are empty; the UI says so) ---------------------------------------------
INSTAGRAM_SESSION_KEY = env("INSTAGRAM_SESSION_KEY", default="")  # Fernet key for stored Instagram sessions
X_BEARER_TOKEN = env("X_BEARER_TOKEN", default="")
YOUTUBE_API_KEY = env("YOUTUBE_API_KEY", default="")  # a YouTube Data API v3 key: turns YouTube fetching on
YOUTUBE_QUOTA_UNITS = env.int("YOUTUBE_QUOTA_UNITS", default=10_000)  # the project's daily quota (Google's default)
# yt-dlp reads TikTok and YouTube from their public pages, without a key: used where no API key is set. Needs the
# network; off, TikTok and YouTube are imported from files.
YTDLP_FETCHING = env.bool("YTDLP_FETCHING", default=True)
# TikTok's Research API (client credentials of an approved research project): preferred to yt-dlp when set.
TIKTOK_RESEARCH_CLIENT_KEY = env("TIKTOK_RESEARCH_CLIENT_KEY", default="")
TIKTOK_RESEARCH_CLIENT_SECRET = env("TIKTOK_RESEARCH_CLIENT_SECRET", default="")
TIKTOK_RESEARCH_WINDOWS = env.int("TIKTOK_RESEARCH_WINDOWS", default=6)  # 30-day windows searched back for videos
# Shared platform rate limits: (requests, per seconds) per platform and credential, for every worker process.
# Instagram: below instaloader's own 200 GraphQL queries / 11 min; X: a general budget, X's x-rate-limit-* headers
# add per-endpoint pauses. Redis holds the state when it is the broker (or PROFILES_RATE_LIMIT_REDIS_URL), else the DB.
PROFILES_RATE_LIMITS = {
    "instagram": (env.int("INSTAGRAM_RATE_LIMIT", default=150), 660.0),
    "x": (env.int("X_RATE_LIMIT", default=300), 900.0),
    # yt-dlp on the public pages: a person's pace, not a crawler's (every page and listing request counts).
    "tiktok": (env.int("TIKTOK_RATE_LIMIT", default=30), 60.0),
    "youtube": (env.int("YOUTUBE_PAGES_RATE_LIMIT", default=60), 60.0),
    # The Research API: 1,000 requests a day per project (TikTok's published limit).
    "tiktok-research": (env.int("TIKTOK_RESEARCH_DAILY_REQUESTS", default=1000), 86400.0),
}
PROFILES_RATE_LIMIT_REDIS_URL = env("PROFILES_RATE_LIMIT_REDIS_URL", default="")
PROFILES_RATE_LIMIT_MAX_SLEEP = env.float("PROFILES_RATE_LIMIT_MAX_SLEEP", default=30.0)  # longer waits: retry later
PROFILES_RECENT_POSTS = env.int("PROFILES_RECENT_POSTS", default=24)
PROFILES_FOLLOWER_SAMPLE = env.int("PROFILES_FOLLOWER_SAMPLE", default=200)
PROFILES_IMPORT_MAX_BYTES = env.int("PROFILES_IMPORT_MAX_BYTES", default=200 * 1024 * 1024)
# Files larger than this are read one record at a time (ijson for a JSON array, line by line for JSON Lines and CSV)
# and their records are kept on disk in batches until the one write transaction, so an import's memory stays flat
# whatever the file's size (bench/bench_import_stream.py). Smaller files are read whole: quicker, same result.
PROFILES_IMPORT_STREAM_BYTES = env.int("PROFILES_IMPORT_STREAM_BYTES", default=8 * 1024 * 1024)
# Lookalikes: an agency with this many content vectors or more is searched through an approximate index (faiss,
# ml/engine/ann.py) built on the ml queue into LOOKALIKES_INDEX_DIR (shared by the web processes of a machine, or a
# shared volume); below it, one exact matrix product is faster than any index (bench/bench_lookalikes.py).
LOOKALIKES_ANN_MIN = env.int("LOOKALIKES_ANN_MIN", default=50000)
LOOKALIKES_INDEX_DIR = env.path("LOOKALIKES_INDEX_DIR", default=str(VAR_DIR / "lookalike-indexes"))
LOOKALIKES_INDEX_EVERY_MINUTES = env.int("LOOKALIKES_INDEX_EVERY_MINUTES", default=30)
LOOKALIKES_INDEX_MAX_DELTA = env.int("LOOKALIKES_INDEX_MAX_DELTA", default=5000)  # rows read beside the index
LOOKALIKES_CANDIDATES = env.int("LOOKALIKES_CANDIDATES", default=4000)  # re-ranked exactly per query
LOOKALIKES_NPROBE = env.int("LOOKALIKES_NPROBE", default=96)
ML_ARTIFACTS_DIR = env.path("ML_ARTIFACTS_DIR", default=str(BASE_DIR / "ml" / "artifacts"))

# LOG_FORMAT=json (the production default): one JSON object per line, for a log collector.
LOG_FORMAT = env("LOG_FORMAT", default="text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(process)d",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}

# Errors go to Sentry when SENTRY_DSN is set (web and workers: the Django and Celery integrations load themselves).
SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
        send_default_pii=False,
    )

# --- Campaign content review (predictions.campaigns) -----------------------------------------------------------
CAMPAIGN_UPLOAD_MAX_BYTES = env.int("CAMPAIGN_UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
CAMPAIGN_UPLOAD_MAX_PIXELS = env.int("CAMPAIGN_UPLOAD_MAX_PIXELS", default=40_000_000)
CAMPAIGN_UPLOAD_MAX_IMAGES = env.int("CAMPAIGN_UPLOAD_MAX_IMAGES", default=10)
# All images of one request together: ten 40-megapixel photos would cost ~30 s of web CPU and ~600 MB to decode.
CAMPAIGN_UPLOAD_MAX_REQUEST_PIXELS = env.int("CAMPAIGN_UPLOAD_MAX_REQUEST_PIXELS", default=60_000_000)
# Stored images are at most this many pixels on their longer edge (Instagram shows at most 1080 wide).
CAMPAIGN_UPLOAD_MAX_EDGE = env.int("CAMPAIGN_UPLOAD_MAX_EDGE", default=2048)
CAMPAIGN_RETRAIN_MIN_OUTCOMES = env.int("CAMPAIGN_RETRAIN_MIN_OUTCOMES", default=20)
# Video drafts (predictions/campaigns/video.py, ml/engine/video.py): the largest file taken (streamed to disk, never
# held in memory), the longest and the largest frame; the reader's limits per file, in a child process.
CAMPAIGN_VIDEO_MAX_BYTES = env.int("CAMPAIGN_VIDEO_MAX_BYTES", default=500 * 1024 * 1024)
CAMPAIGN_VIDEO_MAX_SECONDS = env.int("CAMPAIGN_VIDEO_MAX_SECONDS", default=3600)
CAMPAIGN_VIDEO_MAX_EDGE = env.int("CAMPAIGN_VIDEO_MAX_EDGE", default=4096)  # 4K; "16k × 16k" claims are refused
CAMPAIGN_VIDEO_MAX_FPS = env.int("CAMPAIGN_VIDEO_MAX_FPS", default=120)
# Resumable (tus) uploads: videos larger than this go up in checksummed pieces that resume after a dropped
# connection; their part files are kept here, never served.
CAMPAIGN_VIDEO_RESUMABLE_OVER_BYTES = env.int("CAMPAIGN_VIDEO_RESUMABLE_OVER_BYTES", default=20 * 1024 * 1024)
CAMPAIGN_UPLOAD_PARTS_DIR = env.path("CAMPAIGN_UPLOAD_PARTS_DIR", default=str(VAR_DIR / "upload-parts"))
VIDEO_PROBE_SECONDS = env.int("VIDEO_PROBE_SECONDS", default=20)  # reading the headers, in the web request
VIDEO_PROCESS_SECONDS = env.int("VIDEO_PROCESS_SECONDS", default=600)  # the decoding pass, on the ml queue
VIDEO_CPU_SECONDS = env.int("VIDEO_CPU_SECONDS", default=900)
VIDEO_MEMORY_BYTES = env.int("VIDEO_MEMORY_BYTES", default=3 * 1024**3)

# --- Campaign results for the brand (predictions.results) -------------------------------------------------------
# Reach is not given for other people's posts: estimate it as this share of followers at posting (or the views).
RESULTS_REACH_RATE = env.float("RESULTS_REACH_RATE", default=0.25)
RESULTS_APPROVAL_LINK_DAYS = env.int("RESULTS_APPROVAL_LINK_DAYS", default=7)
# Magic-link requests per 10 minutes: per link, and per client address across links (guessing, scraping).
RESULTS_APPROVAL_RATE_PER_LINK = env.int("RESULTS_APPROVAL_RATE_PER_LINK", default=30)
RESULTS_APPROVAL_RATE_PER_CLIENT = env.int("RESULTS_APPROVAL_RATE_PER_CLIENT", default=120)
