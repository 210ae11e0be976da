from django.contrib import admin

from .models import CalendarFeed, ImportedEvent


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["__str__", "campaign", "is_active", "sync_every_hours", "last_synced_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "url"]
    readonly_fields = ["last_synced_at", "last_error", "last_read_whole_at", "etag"]

    def save_model(self, request, obj, form, change):
        if change and "url" in form.changed_data:
            obj.forget_version()  # another address: its server's versions are not these
        super().save_model(request, obj, form, change)


@admin.register(ImportedEvent)
class ImportedEventAdmin(admin.ModelAdmin):
    list_display = ["event", "feed", "uid", "url", "updated_at"]
    list_filter = ["feed"]
    search_fields = ["uid", "url", "event__city"]
    raw_id_fields = ["event"]
