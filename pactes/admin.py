"""Django admin for the city's back office: checking suggested commons and reading pacts.

Pacts change only through the workflow's pages and services; the admin shows them read-only so
that no status, version or signature can be edited around the state machine.
"""

from django.contrib import admin

from pactes.models import Commons, JournalEntry, Pact, SigningDelegation
from pactes.proposals import locate_commons


@admin.register(Commons)
class CommonsAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "neighbourhood", "is_validated"]
    list_filter = ["is_validated", "kind"]
    search_fields = ["name", "address", "neighbourhood"]
    readonly_fields = ["suggested_by", "created_at"]
    # The location is picked on a map (click, drag, address search), or typed.
    change_form_template = "admin/pactes/commons/change_form.html"

    class Media:
        css = {"all": ["pactes/vendor/leaflet/leaflet.css", "pactes/pactes.css"]}
        js = ["pactes/vendor/leaflet/leaflet.js", "pactes/maps.js"]

    def save_model(self, request, obj, form, change):
        if obj.latitude is None and obj.longitude is None:
            # No point picked: the address, then the neighbourhood, through the geocoder.
            place = locate_commons({"address": obj.address, "neighbourhood": obj.neighbourhood})
            if place is not None:
                obj.latitude, obj.longitude = place.latitude, place.longitude
        super().save_model(request, obj, form, change)


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


@admin.register(SigningDelegation)
class SigningDelegationAdmin(admin.ModelAdmin):
    """The mayor's delegations of signature to elected officials (who may sign for the city)."""

    list_display = ["official", "department", "decision_reference", "valid_from", "valid_until"]
    list_select_related = ["official", "department"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "official":
            from accounts.roles import Role

            kwargs["queryset"] = db_field.related_model.objects.filter(groups__name=Role.ELECTED_OFFICIAL)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(JournalEntry)
class JournalEntryAdmin(admin.ModelAdmin):
    """The public journal, read-only: nobody adds, changes or deletes an entry here."""

    list_display = ["sequence", "created_at", "kind", "pact_id", "version_number", "fingerprint"]
    list_filter = ["kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
