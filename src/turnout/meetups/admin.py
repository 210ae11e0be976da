"""Recurring meet-ups in the admin: to look, not to edit (edits go through the pages, which
tell participants)."""

from django.contrib import admin

from .models import MeetupSeries, SeriesOccurrence


class OccurrenceInline(admin.TabularInline):
    model = SeriesOccurrence
    fields = ["event", "recurrence_id", "is_detached"]
    readonly_fields = ["event", "recurrence_id", "is_detached"]
    extra = 0
    can_delete = False


@admin.register(MeetupSeries)
class MeetupSeriesAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "rrule", "dtstart", "start_time", "timezone"]
    list_filter = ["timezone"]
    search_fields = ["title", "group__name"]
    inlines = [OccurrenceInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
