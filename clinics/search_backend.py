"""Wagtail's database search backend, with double quotes in search words escaped on SQLite.

The SQLite backend puts each search word in double quotes for the full-text index and escapes
single quotes and backslashes, but not double quotes: a search for ``"a`` (a stray quote in any
admin search box, or the site search) made SQLite fail with "unterminated string" and the page
answer 500. SQLite's full-text syntax escapes a double quote inside a quoted word by doubling
it, which is done here before the backend quotes the word. PostgreSQL and MySQL are left to
Wagtail's own backends.

Set as ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "clinic_pages.clinics.search_backend"}}``.
"""

from __future__ import annotations

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.query import Phrase, PlainText

if connection.vendor == "sqlite":
    # The SQLite module touches SQLite-only index models, so it is imported on SQLite alone.
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )


def _escaped(query):
    if isinstance(query, PlainText):
        return PlainText(
            query.query_string.replace('"', '""'), operator=query.operator, boost=query.boost
        )
    if isinstance(query, Phrase):
        return Phrase(query.query_string.replace('"', '""'))
    return query


class QuoteSafeQueryMixin:
    def build_search_query_content(self, query, config=None):
        return super().build_search_query_content(_escaped(query), config=config)


if connection.vendor == "sqlite":

    class QuoteSafeSQLiteSearchQueryCompiler(QuoteSafeQueryMixin, SQLiteSearchQueryCompiler):
        pass

    class QuoteSafeSQLiteAutocompleteQueryCompiler(
        QuoteSafeQueryMixin, SQLiteAutocompleteQueryCompiler
    ):
        pass

    class QuoteSafeSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = QuoteSafeSQLiteSearchQueryCompiler
        autocomplete_query_compiler_class = QuoteSafeSQLiteAutocompleteQueryCompiler


def SearchBackend(params):  # the name Wagtail's backend loader looks for
    """The database backend Wagtail would pick for this database, quote-safe on SQLite."""
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "sqlite" and type(backend) is SQLiteSearchBackend:
        return QuoteSafeSQLiteSearchBackend(params)
    return backend
