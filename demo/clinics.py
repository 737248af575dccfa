"""The five demo clinics, in the order they are loaded; Urban Spine and Joint is the default site."""

from clinic_pages.demo import (
    bayer_foundation,
    florida_medical,
    ms_pain_migraine,
    revitalize,
    urban_spine,
)

CLINICS = [
    urban_spine.CLINIC,
    bayer_foundation.CLINIC,
    revitalize.CLINIC,
    florida_medical.CLINIC,
    ms_pain_migraine.CLINIC,
]
