"""Editorial roles and workflow: editors write and submit, elected officials approve and publish.

The permissions are given on the site's home pages (the French one and its translations: one tree
per language), so they cover the whole programme in every language, and on the root collection for
images and documents. The workflow "editor submits → elected official approves" is attached to
every home page: every page of the site, translations included, goes through it.
"""

WORKFLOW_NAME = "Publication du programme"
TASK_NAME = "Validation par un·e élu·e"
PAGE_PERMISSIONS = {
    "editor": ["add_page", "change_page", "lock_page"],
    "elected_official": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# What wagtail-localize asks of those who translate: start a translation, sync translated pages.
TRANSLATION_PERMISSION = ("wagtail_localize", "translation", "submit_translation")
MEDIA_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "choose_document"]),
]


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return permission


def create_workflow(apps, schema_editor, *, home_model: tuple[str, str] = ("programme", "HomePage")) -> None:
    """Give the editorial groups their permissions on the home page and the media, and attach the
    publication workflow to the home page. Idempotent; ``apps`` is a migration's state or the
    project's registry (the demo, for a home page created later)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    HomePage = apps.get_model(*home_model)

    homes = list(HomePage.objects.order_by("path"))
    root_collection = Collection.objects.filter(depth=1).first()
    for group_name, codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for home in homes:
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group, page_id=home.pk, permission=_permission(apps, "wagtailcore", "page", codename)
                )
        if root_collection is not None:
            for app_label, model, media_codenames in MEDIA_PERMISSIONS:
                for codename in media_codenames:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=_permission(apps, app_label, model, codename),
                    )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.set([Group.objects.get(name="elected_official")])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in homes:
        WorkflowPage.objects.update_or_create(page_id=home.pk, defaults={"workflow": workflow})


def grant_translation(apps, schema_editor) -> None:
    """Editors and elected officials may start a translation and sync translated pages (the
    workflow then applies to what they translate). Needs wagtail-localize's permission row."""
    Group = apps.get_model("auth", "Group")
    permission = _permission(apps, *TRANSLATION_PERMISSION)
    for name in PAGE_PERMISSIONS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


def revoke_translation(apps, schema_editor) -> None:
    Group = apps.get_model("auth", "Group")
    permission = _permission(apps, *TRANSLATION_PERMISSION)
    for group in Group.objects.filter(name__in=PAGE_PERMISSIONS):
        group.permissions.remove(permission)


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK_NAME).delete()
    apps.get_model("wagtailcore", "GroupPagePermission").objects.filter(group__name__in=PAGE_PERMISSIONS).delete()
    apps.get_model("wagtailcore", "GroupCollectionPermission").objects.filter(group__name__in=PAGE_PERMISSIONS).delete()
