"""The offices page: a CollectionPage of the clinic's offices; each office's own page: a WebPage
about one MedicalClinic, with its upcoming holiday closures and a breadcrumb down to it."""

from __future__ import annotations

from .base import Node, PageContext, breadcrumb_list, ref, site_nodes, web_page
from .clinics import medical_clinic, medical_clinics, office_url, site_locations


def build_office_index_page(ctx: PageContext) -> list[Node]:
    office = ctx.extra.get("office")
    if office is None:
        clinics = medical_clinics(ctx, site_locations(ctx))
        page = web_page(ctx, "CollectionPage", about=[ref(node["@id"]) for node in clinics])
        return [*site_nodes(ctx), page, *clinics]

    index_url = ctx.page_url
    url = office_url(ctx, office) or index_url
    ctx.__dict__["page_url"] = url  # the office's page is the page these nodes describe
    clinic = medical_clinic(ctx, office, ctx.extra.get("closures", ()))
    breadcrumb = breadcrumb_list(ctx)
    items = breadcrumb["itemListElement"]
    items[-1]["item"] = index_url  # the offices page, then the office
    items.append(
        {
            "@type": "ListItem",
            "position": len(items) + 1,
            "name": office.translated_name,
            "item": url,
        }
    )
    page = web_page(ctx, "WebPage", name=office.translated_name, about=ref(clinic["@id"]))
    return [*site_nodes(ctx)[:2], breadcrumb, page, clinic]
