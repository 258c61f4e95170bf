"""Predictions: two apps that grow apart. `predictions.campaigns` reviews and scores campaign content;
`predictions.audits` audits follower authenticity. The pages of both share the `predictions` URL namespace
(predictions/urls.py)."""
