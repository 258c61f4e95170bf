"""Predictions: two apps that grow apart. `predictions.campaigns` reviews and scores campaign content;
`predictions.audits` audits follower authenticity. The page and API routes of both share the `predictions`
URL namespace (predictions/urls.py, predictions/api_urls.py)."""
