from django.urls import path

from banquan.folkart import prereg_views, views

app_name = "folkart"
urlpatterns = [
    path("", views.landing, name="landing"),
    path("library/", views.library, name="library"),
    path("library/new/", prereg_views.library_new, name="library_new"),
    path("library/<int:pk>/", views.item, name="item"),
    path("media/<uuid:media_uuid>", views.media_file, name="media"),
    path("stations/", views.stations, name="stations"),
    path("policies/", views.policies, name="policies"),
    path("policies/<int:pk>/", views.policy, name="policy"),
    path("prereg/", prereg_views.mine, name="mine"),
    path("prereg/new/", prereg_views.new, name="new"),
    path("prereg/<int:pk>/", prereg_views.prereg, name="prereg"),
    path("prereg/<int:pk>/edit/", prereg_views.edit, name="edit"),
    path("prereg/<int:pk>/media/", prereg_views.add_media, name="add_media"),
    path("prereg/<int:pk>/media/<int:media_id>/remove/", prereg_views.remove_media, name="remove_media"),
    path("prereg/<int:pk>/resubmit/", prereg_views.resubmit, name="resubmit"),
    path("prereg/<int:pk>/convert/", prereg_views.convert_view, name="convert"),
    path("prereg/<int:pk>/decide/", prereg_views.decide, name="decide"),
    path("office/", prereg_views.office, name="office"),
]
