"""Texts of known reading level, counted by hand against the formulas.

Flesch-Kincaid grade = 0.39 x words/sentence + 11.8 x syllables/word - 15.59.
Fernández-Huerta ease = 206.84 - 60 x syllables/word - 1.02 x words/sentence; an ease of 50 is
Fernández Huerta's edge between pre-university (grade 12) and the selective courses above it.
"""

# 62 words, 5 sentences, 73 syllables: 0.39 x 12.4 + 11.8 x 1.18 - 15.59 = grade 3.1.
GRADE_3 = (
    "Sam hurt his back when he fell off his bike at the park. "
    "His mother took him to see a doctor the next morning. "
    "The doctor was gentle and asked him where it hurt. "
    "She told him to rest and to put ice on the sore spot every day. "
    "After a week, his back felt better and he could play outside again."
)
# 71 words, 3 sentences, 110 syllables: 0.39 x 23.7 + 11.8 x 1.55 - 15.59 = grade 11.9.
GRADE_12 = (
    "Long-lasting nerve pain often continues even when patients take the usual pain medicines, "
    "and it can make daily life hard. "
    "Ketamine, given slowly through a vein at a low dose while a nurse watches closely, "
    "may bring real relief to some people whose pain has not improved with other treatments. "
    "Before suggesting a series of infusions, your physician reviews your heart health, "
    "your mental health and every medication you currently take."
)
# 45 words, 6 sentences, 63 syllables: ease 206.84 - 84 - 7.65 = 115 (above 90: 4th grade or
# below; read as grade 3).
ES_EASY = (
    "Ana tiene un gato blanco. El gato es muy bueno y le gusta dormir. "
    "Ana juega con el gato en la casa. Su mamá le da leche todos los días. "
    "Por la noche, el gato duerme en la cama de Ana. Ana lo quiere mucho."
)
# 48 words, 2 sentences, 106 syllables: ease 206.84 - 132.5 - 24.5 = 49.9 (grade 12).
ES_HARD = (
    "El dolor de los nervios persiste con frecuencia a pesar de los analgésicos habituales "
    "y limita de manera importante la vida diaria de muchos pacientes. "
    "La ketamina intravenosa, administrada en dosis bajas con vigilancia continua, puede aliviar "
    "a algunas personas cuyos síntomas no han mejorado con otros tratamientos."
)
