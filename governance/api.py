"""The admin API's page publish action, made to follow the rule of every other publish path."""

from __future__ import annotations

from wagtail.admin.api.actions.publish import PublishPageAPIAction
from wagtail.admin.api.views import PagesAdminAPIViewSet

from clinic_pages.governance.models import sign_off


class SigningPublishPageAPIAction(PublishPageAPIAction):
    """``POST /admin/api/main/pages/<id>/action/publish/`` publishes the latest revision with no
    admin hook in between; a clinic reviewer's call signs it off, as the editor's publish does."""

    def _action_from_data(self, instance, data):
        user = self.request.user
        # Only a publication that will go ahead may stamp: a stamped draft left behind would
        # carry the claim into whichever later publication picks it up.
        if instance.permissions_for_user(user).can_publish():
            # The revision Wagtail's action then takes (instance.latest_revision), stamped first.
            revision = instance.get_latest_revision() or instance.save_revision(user=user)
            sign_off(instance, user, revision)
        return super()._action_from_data(instance, data)


class SigningPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    actions = {**PagesAdminAPIViewSet.actions, "publish": SigningPublishPageAPIAction}
