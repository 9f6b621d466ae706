from django.urls import path

from banquan.rights import verify_views, views

app_name = "rights"
urlpatterns = [
    path("seizures/", views.seizures, name="seizures"),
    path("seizures/<int:seizure_id>/release/", views.release_seizure, name="release_seizure"),
    path("pledges/", views.pledges, name="pledges"),
    path("pledges/new/", views.new_pledge, name="new_pledge"),
    path("pledges/<int:pledge_id>/", views.pledge, name="pledge"),
    path("pledges/<int:pledge_id>/register/", views.register_pledge, name="register_pledge"),
    path("pledges/<int:pledge_id>/reject/", views.reject_pledge, name="reject_pledge"),
    path("pledges/<int:pledge_id>/release/", views.release_pledge, name="release_pledge"),
    path("pledges/<int:pledge_id>/contract.pdf", views.pledge_contract, name="pledge_contract"),
    path("pledges/<int:pledge_id>/certificate.pdf", verify_views.certificate_pdf, name="pledge_certificate"),
    path("pledges/verify/<str:number>", verify_views.verify, name="pledge_verify"),
]
