"""Django's date and number formats where ours differ from Django's (FORMAT_MODULE_PATH)."""
