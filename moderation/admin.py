"""Django admin for the facilitation profiles (site administrators; facilitators use
/moderation/profils/). The rules list is validated as the pipeline reads it."""

from django import forms
from django.contrib import admin

from facilitation.filters import validate
from facilitation.models import FacilitationProfile, FacilitationProfileRevision
from facilitation.services import profile_settings, record_revision

from .models import Appeal, ModerationAction


class FacilitationProfileAdminForm(forms.ModelForm):
    class Meta:
        model = FacilitationProfile
        fields = (
            "name",
            "slug",
            "description",
            "is_default",
            "rules",
            "report_hide_threshold",
            "new_participant_held",
            "max_length",
        )

    def clean_rules(self):
        rules = self.cleaned_data["rules"]
        errors = validate(rules)
        if errors:
            raise forms.ValidationError(errors)
        return rules


class RevisionInline(admin.TabularInline):
    model = FacilitationProfileRevision
    extra = 0
    can_delete = False
    fields = ("changed_at", "changed_by", "before", "after")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(FacilitationProfile)
class FacilitationProfileAdmin(admin.ModelAdmin):
    form = FacilitationProfileAdminForm
    list_display = ("name", "slug", "is_default", "new_participant_held", "report_hide_threshold", "updated_at")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("created_at", "updated_at")
    inlines = [RevisionInline]

    def save_model(self, request, obj, form, change) -> None:
        # Changes made here are recorded like those made on the facilitators' page.
        before = profile_settings(FacilitationProfile.objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        if before is not None:
            record_revision(profile=obj, actor=request.user, before=before)


@admin.register(ModerationAction)
class ModerationActionAdmin(admin.ModelAdmin):
    """The log, read-only: nobody adds, changes or deletes an action here."""

    list_display = ("created_at", "kind", "automatic", "actor", "debate", "target", "reason_code", "rule")
    list_filter = ("kind", "automatic", "reason_code")
    list_select_related = ("actor", "debate", "target")
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    list_display = ("created_at", "status", "appellant", "decided_by", "decided_at")
    list_filter = ("status",)
    readonly_fields = (
        "action",
        "appellant",
        "text",
        "status",
        "created_at",
        "decided_by",
        "decided_at",
        "decision_reason",
    )

    def has_add_permission(self, request) -> bool:
        return False
