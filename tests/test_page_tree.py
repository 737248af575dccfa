"""Where editors may create each page type, and the one-per-clinic rule for index pages."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from clinic_pages.appointments.models import AppointmentPage
from clinic_pages.articles.models import ArticleIndexPage, ArticlePage
from clinic_pages.conditions.models import ConditionIndexPage, ConditionPage
from clinic_pages.faqs.models import FAQPage
from clinic_pages.home.models import HomePage, NoticePage
from clinic_pages.home.offices import OfficeIndexPage
from clinic_pages.physicians.models import PhysicianIndexPage, PhysicianPage
from clinic_pages.stories.models import PatientStoriesPage
from clinic_pages.treatments.models import TreatmentIndexPage, TreatmentPage
from tests import factories

INDEXES = [
    TreatmentIndexPage,
    ConditionIndexPage,
    PhysicianIndexPage,
    FAQPage,
    ArticleIndexPage,
    AppointmentPage,
]
# Sections a clinic adds when it has something to show (make_clinic does not create them).
OPTIONAL_SECTIONS = [PatientStoriesPage, NoticePage, OfficeIndexPage]
ALL_TYPES = [HomePage, *INDEXES, TreatmentPage, ConditionPage, PhysicianPage, ArticlePage]


def test_home_page_lives_only_at_the_tree_root(tree_asserts):
    tree_asserts.assertAllowedParentPageTypes(HomePage, {Page})
    tree_asserts.assertCanCreateAt(Page, HomePage)
    for model in ALL_TYPES:
        tree_asserts.assertCanNotCreateAt(model, HomePage)


def test_home_page_accepts_exactly_the_clinic_sections(tree_asserts):
    tree_asserts.assertAllowedSubpageTypes(HomePage, {*INDEXES, *OPTIONAL_SECTIONS})


@pytest.mark.parametrize("index_model", [*INDEXES, *OPTIONAL_SECTIONS])
def test_sections_live_only_under_a_clinic_home(tree_asserts, index_model):
    tree_asserts.assertAllowedParentPageTypes(index_model, {HomePage})
    tree_asserts.assertCanCreateAt(HomePage, index_model)
    tree_asserts.assertCanNotCreateAt(Page, index_model)


@pytest.mark.parametrize(
    ("index_model", "child_model"),
    [
        (TreatmentIndexPage, TreatmentPage),
        (ConditionIndexPage, ConditionPage),
        (PhysicianIndexPage, PhysicianPage),
        (ArticleIndexPage, ArticlePage),
    ],
)
def test_each_index_holds_only_its_own_detail_pages(tree_asserts, index_model, child_model):
    tree_asserts.assertAllowedSubpageTypes(index_model, {child_model})
    tree_asserts.assertAllowedParentPageTypes(child_model, {index_model})
    tree_asserts.assertCanNotCreateAt(HomePage, child_model)
    for other_index in INDEXES:
        if other_index is not index_model:
            tree_asserts.assertCanNotCreateAt(other_index, child_model)


@pytest.mark.parametrize(
    "leaf_model",
    [TreatmentPage, ConditionPage, PhysicianPage, ArticlePage, FAQPage, AppointmentPage],
)
def test_detail_pages_have_no_children(tree_asserts, leaf_model):
    tree_asserts.assertAllowedSubpageTypes(leaf_model, set())


@pytest.mark.parametrize("index_model", INDEXES)
def test_a_clinic_home_takes_each_section_once(clinic, index_model):
    # make_clinic already created one of each section under the home page.
    assert index_model.objects.child_of(clinic.home).count() == 1
    assert not index_model.can_create_at(clinic.home)


def test_a_second_clinic_home_still_takes_its_own_sections(make_clinic):
    make_clinic("alpha")
    home = factories.HomePageFactory(title="Bare home", slug="bare")
    for index_model in INDEXES:
        assert index_model.can_create_at(home), index_model.__name__


def test_detail_pages_are_not_limited_in_number(clinic):
    factories.TreatmentPageFactory(parent=clinic.treatments)
    assert TreatmentPage.can_create_at(clinic.treatments)
    factories.PhysicianPageFactory(parent=clinic.physicians)
    assert PhysicianPage.can_create_at(clinic.physicians)
