"""An error-report filter that never includes POST values, whichever view failed.

Set ``DEFAULT_EXCEPTION_REPORTER_FILTER = "clinic_pages.appointments.reporting.NoPostDataReporterFilter"``.
"""

from django.views.debug import SafeExceptionReporterFilter


class NoPostDataReporterFilter(SafeExceptionReporterFilter):
    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)
