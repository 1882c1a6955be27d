"""Django admin for the city's back office: checking suggested commons and reading pacts.

Pacts change only through the workflow's pages and services; the admin shows them read-only so
that no status, version or signature can be edited around the state machine.
"""

from django.contrib import admin

from pactes.models import Commons, Pact


@admin.register(Commons)
class CommonsAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "neighbourhood", "is_validated"]
    list_filter = ["is_validated", "kind"]
    search_fields = ["name", "address", "neighbourhood"]
    readonly_fields = ["suggested_by", "created_at"]


@admin.register(Pact)
class PactAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "type", "commons", "status_changed_at"]
    list_filter = ["status", "type"]
    search_fields = ["title"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
