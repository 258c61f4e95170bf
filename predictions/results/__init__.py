"""Campaign results for the brand: tracking, figures, money, reports, share links, external approval."""
