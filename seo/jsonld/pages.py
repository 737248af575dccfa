"""Pages without a medical subject: the home page, the appointment page and the indexes."""

from __future__ import annotations

from .base import Node, PageContext, ref, site_nodes, web_page
from .clinics import medical_clinics, site_locations


def build_home_page(ctx: PageContext) -> list[Node]:
    """The practice and every office with its hours, as the home page lists them."""
    webpage = web_page(ctx, "WebPage", about=ref(ctx.organization_id))
    return [*site_nodes(ctx), webpage, *medical_clinics(ctx, site_locations(ctx))]


def build_appointment_page(ctx: PageContext) -> list[Node]:
    """Offices with phone and hours: what a patient needs to book."""
    clinics = medical_clinics(ctx, site_locations(ctx))
    webpage = web_page(ctx, "ContactPage", about=[ref(node["@id"]) for node in clinics])
    return [*site_nodes(ctx), webpage, *clinics]


def build_index_page(ctx: PageContext) -> list[Node]:
    return [*site_nodes(ctx), web_page(ctx, "CollectionPage")]


def build_web_page(ctx: PageContext) -> list[Node]:
    return [*site_nodes(ctx), web_page(ctx, "WebPage")]
