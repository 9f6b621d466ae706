from django.urls import path

from banquan.screening import views

app_name = "screening"
urlpatterns = [
    path("applications/<int:app_id>/", views.panel, name="panel"),
    path("applications/<int:app_id>/status/", views.status, name="status"),
    path("applications/<int:app_id>/rerun/", views.rerun, name="rerun"),
    path("hits/<int:hit_id>/judge/", views.judge, name="judge"),
    path("hits/<int:hit_id>/image.png", views.hit_image, name="hit_image"),
]
