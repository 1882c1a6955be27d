from django.conf import settings
from django.utils import translation


def site(request):
    language = translation.get_language() or settings.LANGUAGE_CODE
    # "" in French (at the root), "/en" in English: the prefix of the fixed links of the layout.
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    path = request.path
    return {
        "SITE_NAME": settings.SITE_NAME,
        "CITY_NAME": settings.CITY_NAME,
        # "https://host" without the final slash, for the absolute URLs of Open Graph tags.
        "SITE_ORIGIN": request.build_absolute_uri("/")[:-1],
        "LANGUAGE_PREFIX": prefix,
        "PATH_IN_LANGUAGE": path[len(prefix) :] if prefix and path.startswith(prefix + "/") else path,
    }
