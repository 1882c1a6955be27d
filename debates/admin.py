"""Django admin for debates: creating a debate, its sessions and facilitators. Running the room
(modes, hides, mutes) happens in the room itself, through the services."""

from django.contrib import admin

from debates import notices
from debates.models import Debate, DebateSession


class SessionInline(admin.TabularInline):
    model = DebateSession
    extra = 1
    fields = ["title", "starts_at", "ends_at"]


@admin.register(Debate)
class DebateAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "mode", "visibility", "engagement", "created_at"]
    list_filter = ["status", "visibility"]
    search_fields = ["title", "question"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["facilitators"]
    inlines = [SessionInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            # A debate is created here: the followers of its engagement hear of it.
            notices.debate_listed(obj)

    # Status and mode change through the room's services (and their event log), not here.
    readonly_fields = ["status", "mode", "closed_at", "last_seq"]
    fields = [
        "title",
        "slug",
        "question",
        "description",
        "engagement",
        "facilitators",
        "profile",
        "visibility",
        "slow_seconds",
        "charter",
        "synthesis",
        "status",
        "mode",
        "closed_at",
        "last_seq",
    ]
