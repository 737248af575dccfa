"""A clinic onboarded as the admin and the command do it, and users to visit it as."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from clinic_pages.onboarding.clinics import ClinicSpec, OnboardedClinic, onboard_clinic


def onboard(
    slug: str = "lakeside", name: str = "Lakeside Pain Care", hostname: str = "", **extra
) -> OnboardedClinic:
    """A clinic's groups are named after its practice: each clinic needs a name of its own."""
    return onboard_clinic(
        ClinicSpec(slug=slug, practice_name=name, hostname=hostname or f"{slug}.test", **extra)
    )


@pytest.fixture
def lakeside(db) -> OnboardedClinic:
    """A new clinic, private as every new clinic is."""
    return onboard()


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("network", "network@example.com", "x")


@pytest.fixture
def staff_of(db):
    """``staff_of(clinic, role)``: a user in one of the clinic's groups."""

    def build(clinic: OnboardedClinic, role: str = "editors"):
        user = get_user_model().objects.create_user(
            f"{clinic.home.slug}-{role.replace(' ', '-')}", password="x"
        )
        user.groups.add(clinic.groups[role])
        return user

    return build
