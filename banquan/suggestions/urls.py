from django.urls import path

from banquan.suggestions import views

app_name = "suggestions"
urlpatterns = [
    path("applications/<int:app_id>/", views.panel, name="panel"),
    path("applications/<int:app_id>/ask/", views.ask, name="ask"),
    path("<int:suggestion_id>/accept/", views.accept, name="accept"),
    path("<int:suggestion_id>/dismiss/", views.dismiss, name="dismiss"),
]
