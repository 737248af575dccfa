"""Demo content for the five practices: one Wagtail Site per clinic, loaded idempotently.

The content lives in ``data/`` (TOML, described in ``data/README.md``); ``reader`` reads and checks
it into the shapes of ``spec``, ``blocks`` turns page bodies into StreamField values, and
``loader`` creates what is missing.
"""
