from django.urls import path

from banquan.review import views

app_name = "review"
urlpatterns = [
    path("", views.queue_page, name="queue"),
    path("<int:app_id>/", views.application_page, name="application"),
    path("<int:app_id>/accept/", views.accept, name="accept"),
    path("<int:app_id>/start/", views.start_review, name="start_review"),
    path("<int:app_id>/assign/", views.assign, name="assign"),
    path("<int:app_id>/decide/", views.decide, name="decide"),
    path("<int:app_id>/special-review/", views.send_to_special_review, name="send_to_special_review"),
    path("<int:app_id>/special-decide/", views.special_decide, name="special_decide"),
]
