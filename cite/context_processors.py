from django.conf import settings


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "CITY_NAME": settings.CITY_NAME,
        # "https://host" without the final slash, for the absolute URLs of Open Graph tags.
        "SITE_ORIGIN": request.build_absolute_uri("/")[:-1],
    }
