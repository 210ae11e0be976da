"""WSGI entry point for application servers (gunicorn in `turnout serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "turnout.settings")
application = get_wsgi_application()
