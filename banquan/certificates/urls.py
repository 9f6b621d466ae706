from django.urls import path

from banquan.certificates import views

app_name = "verify"
# The fixed paths come first: "<str:number>" would match "public-key.pem" too.
urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("verify/public-key.pem", views.public_key, name="public_key"),
    path("verify/thumbnails/<uuid:sample_uuid>.jpg", views.thumbnail, name="thumbnail"),
    path("verify/<str:number>", views.detail, name="detail"),
    path("verify/<str:number>/certificate.pdf", views.certificate_pdf, name="certificate_pdf"),
]
