import rules

from accounts.predicates import is_active_account, is_organisation_representative, is_self, is_superuser

rules.add_perm("accounts.change_profile", is_self)
rules.add_perm("accounts.export_data", is_self)
rules.add_perm("accounts.delete_account", is_self)
rules.add_perm("accounts.view_account_page", is_active_account)
rules.add_perm("accounts.change_organisation", is_organisation_representative | is_superuser)
