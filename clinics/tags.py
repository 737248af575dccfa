"""Tag suggestions for clinic staff: only tags their own clinic's images and documents carry.

Wagtail's tag autocomplete suggests every tag name of the install, so an editor typing "p"
would read another clinic's tag names. Tags themselves stay one vocabulary (taggit's ``Tag``);
what clinic staff are offered is narrowed to tags used on media in collections they may use.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpRequest, JsonResponse
from taggit.models import Tag, TaggedItem
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

MEDIA_ACTIONS = ["add", "change", "choose", "delete"]


def tags_in_users_media(user):
    """Tags carried by images or documents in collections this user may use."""
    used = Q()
    for model in (get_image_model(), get_document_model()):
        policy = policy_registry.get_by_type(model)
        collections = policy.collections_user_has_any_permission_for(user, MEDIA_ACTIONS)
        used |= Q(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=model._default_manager.filter(collection__in=collections).values("pk"),
        )
    return Tag.objects.filter(pk__in=TaggedItem.objects.filter(used).values("tag_id"))


def clinic_tag_autocomplete(request: HttpRequest) -> JsonResponse:
    """Wagtail's tag autocomplete, answered from the user's own media only."""
    term = request.GET.get("term", "")[:100]
    if not term:
        return JsonResponse([], safe=False)
    names = (
        tags_in_users_media(request.user)
        .filter(name__istartswith=term)
        .order_by("name")
        .values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(names), safe=False)
