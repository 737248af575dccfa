"""Demo content for the five practices: one Wagtail Site per clinic, loaded idempotently.

``loader`` holds the upsert machinery, ``spec`` the shape every clinic fills in, ``blocks`` the
StreamField value builders, and one module per clinic carries that clinic's own wording.
"""
