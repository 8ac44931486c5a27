"""Analyses of the catalog that pages present: facts computed from the data (exact arithmetic, the data's
as-of date, never the clock), with no Markdown or HTML in them."""
