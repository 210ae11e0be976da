from tests.reliability.served import database_template, served_database  # noqa: F401
