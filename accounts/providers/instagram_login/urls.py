from __future__ import annotations

from allauth.socialaccount.providers.oauth2.urls import default_urlpatterns

from accounts.providers.instagram_login.provider import InstagramLoginProvider

urlpatterns = default_urlpatterns(InstagramLoginProvider)
