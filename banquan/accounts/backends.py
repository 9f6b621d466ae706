"""Back-office permissions that follow the user's role rather than per-user grants.

A registrar (登记管理员) runs the back office: they may see every record there, and manage
the people, the holiday table, the sensitive-word lexicon and the protected brand marks (whose admins save through
``lexicon.services`` and ``logos.services``). Everything else stays read-only in the admin because it
is written by services (see ``core.admin.ReadOnlyAdminMixin``)."""

from django.contrib.auth.backends import BaseBackend

from banquan.accounts.models import Role

# Apps whose rows a registrar edits directly in the back office.
REGISTRAR_MANAGES = frozenset({"accounts", "workdays", "lexicon", "logos"})


def _registrar(user) -> bool:
    return bool(user.is_active and user.is_staff and getattr(user, "role", "") == Role.REGISTRAR)


class RoleBackend(BaseBackend):
    def has_perm(self, user_obj, perm, obj=None):
        if not _registrar(user_obj):
            return False
        app_label, _, codename = perm.partition(".")
        return codename.startswith("view_") or app_label in REGISTRAR_MANAGES

    def has_module_perms(self, user_obj, app_label):
        return _registrar(user_obj)
