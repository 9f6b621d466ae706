from django.urls import path

from banquan.showcase import views

app_name = "showcase"
# Fixed paths first: "<str:number>" would match "consents" too.
urlpatterns = [
    path("", views.index, name="index"),
    path("images/<uuid:sample_uuid>.jpg", views.image, name="image"),
    path("consents/", views.consents, name="consents"),
    path("consents/change/", views.consent, name="consent"),
    path("curate/", views.curate, name="curate"),
    path("curate/<str:number>", views.curate_work, name="curate_work"),
    path("<str:number>", views.detail, name="detail"),
]
