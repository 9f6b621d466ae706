from django.urls import path

from banquan.software import material_views, views
from banquan.software.review_views import review_urlpatterns

app_name = "software"
urlpatterns = [
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/materials/", material_views.upload, name="upload"),
    path("<int:pk>/materials/<str:kind>/", material_views.panel, name="material"),
    path("<int:pk>/materials/<str:kind>/pdf/", material_views.material_pdf, name="material_pdf"),
    *review_urlpatterns,  # the reviewer's duplicate panels (software.review_views)
]
