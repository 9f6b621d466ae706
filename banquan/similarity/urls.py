from django.urls import path

from banquan.similarity import views

app_name = "similarity"
urlpatterns = [
    path("applications/<int:app_id>/prior/", views.panel, name="prior"),
]
