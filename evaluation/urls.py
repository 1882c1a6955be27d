"""The public dashboard of the indicators, mounted at ``/`` by the project's URLs."""

from evaluation.dashboard import urlpatterns

__all__ = ["urlpatterns"]
