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
    path("pledges/<int:pledge_id>/change/", views.change_pledge, name="change_pledge"),
    path("pledges/<int:pledge_id>/contract.pdf", views.pledge_contract, name="pledge_contract"),
    path("pledges/<int:pledge_id>/certificate.pdf", verify_views.certificate_pdf, name="pledge_certificate"),
    path("pledges/verify/<str:number>", verify_views.verify, name="pledge_verify"),
    path("my/", views.my_rights, name="my"),
    path("recordations/new/", views.new_recordation, name="new_recordation"),
    path("recordations/<int:recordation_id>/contract.pdf", views.recordation_contract, name="recordation_contract"),
    path("changes/new/", views.new_change, name="new_change"),
    path("reissues/new/", views.new_reissue, name="new_reissue"),
    path("office/", views.office, name="office"),
    path("office/recordations/<int:recordation_id>/decide/", views.decide_recordation, name="decide_recordation"),
    path("office/changes/<int:change_id>/decide/", views.decide_change, name="decide_change"),
    path("office/reissues/<int:request_id>/decide/", views.decide_reissue, name="decide_reissue"),
    path("office/revocations/", views.revoke, name="revoke"),
]
