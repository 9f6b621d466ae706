class ReadOnlyAdminMixin:
    """Back-office pages that show records without letting anyone change them there: the
    records are written by services only (so every change is checked and audited)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
