"""The eight published sources the demo pages cite, shared by every clinic.

Only what the clinic facts give is filled in: no guessed authors, journals or identifiers.
References 5 to 8 are known by their identifier and topic, so they carry a short descriptive
title and the identifier, which is enough for a working link.
"""

from __future__ import annotations

REFERENCES: dict[str, dict] = {
    "connolly2015": {
        "kind": "article",
        "authors": "Connolly SB, Prager JP, Harden RN",
        "title": "A systematic review of ketamine for complex regional pain syndrome",
        "journal": "Pain Medicine",
        "year": 2015,
    },
    "correll2004": {
        "kind": "article",
        "authors": "Correll GE, Maleki J, Gracely EJ, Muir JJ, Harbut RE",
        "title": "Subanesthetic ketamine infusion therapy: a retrospective analysis of a novel "
        "therapeutic approach to complex regional pain syndrome",
        "journal": "Pain Medicine",
        "year": 2004,
        "volume": "5",
        "issue": "3",
        "pages": "263–275",
    },
    "kurdi2014": {
        "kind": "article",
        "authors": "Kurdi MS, Theerth KA, Deva RS",
        "title": "Ketamine: current applications in anesthesia, pain, and critical care",
        "journal": "Anesthesia, Essays and Researches",
        "year": 2014,
        "volume": "8",
        "issue": "3",
        "pages": "283–290",
    },
    "zgaia2015": {
        "kind": "article",
        "authors": "Zgaia AO, Irimie A, Sandesc D, et al.",
        "title": "The role of ketamine in the treatment of chronic cancer pain",
        "journal": "Clujul Medical",
        "year": 2015,
        "volume": "88",
        "issue": "4",
        "pages": "457–461",
        "doi": "10.15386/cjmed-500",
    },
    "crps_pmc": {
        "kind": "article",
        "title": "Ketamine for complex regional pain syndrome",
        "pmcid": "PMC8601938",
    },
    "phn_bookshelf": {
        "kind": "book",
        "title": "Postherpetic neuralgia",
        "bookshelf_id": "NBK564230",
    },
    "diabetic_pubmed": {
        "kind": "article",
        "title": "Ketamine in diabetic neuropathy",
        "pmid": 32036431,
    },
    "fibro_pubmed": {
        "kind": "article",
        "title": "Ketamine in fibromyalgia",
        "pmid": 34984054,
    },
}
