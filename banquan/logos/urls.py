from django.urls import path

from banquan.logos import views

app_name = "logos"
urlpatterns = [
    path("applications/<int:app_id>/", views.panel, name="panel"),
    path("applications/<int:app_id>/release/", views.release, name="release"),
    path("applications/<int:app_id>/reject/", views.reject, name="reject"),
    path("marks/<int:mark_id>/image.png", views.mark_image, name="mark_image"),
    path("findings/<int:finding_id>/image.png", views.finding_image, name="finding_image"),
]
