from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Commands for whoever runs the platform: `turnout backup` and `turnout restore`. No
    models, so nothing of it shows in the admin or needs translating."""

    name = "turnout.operations"
