from django.urls import path

from banquan.assistant import views

app_name = "assistant"
urlpatterns = [
    path("", views.chat, name="chat"),
    path("ask/", views.ask, name="ask"),
    path("poll/", views.poll, name="poll"),
    path("handover/", views.hand_over, name="handover"),
    path("new/", views.new_conversation, name="new"),
    path("articles/", views.articles, name="articles"),
    path("articles/<slug:slug>/", views.article, name="article"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<int:conversation_id>/", views.inbox_conversation, name="inbox_conversation"),
    path("inbox/<int:conversation_id>/claim/", views.claim, name="claim"),
    path("inbox/<int:conversation_id>/reply/", views.reply, name="reply"),
    path("inbox/<int:conversation_id>/close/", views.close, name="close"),
]
