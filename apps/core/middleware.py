from django.conf import settings
from django.utils import translation

from apps.core.text import names_cached


class LanguageMiddleware:
    """Chinese unless the person chose another language with the switch in the header.

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: the product
    speaks Chinese by default, whatever language the computer was set up in.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # override(), not activate(): the thread's language goes back when the request ends.
        # Each person named in the stored texts a page shows is looked up once.
        with translation.override(language), names_cached():
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
