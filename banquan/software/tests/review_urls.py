"""The site's URLs, with the software review pages under ``software/`` (namespace ``software``)
added when ``banquan/software/urls.py`` is not wired in yet."""

from django.urls import include, path

from banquan.software.review_views import review_urlpatterns
from banquan.urls import urlpatterns as site

urlpatterns = list(site)
if not any(str(p.pattern) == "software/" for p in site):
    urlpatterns.append(path("software/", include((review_urlpatterns, "software"))))
