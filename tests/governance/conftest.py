"""The two clinics of tests/isolation (built once for this package), and review helpers."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.isolation.conftest import client_for, w, world  # noqa: F401  (fixtures)


@pytest.fixture
def submit(client_for):  # noqa: F811
    """``submit(user, page, title)``: edit the page in the admin and submit it for review."""
    from tests.isolation import payloads

    def post(user, page, title, **extra):
        data = {**payloads.page_data(page, title), "action-submit": "action-submit", **extra}
        return client_for(user).post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    return post


@pytest.fixture
def act(client_for):  # noqa: F811
    """``act(user, page, action)``: take a workflow action on the page's current task."""

    def post(user, page, action):
        task_state = page.current_workflow_state.current_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
        return client_for(user).post(url, {"comment": ""})

    return post
