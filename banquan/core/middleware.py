"""Chinese first: the page language is Simplified Chinese unless the user switched it.

Django's LocaleMiddleware would follow the browser's Accept-Language, which shows English to
every browser set up in English; an office serving Chinese applicants wants its own language
by default and English only on request (the language switch sets a cookie)."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChineseFirstLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
