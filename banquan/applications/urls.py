from django.urls import path

from banquan.applications import sample_views, views

app_name = "applications"
urlpatterns = [
    path("", views.application_list, name="list"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/resubmit/", views.resubmit, name="resubmit"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/samples/", sample_views.sample_add, name="sample_add"),
    path("<int:pk>/samples/<int:sample_id>/remove/", sample_views.sample_remove, name="sample_remove"),
    path("samples/<uuid:sample_uuid>/", sample_views.sample_file, name="sample_file"),
    path("samples/<uuid:sample_uuid>/thumbnail/", sample_views.sample_thumbnail, name="sample_thumbnail"),
]
