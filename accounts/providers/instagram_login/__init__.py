"""allauth provider for "Instagram API with Instagram Login" (professional accounts).

allauth's built-in `instagram` provider targets the Basic Display API that Meta retired in December 2024. This one
uses the current endpoints: www.instagram.com/oauth/authorize, api.instagram.com/oauth/access_token and
graph.instagram.com/<version>/me with the instagram_business_basic scope.
"""
