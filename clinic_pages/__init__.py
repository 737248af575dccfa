"""Clinic Pages: a Wagtail plugin with which medical practices publish their own sites.

Every app of the plugin is a subpackage (``clinic_pages.treatments``, ...). This module
imports nothing, so importing any app never pulls in another.
"""

__version__ = "0.1.0"
