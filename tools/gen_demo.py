#!/usr/bin/env python3
"""Generate omni's bundled demo data (fixtures/demo/).

Fictional Spanish merchant "Alpargatas Lucía": espadrilles, bags, ceramics,
home textiles and olive-oil gift packs, sold on its own web shop, Amazon.es,
eBay and two physical stores (Madrid, Barcelona), with stock in both stores
and a warehouse.

Python 3.11, standard library only.  Deterministic: one random.Random seeded
with SEED, no dependence on the current date, on hash seeds or on set order.
Run from the project root:

    python3 tools/gen_demo.py

Every file is written in the canonical omni CSV layout (see PRODUCT.md,
"Canonical files and tables").  sales_store-madrid.csv is deliberately a
Spanish spreadsheet save (';', decimal comma, Windows-1252, CRLF).
EXPECTED.md holds figures computed from the generator's own data.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path

SEED = 20261123
OUT = Path(__file__).resolve().parent.parent / "fixtures" / "demo"

rng = random.Random(SEED)

START = dt.date(2025, 5, 1)
END = dt.date(2026, 10, 31)
AUDIT_DAY = dt.date(2026, 11, 1)  # "today" for the audits
STALE_BEFORE = AUDIT_DAY - dt.timedelta(days=60)  # 2026-09-02
DISCONTINUED_CUTOFF = dt.date(2026, 2, 1)  # discontinued SKUs stop selling
CURRENCY = "EUR"
VAT = 21

CHANNELS = ["web", "amazon-es", "ebay", "store-madrid", "store-barcelona"]
ONLINE = ["web", "amazon-es", "ebay"]
STORES = ["store-madrid", "store-barcelona"]
LOCATIONS = ["madrid", "barcelona", "warehouse"]
AS_OF = {
    "madrid": "2026-10-31T21:00:00+01:00",
    "barcelona": "2026-10-31T20:00:00Z",
    "warehouse": "2026-10-31T20:00:00Z",
}
MARKUP = {"web": 100, "amazon-es": 115, "ebay": 110}  # percent of master price

SITE = "https://alpargataslucia.es"
CDN = "https://cdn.alpargataslucia.es/img"


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------

def money(cents: int, dec: str = ".") -> str:
    sign = "-" if cents < 0 else ""
    c = abs(cents)
    return f"{sign}{c // 100}{dec}{c % 100:02d}"


def vat_included(gross_cents: int) -> int:
    """VAT contained in a VAT-inclusive amount, rounded half up (sign kept)."""
    sign = -1 if gross_cents < 0 else 1
    g = abs(gross_cents)
    return sign * ((2 * g * VAT + (100 + VAT)) // (2 * (100 + VAT)))


def ean13(base12: str) -> str:
    s = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(base12))
    return base12 + str((10 - s % 10) % 10)


def wchoice(pairs):
    """Weighted choice from [(value, weight), ...]."""
    vals = [p[0] for p in pairs]
    wts = [p[1] for p in pairs]
    return rng.choices(vals, weights=wts, k=1)[0]


def last_sunday(year: int, month: int) -> dt.date:
    d = dt.date(year, month, 31)  # March and October both have 31 days
    return d - dt.timedelta(days=(d.weekday() + 1) % 7)


def spain_offset(local: dt.datetime) -> int:
    """UTC offset in hours of peninsular Spain for a local wall-clock time."""
    y = local.year
    start = dt.datetime.combine(last_sunday(y, 3), dt.time(2, 0))
    end = dt.datetime.combine(last_sunday(y, 10), dt.time(3, 0))
    return 2 if start <= local < end else 1


def iso_local(local: dt.datetime) -> str:
    return local.strftime("%Y-%m-%dT%H:%M:%S") + f"+{spain_offset(local):02d}:00"


def to_utc(local: dt.datetime) -> dt.datetime:
    return local - dt.timedelta(hours=spain_offset(local))


def strip_accents(s: str) -> str:
    table = str.maketrans("áéíóúàèìòùäëïöüÁÉÍÓÚÀÈÌÒÙÄËÏÖÜñÑçÇ", "aeiouaeiouaeiouAEIOUAEIOUAEIOUnNcC")
    return s.translate(table)


def ascii_slug(s: str) -> str:
    s = strip_accents(s).lower()
    return "".join(ch for ch in s if ch.isalnum())


def days_between(a: dt.date, b: dt.date):
    d = a
    while d <= b:
        yield d
        d += dt.timedelta(days=1)


# --------------------------------------------------------------------------
# catalogue
# --------------------------------------------------------------------------

COLOURS = {
    "NAT": "natural", "NEG": "negro", "AZU": "azul marino", "ROJ": "rojo",
    "VER": "verde", "CRU": "crudo", "TER": "terracota", "MOS": "mostaza",
    "GRI": "gris", "ROS": "rosa", "BLA": "blanco", "AMA": "amarillo",
    "CAM": "camel", "OLI": "verde oliva", "ARE": "arena", "MAR": "marrón",
}

SIZES = {
    "W": [36, 37, 38, 39, 40, 41],
    "U": [36, 37, 38, 39, 40, 41, 42, 43, 44, 45],
    "M": [40, 41, 42, 43, 44, 45],
    "K": [26, 27, 28, 29, 30, 31, 32, 33],
}
SIZE_WEIGHT = {
    "W": [10, 20, 27, 23, 13, 7],
    "U": [5, 9, 13, 12, 10, 11, 14, 12, 8, 6],
    "M": [10, 20, 27, 23, 13, 7],
    "K": [10, 12, 13, 14, 14, 13, 12, 12],
}

# (model, name, size run, price cents, description)
ESPADRILLES = [
    (1, "Alpargata cuña yute Valencia natural", "W", 3990,
     "Alpargata de cuña alta con suela de yute cosida a mano y lona de algodón. Cintas para atar al tobillo."),
    (2, "Alpargata cuña yute Valencia negro", "W", 3990,
     "Alpargata de cuña alta con suela de yute cosida a mano y lona de algodón negra. Cintas para atar al tobillo."),
    (3, "Alpargata plana lona Menorca azul marino", "U", 2490,
     "La alpargata de siempre: lona de algodón, suela de yute y goma vulcanizada. Hecha en La Rioja."),
    (4, "Alpargata plana lona Menorca rojo", "U", 2490,
     "La alpargata de siempre: lona de algodón, suela de yute y goma vulcanizada. Hecha en La Rioja."),
    (5, "Alpargata plana lona Menorca crudo", "U", 2490,
     "La alpargata de siempre: lona de algodón, suela de yute y goma vulcanizada. Hecha en La Rioja."),
    (6, "Alpargata valenciana de cintas blanco", "W", 3490,
     "Valenciana clásica con cintas de algodón para atar a la pierna, suela de yute \"cosida a mano\"."),
    (7, "Alpargata valenciana de cintas beige", "W", 3490,
     "Valenciana clásica con cintas de algodón para atar a la pierna, suela de yute \"cosida a mano\"."),
    (8, "Alpargata hombre lona Cadaqués gris", "M", 3290,
     "Alpargata de hombre en lona lavada, plantilla acolchada, suela de yute con piso de goma."),
    (9, "Alpargata hombre lona Cadaqués verde oliva", "M", 3290,
     "Alpargata de hombre en lona lavada, plantilla acolchada, suela de yute con piso de goma."),
    (10, "Alpargata piel Sevilla camel", "W", 5990,
     "Alpargata de piel de vacuno curtida al vegetal, forro de piel, suela de yute y goma."),
    (11, "Alpargata tacón alto Ibiza terracota", "W", 4990,
     "Cuña de 9 cm, empeine de lona terracota y cintas cruzadas. Ideal para bodas de verano."),
    (12, "Alpargata infantil Nerja amarillo", "K", 1990,
     "Alpargata infantil con velcro, lona de algodón y suela de yute con goma antideslizante."),
    (13, "Alpargata lino Formentera arena", "U", 2990,
     "Empeine de lino natural, suela de yute trenzado. Fresca y ligera."),
    (14, "Alpargata esparto Tradicional natural", "U", 2290,
     "Alpargata tradicional de esparto y lona, como las de siempre, cosida a mano."),
    (15, "Alpargata cuña media Marbella azul marino", "W", 3690,
     "Cuña media de 5 cm, lona de algodón y suela de yute. Cómoda todo el día."),
    (16, "Alpargata cuña media Marbella rosa", "W", 3690,
     "Cuña media de 5 cm, lona de algodón y suela de yute. Cómoda todo el día."),
    (17, "Alpargata abierta Tarifa negro", "W", 2990,
     "Alpargata destalonada de lona negra con suela de yute fina."),
    (18, "Alpargata de invierno Pirineo gris", "U", 3990,
     "Alpargata cerrada con forro de borreguito, para otoño e invierno."),
    (19, "Alpargata infantil Nerja azul marino", "K", 1990,
     "Alpargata infantil con velcro, lona de algodón y suela de yute con goma antideslizante."),
    (20, "Alpargata hombre piel Ronda marrón", "M", 6490,
     "Alpargata de hombre en piel de ante, forro de piel y suela de yute con goma."),
    (21, "Alpargata plana lona Menorca verde", "U", 2490,
     "La alpargata de siempre: lona de algodón, suela de yute y goma vulcanizada. Hecha en La Rioja."),
    (22, "Alpargata valenciana de cintas negro", "W", 3490,
     "Valenciana clásica con cintas de algodón para atar a la pierna, suela de yute \"cosida a mano\"."),
]

# (model, name, colours, price cents, category, brand, description)
OTHERS = [
    (101, "Capazo de palma Mallorca", ["NAT", "AZU", "ROJ"], 4590, "Bolsos", "Alpargatas Lucía",
     "Capazo de hoja de palma tejido a mano en Mallorca, asas de piel."),
    (102, "Bolso de yute con asas de piel", ["NAT", "NEG"], 5490, "Bolsos", "Alpargatas Lucía",
     "Bolso de yute trenzado con asas de piel y forro de algodón, cierre de imán."),
    (103, "Bolso bandolera crochet", ["CRU", "TER", "MOS"], 3990, "Bolsos", "Alpargatas Lucía",
     "Bandolera de ganchillo en algodón reciclado, correa ajustable."),
    (104, "Cesta de mimbre Mercado", ["NAT"], 3490, "Bolsos", "Alpargatas Lucía",
     "Cesta de mimbre para el mercado, hecha a mano; 40 × 25 cm."),
    (105, "Tote de lona Mediterráneo", ["AZU", "CRU", "ROJ"], 1990, "Bolsos", "Alpargatas Lucía",
     "Bolsa tote de lona gruesa con bolsillo interior."),
    (106, "Bolso de rafia Cala", ["NAT", "NEG", "ROS"], 4290, "Bolsos", "Alpargatas Lucía",
     "Bolso de rafia natural con pompones, forro de algodón."),
    (107, "Clutch de esparto Noche", ["NAT", "NEG"], 3290, "Bolsos", "Alpargatas Lucía",
     "Cartera de mano de esparto con cadena dorada desmontable."),
    (108, "Neceser de lino", ["ARE", "OLI", "GRI"], 1990, "Bolsos", "Alpargatas Lucía",
     "Neceser de lino lavado con forro impermeable y cremallera metálica."),
    (109, "Mochila de lona Ruta", ["AZU", "VER"], 4990, "Bolsos", "Alpargatas Lucía",
     "Mochila de lona encerada con detalles de piel, 18 L."),
    (110, "Bolsa de playa rayas", ["AZU", "ROJ", "AMA"], 2490, "Bolsos", "Alpargatas Lucía",
     "Bolsa de playa XL de algodón a rayas, asas de cuerda."),
    (111, "Bolso de piel Alhambra", ["CAM", "NEG"], 8990, "Bolsos", "Alpargatas Lucía",
     "Bolso de piel curtida en Ubrique, con bolsillo interior y cierre de cremallera."),
    (112, "Monedero bordado", ["ROJ", "AZU", "VER"], 1290, "Bolsos", "Alpargatas Lucía",
     "Monedero de algodón bordado a mano con boquilla metálica."),
    (113, "Bolso cesta con pompones", ["NAT", "ROS", "AZU"], 3890, "Bolsos", "Alpargatas Lucía",
     "Cesta de palma con pompones de lana de colores."),
    (115, "Capazo infantil", ["ROS", "AZU"], 1890, "Bolsos", "Alpargatas Lucía",
     "Capazo pequeño de palma para niños, con nombre bordable."),
    (201, "Cuenco de cerámica Manises", ["AZU", "VER", "BLA"], 1490, "Cerámica", "Lucía Home",
     "Cuenco esmaltado a mano en Manises (Valencia), 15 cm. Apto para lavavajillas."),
    (202, "Plato llano Talavera", ["AZU", "AMA"], 1890, "Cerámica", "Lucía Home",
     "Plato llano de cerámica de Talavera pintado a mano, 27 cm."),
    (203, "Plato hondo Talavera", ["AZU", "AMA"], 1890, "Cerámica", "Lucía Home",
     "Plato hondo de cerámica de Talavera pintado a mano, 22 cm."),
    (204, "Taza con asa Triana", ["AZU", "VER", "TER", "BLA"], 1290, "Cerámica", "Lucía Home",
     "Taza de cerámica de Triana, 300 ml. Cada pieza es única."),
    (205, "Jarra de barro Andújar", ["TER", "BLA"], 2990, "Cerámica", "Lucía Home",
     "Jarra de barro de Andújar, 1,5 L, esmaltada por dentro."),
    (206, "Cazuela de barro 24 cm", ["TER"], 1690, "Cerámica", "Lucía Home",
     "Cazuela de barro refractario para horno y fuego, 24 cm."),
    (207, "Aceitera de cerámica", ["BLA", "AZU", "VER"], 1990, "Cerámica", "Lucía Home",
     "Aceitera antigoteo de cerámica esmaltada, 500 ml."),
    (208, "Salero y pimentero", ["BLA", "AZU"], 1590, "Cerámica", "Lucía Home",
     "Juego de salero y pimentero de cerámica con tapón de corcho."),
    (209, "Set de 4 vasos de cerámica", ["AZU", "TER", "MOS"], 2890, "Cerámica", "Lucía Home",
     "Cuatro vasos de cerámica esmaltada, 250 ml cada uno."),
    (210, "Jarrón Mediterráneo", ["BLA", "AZU", "OLI"], 3490, "Cerámica", "Lucía Home",
     "Jarrón de cerámica mate, 30 cm, hecho en torno."),
    (211, "Azulejo decorativo 20×20", ["AZU", "AMA", "VER", "ROJ"], 990, "Cerámica", "Lucía Home",
     "Azulejo pintado a mano con motivos tradicionales, 20 × 20 cm."),
    (212, "Botijo tradicional", ["NAT"], 2490, "Cerámica", "Lucía Home",
     "Botijo de barro blanco de Agost; mantiene el agua fresca."),
    (213, "Mortero de cerámica", ["BLA", "TER"], 2190, "Cerámica", "Lucía Home",
     "Mortero con mano de madera de olivo, 12 cm."),
    (214, "Fuente de servir Manises", ["AZU", "BLA"], 3990, "Cerámica", "Lucía Home",
     "Fuente ovalada de cerámica de Manises, 38 cm."),
    (215, "Portavelas calado", ["BLA", "TER"], 1790, "Cerámica", "Lucía Home",
     "Portavelas de cerámica calada a mano para vela de té."),
    (216, "Cazuela de barro 32 cm", ["TER"], 2490, "Cerámica", "Lucía Home",
     "Cazuela de barro refractario para horno y fuego, 32 cm."),
    (217, "Plato de postre Talavera", ["AZU", "AMA"], 1390, "Cerámica", "Lucía Home",
     "Plato de postre de cerámica de Talavera pintado a mano, 19 cm."),
    (218, "Bandeja de cerámica", ["BLA", "AZU", "VER"], 2790, "Cerámica", "Lucía Home",
     "Bandeja rectangular de cerámica esmaltada, 35 × 20 cm."),
    (301, "Mantel de lino 150×250", ["CRU", "AZU", "VER"], 6990, "Textil hogar", "Lucía Home",
     "Mantel de lino lavado a la piedra, 150 × 250 cm."),
    (302, "Servilletas de lino (pack 4)", ["CRU", "AZU", "VER", "TER"], 2490, "Textil hogar", "Lucía Home",
     "Cuatro servilletas de lino lavado, 45 × 45 cm."),
    (303, "Paño de cocina algodón rayas", ["AZU", "ROJ", "VER"], 990, "Textil hogar", "Lucía Home",
     "Paño de cocina de algodón de rizo con rayas tejidas, 50 × 70 cm."),
    (304, "Toalla de playa fouta", ["AZU", "ROJ", "ARE", "VER"], 2990, "Textil hogar", "Lucía Home",
     "Fouta de algodón con flecos, ligera y de secado rápido, 100 × 180 cm."),
    (305, "Pareo estampado", ["AZU", "TER", "MOS"], 2290, "Textil hogar", "Lucía Home",
     "Pareo de viscosa estampado, 110 × 170 cm."),
    (306, "Cojín de lino 45×45", ["CRU", "OLI", "TER", "AZU"], 3290, "Textil hogar", "Lucía Home",
     "Cojín de lino con relleno de plumón, desenfundable."),
    (307, "Manta de algodón", ["CRU", "GRI", "MOS"], 5990, "Textil hogar", "Lucía Home",
     "Manta de algodón reciclado tejida en telar, 130 × 170 cm."),
    (308, "Delantal de lino", ["CRU", "AZU", "NEG"], 2690, "Textil hogar", "Lucía Home",
     "Delantal de lino con bolsillo y cintas cruzadas."),
    (309, "Camino de mesa bordado", ["CRU", "AZU"], 3490, "Textil hogar", "Lucía Home",
     "Camino de mesa de algodón bordado a mano, 40 × 180 cm."),
    (310, "Alfombra de yute redonda 120 cm", ["NAT"], 7990, "Textil hogar", "Lucía Home",
     "Alfombra de yute trenzado a mano, 120 cm de diámetro."),
    (311, "Alfombra de yute 160×230", ["NAT"], 11900, "Textil hogar", "Lucía Home",
     "Alfombra de yute trenzado a mano, 160 × 230 cm."),
    (312, "Cortina de lino 140×260", ["CRU", "ARE"], 5490, "Textil hogar", "Lucía Home",
     "Cortina de lino semitransparente con trabillas ocultas, 140 × 260 cm."),
    (313, "Pañuelo de algodón", ["ROJ", "AZU", "MOS", "VER"], 1490, "Textil hogar", "Lucía Home",
     "Pañuelo de algodón estampado, 55 × 55 cm."),
    (314, "Bolsa de pan de lino", ["CRU", "GRI"], 1290, "Textil hogar", "Lucía Home",
     "Bolsa de pan de lino con cordón, 30 × 40 cm."),
    (315, "Bolsa tote de algodón orgánico", ["CRU", "NEG"], 1490, "Textil hogar", "Lucía Home",
     "Bolsa de algodón orgánico con asas largas."),
    (316, "Funda de cojín rústica", ["ARE", "TER"], 1990, "Textil hogar", "Lucía Home",
     "Funda de cojín de algodón rústico, 45 × 45 cm."),
]

# olive oil: (model, name, variants [(suffix, label, price)], description)
OILS = [
    (401, "Aceite de oliva virgen extra Picual", [("250", "250 ml", 650), ("500", "500 ml", 1090), ("5L", "garrafa 5 L", 3990)],
     "AOVE de variedad picual de Jaén, cosecha temprana, prensado en frío."),
    (402, "Aceite de oliva virgen extra Arbequina", [("250", "250 ml", 690), ("500", "500 ml", 1190)],
     "AOVE de variedad arbequina de Lleida, afrutado suave."),
    (403, "Aceite de oliva virgen extra Hojiblanca", [("250", "250 ml", 650), ("500", "500 ml", 1090)],
     "AOVE de variedad hojiblanca de Córdoba, con notas de almendra."),
    (404, "Aceite de oliva virgen extra ecológico Cornicabra", [("500", "500 ml", 1390)],
     "AOVE ecológico de variedad cornicabra de Toledo."),
    (405, "Lata de aceite de oliva virgen extra", [("3L", "3 L", 2990)],
     "Lata decorada de 3 litros de AOVE coupage, ideal para regalar."),
    (406, "Estuche degustación AOVE", [("3X100", "3 × 100 ml", 1490)],
     "Estuche con tres variedades de AOVE (picual, arbequina y hojiblanca) en botellas de 100 ml."),
    (407, "Estuche regalo AOVE con cuenco", [("UNI", "", 2690)],
     "Botella de 500 ml de AOVE picual y cuenco de cerámica para mojar pan."),
    (408, "Pack aceite y vinagre de Jerez", [("UNI", "", 1990)],
     "AOVE arbequina de 250 ml y vinagre de Jerez reserva de 250 ml."),
    (409, "Cesta gourmet Navidad", [("UNI", "", 4990)],
     "Cesta de mimbre con AOVE, paté de aceitunas, regañás y paño de cocina."),
]

BUNDLES = [
    ("ALP-9001-REG", "Pack regalo Mediterráneo",
     [("ALP-0401-500", 1), ("ALP-0201-AZU", 1), ("ALP-0303-AZU", 1)],
     "Pack regalo: AOVE picual 500 ml, cuenco de Manises azul y paño de cocina a rayas."),
    ("ALP-9002-REG", "Pack playa",
     [("ALP-0101-NAT", 1), ("ALP-0304-AZU", 1)],
     "Pack regalo: capazo de palma Mallorca natural y toalla fouta azul."),
    ("ALP-9003-REG", "Pack gourmet AOVE",
     [("ALP-0402-250", 2), ("ALP-0207-BLA", 1)],
     "Pack regalo: dos AOVE arbequina de 250 ml y aceitera de cerámica blanca."),
]

CAT_ESP = "Alpargatas"
CAT_OIL = "Aceite de oliva"
CAT_PACK = "Packs regalo"

# month multipliers per category (index 1..12)
CAT_SEASON = {
    CAT_ESP: [0, .55, .5, .8, 1.2, 1.7, 2.1, 2.1, 1.6, .9, .6, .45, .5],
    "Bolsos": [0, .8, .7, .8, 1.0, 1.3, 1.5, 1.5, 1.3, .9, .8, 1.0, 1.3],
    "Cerámica": [0, 1.0, .9, .9, 1.0, 1.0, .9, .9, .9, 1.0, 1.1, 1.3, 1.7],
    "Textil hogar": [0, 1.0, .8, .9, 1.0, 1.1, 1.3, 1.3, 1.2, 1.0, 1.0, 1.1, 1.4],
    CAT_OIL: [0, 1.0, .8, .8, .8, .8, .7, .7, .7, .9, 1.1, 1.6, 2.3],
    CAT_PACK: [0, .9, .25, .25, .25, .25, .25, .25, .25, .3, .5, 1.6, 3.2],
}
WINTER = [0, 2.0, 1.6, .8, .3, .1, .05, .05, .05, .6, 1.6, 2.0, 2.2]  # model 18

DISCONTINUED_MODELS = {11}
DISCONTINUED_SKUS = {"ALP-0212-NAT"}


def build_catalogue():
    products = []
    item_ref = 0

    def add(sku, title, brand, category, price, desc, model, extra):
        nonlocal item_ref
        item_ref += 7  # not contiguous, like real item references
        p = {
            "sku": sku, "title": title, "barcode": ean13(f"8436012{item_ref:05d}"),
            "brand": brand, "category": category, "price": price,
            "status": "active", "url": f"{SITE}/p/{sku.lower()}",
            "description": desc, "image_url": f"{CDN}/{sku[:8]}.jpg",
            "model": model,
        }
        p.update(extra)
        products.append(p)

    for model, name, run, price, desc in ESPADRILLES:
        mpop = rng.lognormvariate(0, 0.7)
        for size, sw in zip(SIZES[run], SIZE_WEIGHT[run]):
            add(f"ALP-{model:04d}-{size}", f"{name} - Talla {size}", "Alpargatas Lucía", CAT_ESP,
                price, desc, model, {"pop": mpop * sw / 10.0})
    for model, name, colours, price, cat, brand, desc in OTHERS:
        mpop = rng.lognormvariate(0, 0.7)
        for i, c in enumerate(colours):
            add(f"ALP-{model:04d}-{c}", f"{name} {COLOURS[c]}", brand, cat, price, desc, model,
                {"pop": mpop * (1.0, .7, .5, .4)[i] * 1.3})
    for model, name, variants, desc in OILS:
        mpop = rng.lognormvariate(0, 0.6)
        for i, (suf, label, price) in enumerate(variants):
            title = f"{name} {label}".strip()
            add(f"ALP-{model:04d}-{suf}", title, "Almazara Sierra Sur" if model <= 405 else "Alpargatas Lucía",
                CAT_OIL, price, desc, model, {"pop": mpop * (1.0, .8, .35)[i] * 1.4})
    by_sku = {p["sku"]: p for p in products}
    for sku, name, comps, desc in BUNDLES:
        total = sum(by_sku[c]["price"] * q for c, q in comps)
        price = (total * 90 // 100) // 100 * 100 + 90
        add(sku, name, "Alpargatas Lucía", CAT_PACK, price, desc, int(sku[4:8]), {"pop": 1.6})
        products[-1]["components"] = comps

    # a few multi-line descriptions (quoted fields spanning lines)
    for sku in ("ALP-0010-38", "ALP-0111-CAM", "ALP-9001-REG"):
        p = next(x for x in products if x["sku"] == sku)
        p["description"] = p["description"] + "\nCuidados: limpiar con un paño húmedo; no meter en la lavadora."

    # discontinued
    for p in products:
        if p["model"] in DISCONTINUED_MODELS or p["sku"] in DISCONTINUED_SKUS:
            p["status"] = "discontinued"
    # ~5% blank barcodes (never on bundles)
    candidates = [p for p in products if "components" not in p]
    for p in rng.sample(candidates, 15):
        p["barcode"] = ""
    # updated_at: between 2026-09-20 and 2026-10-30, at office hours (UTC)
    for p in products:
        d = dt.date(2026, 10, 1) + dt.timedelta(days=rng.randint(-11, 29))
        if rng.random() < 0.55:
            p["updated_at"] = "2026-10-01T09:00:00Z"
        else:
            p["updated_at"] = f"{d.isoformat()}T{rng.randint(7, 16):02d}:{rng.choice([0, 15, 30, 45]):02d}:00Z"
    return products


# --------------------------------------------------------------------------
# stock
# --------------------------------------------------------------------------

def build_stock(products):
    stock = {loc: {} for loc in LOCATIONS}  # loc -> sku -> [on_hand, reserved]
    physical = [p for p in products if "components" not in p]
    # stores carry whole models
    models = []
    for p in physical:
        if p["model"] not in models:
            models.append(p["model"])
    carried = {}
    for store, prob in (("madrid", 0.42), ("barcelona", 0.38)):
        chosen = [m for m in models if rng.random() < prob]
        carried[store] = chosen
        for p in physical:
            if p["model"] in chosen:
                if p["status"] == "discontinued":
                    oh = wchoice([(0, 5), (1, 2), (2, 1)])
                else:
                    oh = wchoice([(0, 8), (1, 14), (2, 18), (3, 18), (4, 14), (5, 10), (6, 8), (7, 5), (8, 5)])
                stock[store][p["sku"]] = [oh, 0]
    for p in physical:
        if rng.random() < 0.88:
            if p["status"] == "discontinued":
                oh = rng.randint(0, 3)
            elif rng.random() < 0.07:
                oh = 0
            else:
                oh = min(60, 1 + int(rng.expovariate(1 / (10 + 8 * min(p["pop"], 2.5)))))
            stock["warehouse"][p["sku"]] = [oh, 0]
    for loc in LOCATIONS:
        for sku, row in stock[loc].items():
            if row[0] > 0 and rng.random() < 0.10:
                row[1] = min(row[0], rng.choice([1, 1, 2]))
    return stock, carried


def available(stock, products_by_sku, sku):
    p = products_by_sku.get(sku)
    if p is not None and "components" in p:
        return min(available(stock, products_by_sku, c) // q for c, q in p["components"])
    return sum(max(0, stock[loc][sku][0] - stock[loc][sku][1]) for loc in LOCATIONS if sku in stock[loc])


def on_hand_total(stock, sku):
    return sum(stock[loc][sku][0] for loc in LOCATIONS if sku in stock[loc])


# --------------------------------------------------------------------------
# listings
# --------------------------------------------------------------------------

def channel_price(price, channel):
    """Expected channel price: master × markup, to the nearest .50, minus 1 cent."""
    if MARKUP[channel] == 100:
        return price
    raw = price * MARKUP[channel]  # in 1/100 cents
    halves = (raw + 2500) // 5000  # nearest 50 cents
    return halves * 50 - 1


def amazon_title(p):
    t = p["title"]
    r = rng.random()
    if r < 0.35:
        return "Alpargatas Lucía - " + t.replace(" - Talla ", ", talla ") if p["category"] == CAT_ESP \
            else "Alpargatas Lucía - " + t
    if r < 0.65:  # shortened
        t = t.replace(" - Talla ", " T").replace(" de cerámica", "").replace("Aceite de oliva virgen extra", "AOVE")
        words = t.split()
        if len(words) > 5:
            # drop the descriptive middle word(s)
            drop = rng.randint(1, min(2, len(words) - 4))
            words = words[:1] + words[1 + drop:]
        return " ".join(words)
    return t


def ebay_title(p):
    if rng.random() < 0.45:
        t = p["title"] + " | Hecho en España"
        return t[:80]
    return p["title"]


def build_listings(products, stock):
    by_sku = {p["sku"]: p for p in products}
    active = [p for p in products if p["status"] == "active"]
    listings = {ch: [] for ch in ONLINE}
    used_ebay_ids = set()
    used_asins = set()

    def ebay_id():
        while True:
            n = str(rng.choice([1, 2, 3])) + "".join(rng.choice("0123456789") for _ in range(11))
            n = rng.choice(["16", "20", "30", "36", "40"]) + n[2:]
            if n not in used_ebay_ids:
                used_ebay_ids.add(n)
                return n

    def asin():
        while True:
            a = "B0" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(8))
            if a not in used_asins:
                used_asins.add(a)
                return a

    def recent_ts():
        d = dt.date(2026, 10, 31) - dt.timedelta(days=rng.randint(0, 9))
        return f"{d.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"

    def natural_qty(sku):
        a = available(stock, by_sku, sku)
        if a >= 4 and rng.random() < 0.12:
            return a - rng.randint(1, 3)  # under-listed a little (buffer)
        return a

    prob = {"web": 0.95, "amazon-es": 0.60, "ebay": 0.40}
    for ch in ONLINE:
        for p in active:
            if "components" in p:
                listed = {"web": True, "amazon-es": p["sku"] != "ALP-9002-REG", "ebay": p["sku"] == "ALP-9003-REG"}[ch]
            else:
                listed = rng.random() < prob[ch]
            if not listed:
                continue
            if ch == "web":
                csku, title, url = p["sku"], p["title"], p["url"]
            elif ch == "amazon-es":
                csku, title, url = f"AMZ-{p['sku']}", amazon_title(p), f"https://www.amazon.es/dp/{asin()}"
            else:
                eid = ebay_id()
                csku, title, url = eid, ebay_title(p), f"https://www.ebay.es/itm/{eid}"
            listings[ch].append({
                "sku": p["sku"], "channel_sku": csku, "title": title, "barcode": p["barcode"],
                "brand": p["brand"], "price": channel_price(p["price"], ch), "quantity": natural_qty(p["sku"]),
                "status": "active", "url": url, "description": p["description"], "image_url": p["image_url"],
                "updated_at": recent_ts(),
            })

    planted = []  # (check, channel, sku, channel_sku, detail)

    def pick(ch, cond, k, exclude):
        pool = [l for l in listings[ch] if cond(l) and l["sku"] not in exclude and "REG" not in l["sku"]]
        return rng.sample(pool, k)

    touched = {ch: set() for ch in ONLINE}

    def mark(ch, rows):
        for r in rows:
            touched[ch].add(r["sku"])

    def old_ts():
        d = dt.date(2026, 3, 1) + dt.timedelta(days=rng.randint(0, 170))  # 2026-03-01 .. 2026-08-18
        return f"{d.isoformat()}T{rng.randint(6, 20):02d}:{rng.randint(0, 59):02d}:00Z"

    # -- price off by more than 10% from the expected channel price
    for ch, k in (("web", 2), ("amazon-es", 3), ("ebay", 2)):
        for l in pick(ch, lambda l: True, k, touched[ch]):
            exp = channel_price(by_sku[l["sku"]]["price"], ch)
            factor = rng.choice([78, 80, 85, 125, 130]) if ch != "amazon-es" else rng.choice([82, 87, 130, 135])
            l["price"] = exp * factor // 100 // 10 * 10 + 9
            planted.append(("price_mismatch", ch, l["sku"], l["channel_sku"],
                            f"listed {money(l['price'])}, expected {money(exp)} ({MARKUP[ch] - 100:+d}% on master {money(by_sku[l['sku']]['price'])})"))
            touched[ch].add(l["sku"])
    # -- listed quantity 0 while stock exists
    for ch, k in (("web", 2), ("amazon-es", 2), ("ebay", 2)):
        for l in pick(ch, lambda l: available(stock, by_sku, l["sku"]) >= 3, k, touched[ch]):
            planted.append(("zero_listed_with_stock", ch, l["sku"], l["channel_sku"],
                            f"listed 0, available {available(stock, by_sku, l['sku'])}"))
            l["quantity"] = 0
            touched[ch].add(l["sku"])
    # -- oversell: listed more than available
    for ch, k in (("web", 3), ("amazon-es", 3), ("ebay", 2)):
        rows = pick(ch, lambda l: available(stock, by_sku, l["sku"]) <= 3, 1, touched[ch]) + \
            pick(ch, lambda l: available(stock, by_sku, l["sku"]) > 3, k - 1, touched[ch])
        for l in rows:
            a = available(stock, by_sku, l["sku"])
            l["quantity"] = a + rng.randint(3, 10)
            planted.append(("oversell", ch, l["sku"], l["channel_sku"], f"listed {l['quantity']}, available {a}"))
            touched[ch].add(l["sku"])
    # -- stale listings (updated_at older than 60 days before the audit day)
    for ch, k in (("web", 1), ("amazon-es", 4), ("ebay", 5)):
        for l in pick(ch, lambda l: True, k, touched[ch]):
            l["updated_at"] = old_ts()
            planted.append(("stale_listing", ch, l["sku"], l["channel_sku"], f"updated_at {l['updated_at']}"))
            touched[ch].add(l["sku"])
    # -- barcode / brand differs from the master
    for ch, k in (("amazon-es", 2), ("ebay", 1)):
        for l in pick(ch, lambda l: l["barcode"] != "", k, touched[ch]):
            old = l["barcode"]
            l["barcode"] = ean13(f"8436012{rng.randint(3000, 9999):05d}")
            planted.append(("barcode_mismatch", ch, l["sku"], l["channel_sku"], f"listed {l['barcode']}, master {old}"))
            touched[ch].add(l["sku"])
    for ch, brand in (("amazon-es", "Sin marca"), ("ebay", "Generic")):
        for l in pick(ch, lambda l: True, 1, touched[ch]):
            planted.append(("brand_mismatch", ch, l["sku"], l["channel_sku"], f"listed {brand}, master {l['brand']}"))
            l["brand"] = brand
            touched[ch].add(l["sku"])
    # -- empty description / image_url
    for ch, field, k in (("web", "both", 1), ("amazon-es", "description", 3), ("ebay", "image_url", 2)):
        for l in pick(ch, lambda l: True, k, touched[ch]):
            if field in ("both", "description"):
                l["description"] = ""
            if field in ("both", "image_url"):
                l["image_url"] = ""
            planted.append(("missing_content", ch, l["sku"], l["channel_sku"],
                            {"both": "description and image_url empty", "description": "description empty",
                             "image_url": "image_url empty"}[field]))
            touched[ch].add(l["sku"])
    # -- same SKU listed twice with a different channel SKU
    for ch in ("amazon-es", "ebay"):
        l = pick(ch, lambda l: True, 1, touched[ch])[0]
        dup = dict(l)
        if ch == "amazon-es":
            dup["channel_sku"] = l["channel_sku"] + "-B"
            dup["url"] = f"https://www.amazon.es/dp/{asin()}"
            dup["price"] = l["price"] + 100
        else:
            eid = ebay_id()
            dup["channel_sku"] = eid
            dup["url"] = f"https://www.ebay.es/itm/{eid}"
        dup["quantity"] = max(1, l["quantity"] // 2)
        dup["updated_at"] = recent_ts()
        listings[ch].insert(listings[ch].index(l) + 1, dup)
        planted.append(("duplicate_listing", ch, l["sku"], f"{l['channel_sku']} + {dup['channel_sku']}",
                        "same SKU listed twice"))
        touched[ch].add(l["sku"])
    # -- discontinued SKUs still listed
    for ch, sku in (("amazon-es", "ALP-0011-38"), ("ebay", "ALP-0212-NAT")):
        p = by_sku[sku]
        if ch == "amazon-es":
            csku, url, title = f"AMZ-{sku}", f"https://www.amazon.es/dp/{asin()}", amazon_title(p)
        else:
            eid = ebay_id()
            csku, url, title = eid, f"https://www.ebay.es/itm/{eid}", p["title"]
        row = {"sku": sku, "channel_sku": csku, "title": title, "barcode": p["barcode"], "brand": p["brand"],
               "price": channel_price(p["price"], ch), "quantity": available(stock, by_sku, sku),
               "status": "active", "url": url, "description": p["description"], "image_url": p["image_url"],
               "updated_at": recent_ts()}
        listings[ch].append(row)
        planted.append(("discontinued_listed", ch, sku, csku, f"master status discontinued, listed active qty {row['quantity']}"))
    # -- orphans: SKU that matches no product
    orphan_defs = [
        ("web", "ALP-0003-46", "Alpargata plana lona Menorca azul marino - Talla 46", 2490),
        ("amazon-es", "ALP-0117-NAT", "Alpargatas Lucía - Sombrero de palma natural", 2990),
        ("amazon-es", "ALP-0401-1L", "AOVE Picual 1 L", 1790),
        ("amazon-es", "ALP-0204-ROJ", "Taza Triana rojo", 1490),
        ("ebay", "ALP-0099-40", "Alpargata edición limitada Feria - Talla 40", 4490),
        ("ebay", "LUCIA-CAPAZO-GRANDE", "Capazo de palma grande | Hecho en España", 5490),
    ]
    for ch, sku, title, price in orphan_defs:
        if ch == "web":
            csku, url = sku, f"{SITE}/p/{sku.lower()}"
        elif ch == "amazon-es":
            csku, url = f"AMZ-{sku}", f"https://www.amazon.es/dp/{asin()}"
        else:
            eid = ebay_id()
            csku, url = eid, f"https://www.ebay.es/itm/{eid}"
        row = {"sku": sku, "channel_sku": csku, "title": title, "barcode": "", "brand": "Alpargatas Lucía",
               "price": price, "quantity": rng.randint(1, 6), "status": "active", "url": url,
               "description": "", "image_url": "", "updated_at": recent_ts()}
        pos = rng.randint(0, len(listings[ch]))
        listings[ch].insert(pos, row)
        planted.append(("orphan_listing", ch, sku, csku, "SKU not in products.csv"))
    # -- one listing whose SKU differs from the master only by letter case (NOT an orphan)
    l = pick("ebay", lambda l: True, 1, touched["ebay"])[0]
    l["sku"] = l["sku"].lower()
    planted.append(("sku_case_variant", "ebay", l["sku"], l["channel_sku"],
                    f"matches {l['sku'].upper()} case-insensitively; not an orphan, no finding expected"))
    return listings, planted


# --------------------------------------------------------------------------
# people
# --------------------------------------------------------------------------

FEMALE = [("María", 30), ("Carmen", 14), ("Ana", 10), ("Laura", 10), ("Lucía", 10), ("Marta", 9), ("Cristina", 8),
          ("Isabel", 7), ("Elena", 8), ("Paula", 8), ("Sara", 7), ("Pilar", 5), ("Rosa", 4), ("Raquel", 6),
          ("Sofía", 6), ("Patricia", 6), ("Beatriz", 5), ("Silvia", 6), ("Alba", 6), ("Irene", 6), ("Andrea", 6),
          ("Noelia", 4), ("Rocío", 5), ("Inmaculada", 3), ("Begoña", 3), ("Nerea", 4), ("Marina", 5),
          ("Dolores", 3), ("Concepción", 2), ("Mercedes", 3), ("Teresa", 3), ("Julia", 4), ("Claudia", 4),
          ("Ainhoa", 2), ("Eva", 4), ("Nuria", 4), ("Susana", 4), ("Yolanda", 3), ("Esther", 3),
          ("María José", 7), ("María del Carmen", 6), ("Ana Isabel", 3), ("María Luisa", 4), ("María Teresa", 4),
          ("María Ángeles", 4), ("María Pilar", 3), ("María Dolores", 4)]
FEMALE_CAT = [("Núria", 8), ("Montserrat", 7), ("Mireia", 6), ("Laia", 7), ("Marta", 6), ("Anna", 6), ("Júlia", 5),
              ("Meritxell", 4), ("Carla", 6), ("Gemma", 5), ("Roser", 3), ("Berta", 4)]
MALE = [("Antonio", 16), ("José", 12), ("Manuel", 12), ("Francisco", 10), ("David", 10), ("Juan", 10),
        ("Javier", 10), ("Daniel", 9), ("Carlos", 9), ("Jesús", 6), ("Alejandro", 8), ("Miguel", 6),
        ("Rafael", 6), ("Pablo", 8), ("Sergio", 7), ("Álvaro", 6), ("Jorge", 7), ("Alberto", 6),
        ("Fernando", 6), ("Luis", 6), ("Ángel", 5), ("Adrián", 5), ("Diego", 5), ("Iván", 4), ("Rubén", 5),
        ("Óscar", 4), ("Raúl", 5), ("Ignacio", 4), ("Enrique", 4), ("Ramón", 3), ("Vicente", 3),
        ("José María", 6), ("José Antonio", 6), ("José Luis", 6), ("Juan Carlos", 5), ("Francisco Javier", 5),
        ("Miguel Ángel", 5), ("Juan José", 4), ("José Manuel", 5)]
MALE_CAT = [("Jordi", 9), ("Pau", 7), ("Marc", 8), ("Xavier", 5), ("Oriol", 5), ("Joan", 7), ("Albert", 5),
            ("Sergi", 5), ("Arnau", 5), ("Pere", 4), ("Josep", 6), ("Martí", 4)]
SURNAMES = [("García", 30), ("Rodríguez", 20), ("González", 20), ("Fernández", 20), ("López", 19),
            ("Martínez", 18), ("Sánchez", 17), ("Pérez", 16), ("Gómez", 10), ("Martín", 10), ("Jiménez", 8),
            ("Ruiz", 8), ("Hernández", 8), ("Díaz", 7), ("Moreno", 7), ("Muñoz", 6), ("Álvarez", 6),
            ("Romero", 5), ("Alonso", 5), ("Gutiérrez", 5), ("Navarro", 5), ("Torres", 5), ("Domínguez", 4),
            ("Vázquez", 4), ("Ramos", 4), ("Gil", 4), ("Ramírez", 4), ("Serrano", 4), ("Blanco", 4),
            ("Molina", 4), ("Morales", 3), ("Suárez", 3), ("Ortega", 3), ("Delgado", 3), ("Castro", 3),
            ("Ortiz", 3), ("Rubio", 3), ("Marín", 3), ("Sanz", 3), ("Núñez", 3), ("Iglesias", 3), ("Medina", 3),
            ("Garrido", 3), ("Cortés", 2), ("Castillo", 2), ("Santos", 2), ("Lozano", 2), ("Guerrero", 2),
            ("Cano", 2), ("Prieto", 2), ("Méndez", 2), ("Cruz", 2), ("Calvo", 2), ("Gallego", 2), ("Vidal", 2),
            ("León", 2), ("Márquez", 2), ("Herrera", 2), ("Peña", 2), ("Flores", 2), ("Cabrera", 2),
            ("Campos", 2), ("Vega", 2), ("Fuentes", 2), ("Carrasco", 2), ("Díez", 2), ("Caballero", 2),
            ("Reyes", 2), ("Nieto", 2), ("Aguilar", 2), ("Pascual", 2), ("Herrero", 2), ("Lorenzo", 2),
            ("Montero", 2), ("Hidalgo", 2), ("Giménez", 2), ("Ibáñez", 2), ("Durán", 2), ("Benítez", 2),
            ("Mora", 2), ("Vicente", 1), ("Vargas", 1), ("Arias", 1), ("Carmona", 1), ("Crespo", 1),
            ("Román", 1), ("Pastor", 1), ("Soto", 1), ("Sáez", 1), ("Velasco", 1), ("Moya", 1), ("Parra", 1),
            ("Esteban", 1), ("Bravo", 1), ("Gallardo", 1), ("Rojas", 1), ("de la Fuente", 1), ("del Río", 1),
            ("de la Torre", 1), ("del Valle", 1), ("de la Cruz", 1), ("Echeverría", 1), ("Goikoetxea", 1),
            ("Etxeberria", 1)]
SURNAMES_CAT = [("Puig", 5), ("Vila", 4), ("Font", 4), ("Roca", 4), ("Casals", 3), ("Serra", 4), ("Pujol", 3),
                ("Vilà", 2), ("Riera", 3), ("Soler", 4), ("Ferrer", 5), ("Mas", 3), ("Bosch", 3), ("Sala", 3),
                ("Camps", 2), ("Oliveras", 2), ("Costa", 3), ("Martí", 3), ("Vidal", 3), ("Sabaté", 2),
                ("Castells", 2), ("Planas", 2), ("Torrent", 2), ("Prat", 2), ("Coll", 2), ("Garriga", 2)]
NICKNAMES = {"José María": "Chema", "José": "Pepe", "Francisco": "Paco", "Manuel": "Manolo",
             "Dolores": "Lola", "María Dolores": "Lola", "Pilar": "Pili", "María Teresa": "Maite",
             "Ignacio": "Nacho", "Enrique": "Quique", "Mercedes": "Merche", "Concepción": "Conchi",
             "Francisco Javier": "Javi", "Javier": "Javi", "Josep": "Pep", "Montserrat": "Montse",
             "María Isabel": "Maribel", "Jesús": "Chus"}

# city, region, country, postcodes, streets, weight, landline prefix
STREETS_GENERIC = [("Calle", "Mayor"), ("Calle", "Real"), ("Avenida", "de la Constitución"), ("Plaza", "de España"),
                   ("Calle", "de San Francisco"), ("Calle", "Nueva"), ("Avenida", "de Andalucía"),
                   ("Calle", "del Carmen"), ("Paseo", "de la Estación"), ("Calle", "de la Iglesia")]
CITIES = [
    ("Madrid", "Madrid", "ES", [f"280{n:02d}" for n in range(1, 56)],
     [("Calle", "Mayor"), ("Calle", "de Alcalá"), ("Gran Vía", ""), ("Calle", "de Serrano"), ("Calle", "de Toledo"),
      ("Avenida", "de América"), ("Paseo", "de la Castellana"), ("Calle", "de Atocha"), ("Calle", "de Fuencarral"),
      ("Calle", "de Bravo Murillo"), ("Calle", "de Embajadores"), ("Calle", "de López de Hoyos"),
      ("Calle", "de Arturo Soria"), ("Calle", "de Ibiza"), ("Calle", "de Argumosa"), ("Calle", "de Ponzano"),
      ("Avenida", "de la Albufera"), ("Calle", "de Princesa"), ("Calle", "de Goya"), ("Paseo", "de las Delicias")],
     220, "91"),
    ("Alcalá de Henares", "Madrid", "ES", [f"2880{n}" for n in range(1, 8)], STREETS_GENERIC, 12, "91"),
    ("Getafe", "Madrid", "ES", [f"2890{n}" for n in range(1, 10)], STREETS_GENERIC, 10, "91"),
    ("Móstoles", "Madrid", "ES", [f"2893{n}" for n in range(1, 9)], STREETS_GENERIC, 9, "91"),
    ("Pozuelo de Alarcón", "Madrid", "ES", ["28223", "28224"], STREETS_GENERIC, 6, "91"),
    ("Barcelona", "Barcelona", "ES", [f"080{n:02d}" for n in range(1, 43)],
     [("Carrer", "de Mallorca"), ("Carrer", "d'Aragó"), ("Passeig", "de Gràcia"), ("Avinguda", "Diagonal"),
      ("Carrer", "de Balmes"), ("Carrer", "de Sants"), ("Carrer", "de Provença"), ("Carrer", "del Consell de Cent"),
      ("Gran Via", "de les Corts Catalanes"), ("Carrer", "de Muntaner"), ("Carrer", "de Pujades"),
      ("Carrer", "de la Marina"), ("Carrer", "de Verdi"), ("Carrer", "de Còrsega"), ("Passeig", "de Sant Joan")],
     150, "93"),
    ("L'Hospitalet de Llobregat", "Barcelona", "ES", [f"0890{n}" for n in range(1, 9)],
     [("Carrer", "Major"), ("Rambla", "de la Marina"), ("Avinguda", "de Catalunya"), ("Carrer", "de Sant Josep")], 10, "93"),
    ("Badalona", "Barcelona", "ES", [f"0891{n}" for n in range(1, 9)],
     [("Carrer", "del Mar"), ("Rambla", "de Badalona"), ("Avinguda", "de Martí Pujol"), ("Carrer", "de Francesc Layret")], 8, "93"),
    ("Sabadell", "Barcelona", "ES", [f"0820{n}" for n in range(1, 9)],
     [("Rambla", "de Sabadell"), ("Carrer", "de Gràcia"), ("Avinguda", "de Matadepera"), ("Carrer", "de la Creu Alta")], 7, "93"),
    ("Valencia", "Valencia", "ES", [f"460{n:02d}" for n in range(1, 27)],
     [("Calle", "de Colón"), ("Avenida", "del Puerto"), ("Calle", "de Cuba"), ("Gran Vía", "Marqués del Turia"),
      ("Calle", "de Sueca"), ("Avenida", "de Blasco Ibáñez"), ("Calle", "de la Paz"), ("Calle", "de Russafa")], 55, "96"),
    ("Sevilla", "Sevilla", "ES", [f"410{n:02d}" for n in range(1, 21)],
     [("Calle", "Sierpes"), ("Avenida", "de la Constitución"), ("Calle", "Feria"), ("Calle", "Asunción"),
      ("Calle", "San Jacinto"), ("Avenida", "de la República Argentina"), ("Calle", "Betis")], 40, "95"),
    ("Málaga", "Málaga", "ES", [f"290{n:02d}" for n in range(1, 19)],
     [("Calle", "Larios"), ("Avenida", "de Andalucía"), ("Calle", "Carretería"), ("Paseo", "Marítimo Pablo Ruiz Picasso")], 25, "95"),
    ("Zaragoza", "Zaragoza", "ES", [f"500{n:02d}" for n in range(1, 22)],
     [("Paseo", "de la Independencia"), ("Calle", "Alfonso I"), ("Avenida", "de Madrid"), ("Calle", "del Coso")], 22, "976"),
    ("Bilbao", "Bizkaia", "ES", [f"480{n:02d}" for n in range(1, 16)],
     [("Gran Vía", "de Don Diego López de Haro"), ("Calle", "Ercilla"), ("Calle", "Licenciado Poza"), ("Alameda", "de Urquijo")], 16, "94"),
    ("Alicante", "Alicante", "ES", [f"030{n:02d}" for n in range(1, 17)],
     [("Avenida", "de Maisonnave"), ("Calle", "San Vicente"), ("Rambla", "de Méndez Núñez")], 14, "965"),
    ("Granada", "Granada", "ES", [f"180{n:02d}" for n in range(1, 16)],
     [("Calle", "Recogidas"), ("Gran Vía", "de Colón"), ("Calle", "San Antón")], 12, "958"),
    ("Palma", "Illes Balears", "ES", [f"070{n:02d}" for n in range(1, 16)],
     [("Carrer", "de Sant Miquel"), ("Avinguda", "de Jaume III"), ("Carrer", "d'Aragó")], 12, "971"),
    ("Valladolid", "Valladolid", "ES", [f"470{n:02d}" for n in range(1, 17)],
     [("Calle", "de Santiago"), ("Paseo", "de Zorrilla"), ("Calle", "de Gamazo")], 10, "983"),
    ("A Coruña", "A Coruña", "ES", [f"150{n:02d}" for n in range(1, 12)],
     [("Rúa", "Real"), ("Avenida", "de Finisterre"), ("Rúa", "de San Andrés")], 10, "981"),
    ("Murcia", "Murcia", "ES", [f"300{n:02d}" for n in range(1, 13)],
     [("Gran Vía", "Escultor Salzillo"), ("Calle", "Trapería"), ("Avenida", "de la Libertad")], 10, "968"),
    ("Pamplona", "Navarra", "ES", [f"310{n:02d}" for n in range(1, 17)],
     [("Calle", "Estafeta"), ("Avenida", "de Carlos III"), ("Calle", "Mayor")], 8, "948"),
    ("Donostia-San Sebastián", "Gipuzkoa", "ES", [f"200{n:02d}" for n in range(1, 19)],
     [("Calle", "de San Martín"), ("Avenida", "de la Libertad"), ("Calle", "Urbieta")], 8, "943"),
    ("Santander", "Cantabria", "ES", [f"390{n:02d}" for n in range(1, 13)],
     [("Calle", "Burgos"), ("Paseo", "de Pereda"), ("Calle", "Vargas")], 6, "942"),
    ("Oviedo", "Asturias", "ES", [f"330{n:02d}" for n in range(1, 14)],
     [("Calle", "Uría"), ("Calle", "Fray Ceferino"), ("Avenida", "de Galicia")], 6, "985"),
    ("Córdoba", "Córdoba", "ES", [f"140{n:02d}" for n in range(1, 15)],
     [("Avenida", "del Gran Capitán"), ("Calle", "Cruz Conde"), ("Calle", "San Pablo")], 7, "957"),
    ("Cádiz", "Cádiz", "ES", [f"110{n:02d}" for n in range(1, 13)],
     [("Calle", "Ancha"), ("Avenida", "de Andalucía"), ("Calle", "Sacramento")], 5, "956"),
    ("Logroño", "La Rioja", "ES", [f"2600{n}" for n in range(1, 10)],
     [("Calle", "Portales"), ("Gran Vía", "Juan Carlos I"), ("Calle", "Laurel")], 5, "941"),
    ("Lisboa", "Lisboa", "PT", ["1000-093", "1069-052", "1150-020", "1200-195", "1250-096", "1700-163"],
     [("Rua", "Augusta"), ("Avenida", "da Liberdade"), ("Rua", "do Ouro")], 5, ""),
    ("Toulouse", "Occitanie", "FR", ["31000", "31200", "31300", "31400", "31500"],
     [("Rue", "d'Alsace-Lorraine"), ("Rue", "de Metz"), ("Allée", "Jean Jaurès")], 4, ""),
]
CITY_BY_NAME = {c[0]: c for c in CITIES}
MADRID_PROV = [c[0] for c in CITIES if c[1] == "Madrid"]
BCN_PROV = [c[0] for c in CITIES if c[1] == "Barcelona"]

EMAIL_DOMAINS = [("gmail.com", 52), ("hotmail.com", 13), ("outlook.es", 7), ("yahoo.es", 6), ("icloud.com", 5),
                 ("hotmail.es", 5), ("telefonica.net", 3), ("gmx.es", 2), ("protonmail.com", 2), ("live.com", 3),
                 ("movistar.es", 2)]


class Person:
    pass


def make_people(n_people):
    people = []
    used_phones = set()
    used_emails = set()

    def new_mobile(country="ES"):
        while True:
            if country == "PT":
                n = "9" + rng.choice("1236") + "".join(rng.choice("0123456789") for _ in range(7))
            elif country == "FR":
                n = rng.choice("67") + "".join(rng.choice("0123456789") for _ in range(8))
            else:
                first = "6" if rng.random() < 0.9 else "7"
                second = rng.choice("0123456789") if first == "6" else rng.choice("1234")
                n = first + second + "".join(rng.choice("0123456789") for _ in range(7))
            if n not in used_phones:
                used_phones.add(n)
                return n

    def new_landline(prefix):
        while True:
            n = prefix + "".join(rng.choice("0123456789") for _ in range(9 - len(prefix)))
            if n[len(prefix)] in "01":
                continue
            if n not in used_phones:
                used_phones.add(n)
                return n

    def new_email(p, alt=False):
        g = ascii_slug(p.given.split()[0])
        g2 = ascii_slug(p.given.split()[1]) if len(p.given.split()) > 1 and p.given.split()[1] not in ("del",) else ""
        if p.given.startswith("María del"):
            g2 = ""
        s1 = ascii_slug(p.sur1)
        s2 = ascii_slug(p.sur2) if p.sur2 else ""
        yy = str(p.born)[2:]
        for _ in range(100):
            # (tokens, separator): Gmail variants re-join the tokens with or without dots
            patterns = [([g, s1], "."), ([g, s1], ""), ([g, s1 + yy], ""), ([g[0] + s1], ""),
                        ([g, s1, s2], ".") if s2 else ([g, s1 + yy], "."),
                        ([g + g2, s1], "") if g2 else ([g, s1], "_"), ([s1, g], "."), ([g + s1[:3] + str(p.born)], ""),
                        ([g[0] + s1, s2], "") if s2 else ([g[0], s1], ".")]
            if alt:
                patterns += [([g, s1, "trabajo"], "."), ([g[0], s1 + str(rng.randint(1, 99))], "."),
                             ([g + str(rng.randint(10, 999))], "")]
            tokens, sep = rng.choice(patterns)
            tokens = list(tokens)
            if rng.random() < 0.15:
                tokens[-1] += str(rng.randint(1, 99))
            local = sep.join(tokens)
            dom = wchoice(EMAIL_DOMAINS)
            if p.country == "PT":
                dom = rng.choice(["gmail.com", "sapo.pt", "hotmail.com"])
            elif p.country == "FR":
                dom = rng.choice(["gmail.com", "orange.fr", "free.fr"])
            e = f"{local}@{dom}"
            if e not in used_emails and local.replace(".", "") + "@" + dom not in used_emails:
                used_emails.add(e)
                used_emails.add(local.replace(".", "") + "@" + dom)
                EMAIL_TOKENS[e] = (tokens, sep)
                return e
        raise RuntimeError("email space exhausted")

    def new_address(city):
        c = CITY_BY_NAME[city]
        stype, sname = rng.choice(c[4])
        num = rng.randint(1, 180) if rng.random() < 0.8 else rng.randint(1, 40)
        house = c[2] == "ES" and city not in ("Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao") and rng.random() < 0.15
        floor = None if house or c[2] != "ES" else rng.choice(["bajo", "1", "1", "2", "2", "3", "3", "4", "5", "6", "7", "8"])
        door = rng.choice(["A", "B", "C", "D", "izq", "dcha", "1", "2"]) if floor else None
        return {"type": stype, "name": sname, "num": num, "floor": floor, "door": door, "city": city,
                "postcode": rng.choice(c[3])}

    def base_person(city, gender=None, catalan=None):
        p = Person()
        p.city = city
        c = CITY_BY_NAME[city]
        p.region, p.country = c[1], c[2]
        if catalan is None:
            catalan = c[1] in ("Barcelona", "Illes Balears") and rng.random() < 0.55
        p.gender = gender or rng.choice("FM")
        if p.country == "PT":
            p.given = rng.choice(["Ana", "Joana", "Inês", "João", "Pedro", "Rui", "Marta", "Tiago"])
            p.sur1 = rng.choice(["Silva", "Santos", "Ferreira", "Pereira", "Costa", "Oliveira"])
            p.sur2 = rng.choice(["", "Almeida", "Carvalho", "Sousa"])
        elif p.country == "FR":
            p.given = rng.choice(["Camille", "Julie", "Claire", "Nicolas", "Julien", "Élodie", "Thomas", "Léa"])
            p.sur1 = rng.choice(["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Garcia", "Lefèvre"])
            p.sur2 = ""
        else:
            if p.gender == "F":
                p.given = wchoice(FEMALE_CAT if catalan and rng.random() < 0.7 else FEMALE)
            else:
                p.given = wchoice(MALE_CAT if catalan and rng.random() < 0.7 else MALE)
            sn = SURNAMES_CAT if catalan else SURNAMES
            p.sur1 = wchoice(sn if rng.random() < 0.7 else SURNAMES)
            p.sur2 = wchoice(sn if rng.random() < 0.6 else SURNAMES)
            while p.sur2 == p.sur1 and rng.random() < 0.95:
                p.sur2 = wchoice(SURNAMES)
        p.born = rng.randint(1952, 2004)
        p.mobile = new_mobile(p.country)
        p.landline = None
        p.address = new_address(city)
        p.household = None
        p.common_name = None
        p.shared_landline = False
        return p

    # city weights
    city_w = [(c[0], c[5]) for c in CITIES]
    # common-name clusters: distinct people with the same name in the same city
    clusters = [("María", "García", "Madrid", "F", 6), ("Antonio", "Fernández", "Madrid", "M", 3),
                ("Carmen", "López", "Sevilla", "F", 3), ("Jordi", "Puig", "Barcelona", "M", 3),
                ("David", "Martínez", "Valencia", "M", 2)]
    for given, sur1, city, g, k in clusters:
        sur2s = rng.sample(["Sánchez", "Romero", "Díaz", "Moreno", "Ruiz", "Navarro", "Torres", "Gil", "Rubio"], k)
        for i in range(k):
            p = base_person(city, g)
            p.given, p.sur1, p.sur2 = given, sur1, sur2s[i]
            p.common_name = f"{given} {sur1}"
            people.append(p)
    # households: 2-3 people at the same address, sharing the first family name
    n_households = 55
    for h in range(n_households):
        city = wchoice(city_w[:-2])  # Spanish households
        head = base_person(city)
        size = 3 if h % 6 == 0 else 2
        members = [head]
        for _ in range(size - 1):
            m = base_person(city, catalan=False)
            m.sur1 = head.sur1
            if rng.random() < 0.5:  # siblings share both family names
                m.sur2 = head.sur2
            while m.given == head.given or any(m.given == x.given for x in members):
                m.given = wchoice(FEMALE if m.gender == "F" else MALE)
            m.address = head.address
            m.born = rng.randint(1970, 2004) if rng.random() < 0.6 else head.born + rng.randint(-4, 4)
            members.append(m)
        shared_landline = h % 7 == 3
        if shared_landline:
            ll = new_landline(CITY_BY_NAME[city][6])
        for m in members:
            m.household = f"H{h + 1:03d}"
            m.shared_landline = shared_landline
            if shared_landline:
                m.landline = ll
        people.extend(members)
    while len(people) < n_people:
        people.append(base_person(wchoice(city_w)))
    rng.shuffle(people)
    for i, p in enumerate(people):
        p.pid = f"P{i + 1:04d}"
        p.email = new_email(p)
        p.alt_email = new_email(p, alt=True) if rng.random() < 0.3 else None
        if p.landline is None and p.country == "ES" and rng.random() < 0.06:
            p.landline = new_landline(CITY_BY_NAME[p.city][6])
    return people


# -- renderings of one person on one channel --------------------------------

def typo(s):
    letters = [i for i, ch in enumerate(s) if ch.isalpha()]
    i = rng.choice(letters[1:-1] or letters)
    kind = rng.choice(["swap", "drop", "double", "swap"])
    if kind == "swap" and i + 1 < len(s) and s[i + 1].isalpha():
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if kind == "double":
        return s[:i] + s[i] + s[i:]
    return s[:i] + s[i + 1:]


def name_parts(p, style):
    """Return (name, given_name, family_name) as the channel would hold them."""
    given = p.given
    family = f"{p.sur1} {p.sur2}".strip()
    if style == "nickname" and p.given in NICKNAMES:
        given = NICKNAMES[p.given]
        family = p.sur1
        return f"{given} {family}", given, family
    if style == "short":
        family = p.sur1
    if style == "noaccent":
        given, family = strip_accents(given), strip_accents(family)
    if style == "lower":
        given, family = strip_accents(given).lower() if rng.random() < 0.5 else given.lower(), family.lower()
    if style == "upper":
        given, family = given.upper(), family.upper()
    if style == "typo":
        if rng.random() < 0.5:
            family = typo(family)
        else:
            given = typo(given)
    if style == "initials":
        initials = " ".join(w[0] + "." for w in given.split() if w not in ("del", "de", "la"))
        return f"{initials} {p.sur1}", initials, p.sur1
    if style == "inverted":
        return f"{family}, {given}", given, family
    return f"{given} {family}", given, family


EMAIL_TOKENS = {}  # e-mail -> (tokens, separator) it was built from


def email_variant(email, tag=None):
    """The same mailbox as a person types it on another channel."""
    local, dom = email.split("@")
    tokens, sep = EMAIL_TOKENS[email]
    if dom == "gmail.com":
        r = rng.random()
        if r < 0.25 and sep == ".":
            sep = ""  # Gmail ignores dots
        elif r < 0.40 and sep == "" and len(tokens) > 1:
            sep = "."
        if rng.random() < 0.25:
            tokens = [t.capitalize() for t in tokens]
        local = sep.join(tokens)
        if tag and rng.random() < 0.5:
            local = f"{local}+{tag}"
        if rng.random() < 0.04:
            dom = "googlemail.com"
    else:
        if rng.random() < 0.2:
            local = sep.join(t.capitalize() for t in tokens)
        if rng.random() < 0.05:
            dom = dom.capitalize()
    return f"{local}@{dom}"


def phone_format(num, country="ES", styles=None):
    if country == "PT":
        return rng.choice([f"+351 {num[:3]} {num[3:6]} {num[6:]}", f"+351{num}", f"00351{num}"])
    if country == "FR":
        return rng.choice([f"+33 {num[0]} {num[1:3]} {num[3:5]} {num[5:7]} {num[7:]}", f"+33{num}", f"0033{num}"])
    styles = styles or ["spaced_cc", "plain", "00cc", "spaced", "cc", "spaced3", "paren"]
    s = rng.choice(styles)
    if num[0] == "9":  # landline groupings
        if len(num) and num[:3] in ("976", "965", "958", "971", "983", "981", "968", "948", "943", "942", "985", "957", "956", "941"):
            grp = f"{num[:3]} {num[3:5]} {num[5:7]} {num[7:]}"
        else:
            grp = f"{num[:2]} {num[2:5]} {num[5:7]} {num[7:]}"
    else:
        grp = f"{num[:3]} {num[3:5]} {num[5:7]} {num[7:]}"
    return {
        "spaced_cc": f"+34 {grp}",
        "plain": num,
        "00cc": f"0034{num}",
        "spaced": grp,
        "cc": f"+34{num}",
        "spaced3": f"{num[:3]} {num[3:6]} {num[6:]}",
        "paren": f"(+34) {num}",
        "dashed": f"{num[:3]}-{num[3:5]}-{num[5:7]}-{num[7:]}",
    }[s]


def address_line(a, style):
    abbrev = {"Calle": "C/", "Avenida": "Avda.", "Paseo": "Pº", "Plaza": "Pza.", "Carrer": "C/", "Avinguda": "Av.",
              "Passeig": "Pg.", "Rambla": "Rbla.", "Gran Vía": "Gran Vía", "Gran Via": "Gran Via", "Rúa": "Rúa",
              "Alameda": "Alda.", "Rua": "R.", "Avenida da": "Av.", "Rue": "Rue", "Allée": "Allée"}
    t, name, num = a["type"], a["name"], a["num"]
    floor, door = a["floor"], a["door"]
    if t == "Rue" or t == "Allée":
        return f"{num} {t} {name}"
    if t == "Rua":
        return f"{t} {name}, {num}"
    if t == "Gran Vía" and not name:
        street_full, street_abbr = "Gran Vía", "Gran Vía"
    else:
        street_full = f"{t} {name}".strip()
        short = name
        if style in ("abbr", "abbr_nº") and name.startswith("de ") and t in ("Calle", "Carrer") and rng.random() < 0.6:
            short = name[3:]
        street_abbr = f"{abbrev.get(t, t)} {short}".strip()
    def fl(fmt):
        if not floor:
            return ""
        if floor == "bajo":
            return {"sym": ", bajo", "plain": " bajo", "comma": ", Bajo"}[fmt] + (f" {door}" if door and door not in ("1", "2") else "")
        d = door or ""
        if fmt == "sym":
            if d in ("izq", "dcha"):
                return f", {floor}º {d}."
            if d in ("1", "2"):
                return f", {floor}º {d}ª"
            return f", {floor}º{d}"
        if fmt == "plain":
            return f" {floor} {d}" if d in ("izq", "dcha", "1", "2") else f" {floor}{d}"
        return f", {floor}º {d}".rstrip()
    if style == "abbr":  # C/ Mayor 12, 3ºB
        return f"{street_abbr} {num}{fl('sym')}"
    if style == "comma":  # Calle Mayor, 12, 3º B
        return f"{street_full}, {num}{fl('comma')}"
    if style == "plain":  # Calle Mayor 12 3B
        return f"{street_full} {num}{fl('plain')}"
    if style == "abbr_nº":  # c/ mayor nº 12, 3º b
        return f"{street_abbr} nº {num}{fl('sym')}".lower()
    return f"{street_full} {num}{fl('sym')}"


# --------------------------------------------------------------------------
# demand: when orders happen
# --------------------------------------------------------------------------

MONTH_SEASON = [0, 1.05, .7, .8, .95, 1.15, 1.45, 1.6, 1.35, .85, .9, 1.35, 2.1]
HOLIDAYS = {(1, 1), (1, 6), (12, 25), (5, 1)}
ALL_DAYS = list(days_between(START, END))


def day_weight(d: dt.date, ch: str) -> float:
    i = (d - START).days
    w = (1.0 + 0.8 * i / (len(ALL_DAYS) - 1)) * MONTH_SEASON[d.month]
    wd = d.weekday()
    store = ch in STORES
    if store:
        if (d.month, d.day) in HOLIDAYS:
            return 0.0
        w *= [1.0, 0.9, 0.95, 1.0, 1.15, 1.6, 0.3 if ch == "store-madrid" else 0.05][wd]
        if d.month == 1 and 2 <= d.day <= 5:
            w *= 1.9  # Reyes
        if d.month == 12 and 15 <= d.day <= 31:
            w *= 1.4
        if d.month == 1 and 7 <= d.day <= 20:
            w *= 1.3  # rebajas
    else:
        w *= [1.1, 1.0, 1.0, 1.0, 0.95, 0.85, 1.15][wd]
        if (d.month == 11 and d.day >= 24) or (d.month == 12 and d.day == 1):
            w *= 1.9  # Black Friday week
        if d.month == 12 and 2 <= d.day <= 20:
            w *= 1.25
        if d.month == 12 and d.day >= 23:
            w *= 0.5
        if d.month == 7 and d.day <= 10:
            w *= 1.2  # summer sales
    return w


DAY_CUM = {ch: list(accumulate(day_weight(d, ch) for d in ALL_DAYS)) for ch in CHANNELS}
ONLINE_HOURS = [(0, 2), (7, 1), (8, 2), (9, 3), (10, 4), (11, 4), (12, 4), (13, 4), (14, 3), (15, 3), (16, 4),
                (17, 4), (18, 5), (19, 5), (20, 5), (21, 6), (22, 6), (23, 4)]
STORE_HOURS = [(10, 3), (11, 5), (12, 6), (13, 5), (14, 3), (15, 2), (16, 3), (17, 5), (18, 7), (19, 8), (20, 6)]


def sample_day(ch):
    cum = DAY_CUM[ch]
    return ALL_DAYS[bisect_right(cum, rng.random() * cum[-1])]


def sample_time(ch, d):
    if ch in STORES:
        h = rng.randint(11, 14) if d.weekday() == 6 else wchoice(STORE_HOURS)
        return dt.datetime.combine(d, dt.time(h, rng.randint(0, 59), rng.randint(0, 59)))
    h = wchoice(ONLINE_HOURS)
    return dt.datetime.combine(d, dt.time(h, rng.randint(0, 59), rng.randint(0, 59)))


def month_index(d: dt.date) -> int:
    return (d.year - START.year) * 12 + d.month - START.month


# --------------------------------------------------------------------------
# main build
# --------------------------------------------------------------------------

def main():
    products = build_catalogue()
    by_sku = {p["sku"]: p for p in products}
    stock, carried = build_stock(products)
    listings, planted = build_listings(products, stock)

    # ---- what each channel can sell -------------------------------------
    sellable = {}
    for ch in ONLINE:
        listed = []
        for l in listings[ch]:
            s = l["sku"].upper()
            if s in by_sku and by_sku[s]["status"] == "active" and s not in listed:
                listed.append(s)
        sellable[ch] = listed
    for ch, loc in (("store-madrid", "madrid"), ("store-barcelona", "barcelona")):
        s = [p["sku"] for p in products if p["status"] == "active" and p["sku"] in stock[loc]]
        for p in products:
            if "components" in p and all(c in stock[loc] for c, _ in p["components"]):
                s.append(p["sku"])
        sellable[ch] = s
    discontinued = [p["sku"] for p in products if p["status"] == "discontinued"]
    for ch in CHANNELS:
        sellable[ch] = sellable[ch] + [s for s in discontinued if s not in sellable[ch]]
    weight_cache = {}

    def sku_cum(ch, d):
        m = month_index(d)
        key = (ch, m)
        if key not in weight_cache:
            month = d.month
            cutoff = m >= month_index(DISCONTINUED_CUTOFF)
            ws = []
            for s in sellable[ch]:
                p = by_sku[s]
                if p["status"] == "discontinued" and cutoff:
                    ws.append(0.0)
                    continue
                season = WINTER[month] if p["model"] == 18 else CAT_SEASON[p["category"]][month]
                w = p["pop"] * season
                if ch in STORES and p["category"] == CAT_OIL:
                    w *= 1.3
                if ch == "ebay" and p["category"] in ("Cerámica", CAT_OIL):
                    w *= 0.5
                ws.append(w)
            weight_cache[key] = list(accumulate(ws))
        return weight_cache[key]

    def pick_sku(ch, d):
        cum = sku_cum(ch, d)
        return sellable[ch][bisect_right(cum, rng.random() * cum[-1])]

    # ---- people and their channel records --------------------------------
    N_BUYERS = 1140
    N_REGISTERED_ONLY = 60
    people = make_people(N_BUYERS + N_REGISTERED_ONLY)
    buyers = people[:N_BUYERS]
    registered_only = people[N_BUYERS:]

    def channel_weights(p, exclude):
        if p.city in MADRID_PROV:
            w = [("store-madrid", 26), ("web", 32), ("amazon-es", 25), ("ebay", 8), ("store-barcelona", 1.5)]
        elif p.city in BCN_PROV:
            w = [("store-barcelona", 26), ("web", 32), ("amazon-es", 25), ("ebay", 8), ("store-madrid", 1.5)]
        else:
            w = [("web", 45), ("amazon-es", 38), ("ebay", 15), ("store-madrid", 1.2), ("store-barcelona", 1.0)]
        return [x for x in w if x[0] not in exclude]

    for p in buyers:
        chans = [wchoice(channel_weights(p, []))]
        if p.household is not None and "web" not in chans:
            chans.append("web")  # household members show their shared address in the web export
        if len(chans) == 1 and rng.random() < 0.25:
            chans.append(wchoice(channel_weights(p, chans)))
        if len(chans) == 2 and rng.random() < 0.22:
            chans.append(wchoice(channel_weights(p, chans)))
        p.channels = chans
    for p in registered_only:
        p.channels = []

    records = []  # dicts: channel, person, orders(list of local datetimes), fields...

    def new_record(p, ch, n_orders):
        dates = sorted(sample_day(ch) for _ in range(n_orders))
        times = sorted(sample_time(ch, d) for d in dates)
        r = {"channel": ch, "person": p, "orders": times}
        records.append(r)
        return r

    p_extra = {"web": 0.31, "amazon-es": 0.22, "ebay": 0.18, "store-madrid": 0.32, "store-barcelona": 0.32}
    for p in buyers:
        for ch in p.channels:
            n = 1
            while rng.random() < p_extra[ch] and n < 12:
                n += 1
            new_record(p, ch, n)
    # a few people hold two web accounts (a second e-mail); their orders are split
    web_dupes = [p for p in buyers if "web" in p.channels and p.household is None and p.common_name is None
                 and p.alt_email is not None]
    web_dupes = rng.sample(web_dupes, 12)
    for p in web_dupes:
        new_record(p, "web", rng.randint(1, 2))["second_account"] = True
    for p in registered_only:
        p.channels = ["web"]
        new_record(p, "web", 0)

    # ---- per-record identity fields ------------------------------------------
    used_amz_ids, used_relays, used_ebay_users, used_ebay_mail = set(), set(), set(), set()
    loyalty = {}
    loyalty_numbers = rng.sample(range(101, 9999), 700)
    ALNUM_UP = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    ALNUM_LO = "abcdefghijklmnopqrstuvwxyz0123456789"

    def uniq(gen, used):
        while True:
            v = gen()
            if v not in used:
                used.add(v)
                return v

    def phone_of(p, r):
        if p.landline and (p.household is not None or rng.random() < 0.5):
            return p.landline
        return p.mobile

    for r in records:
        p, ch = r["person"], r["channel"]
        multi = len(p.channels) > 1
        if ch == "web":
            style = wchoice([("full", 70), ("lower", 8), ("noaccent", 12), ("short", 10)])
            if r.get("second_account"):
                style = wchoice([("full", 40), ("noaccent", 30), ("short", 30)])
            name, gn, fn = name_parts(p, style)
            if r.get("second_account"):
                email = p.alt_email
                r["alt"] = True
            elif multi and p.alt_email and rng.random() < 0.5:
                email = email_variant(p.alt_email, "web")
                r["alt"] = True
            else:
                email = email_variant(p.email, rng.choice(["web", "alpargatas", "compras", "tienda"]))
            phone = phone_format(phone_of(p, r), p.country) if rng.random() < 0.9 or r.get("second_account") else ""
            addr_style = wchoice([("abbr", 35), ("comma", 30), ("plain", 20), ("abbr_nº", 7), ("full", 8)])
            r.update(email=email, phone=phone, name=name, given_name=gn, family_name=fn,
                     address=address_line(p.address, addr_style))
        elif ch == "amazon-es":
            r["customer_id"] = uniq(lambda: "A" + "".join(rng.choice(ALNUM_UP) for _ in range(13)), used_amz_ids)
            r["email"] = uniq(lambda: "".join(rng.choice(ALNUM_LO) for _ in range(14)) + "@marketplace.amazon.es", used_relays)
            style = wchoice([("full", 45), ("noaccent", 20), ("initials", 10), ("short", 13), ("typo", 5), ("lower", 5), ("nickname", 2)])
            r["name"] = name_parts(p, style)[0]
            r["phone"] = phone_format(p.mobile, p.country, ["cc", "plain", "spaced_cc"]) if rng.random() < 0.5 else ""
        elif ch == "ebay":
            def gen_user():
                g = ascii_slug(p.given.split()[0])
                s = ascii_slug(p.sur1)
                return rng.choice([f"{g}{s}{str(p.born)[2:]}", f"{g}_{s[0]}_{p.born}", f"{g}.{s}{rng.randint(1, 99)}",
                                   f"{g[0]}{s}-{rng.randint(1, 999)}", f"{s}{g[:3]}", f"{g}{s}",
                                   rng.choice(["playa_y_sol_", "coleccionista", "ceramica-", "mercadillo.", "sur_",
                                               "lamanchega", "vintage.", "compras_"]) + str(rng.randint(1, 9999))])
            r["customer_id"] = uniq(gen_user, used_ebay_users)
            r["email"] = uniq(lambda: "".join(rng.choice("0123456789abcdef") for _ in range(16)) + "@members.ebay.com", used_ebay_mail)
            masked = rng.random() < 0.3
            if masked:
                r["name"], r["phone"] = "--", "--"
            else:
                style = wchoice([("full", 40), ("noaccent", 25), ("short", 20), ("initials", 10), ("typo", 5)])
                r["name"] = name_parts(p, style)[0]
                r["phone"] = phone_format(phone_of(p, r), p.country) if rng.random() < 0.45 else "--"
        else:  # stores: loyalty card, chain-wide
            if p.pid not in loyalty:
                loyalty[p.pid] = f"LOY-{loyalty_numbers[len(loyalty)]:05d}"
            r["customer_id"] = loyalty[p.pid]
            style = wchoice([("full", 35), ("inverted", 30), ("upper", 22), ("typo", 8), ("noaccent", 5)])
            r["name"] = name_parts(p, style)[0]
            if rng.random() < 0.6:
                r["alt"] = bool(p.alt_email) and rng.random() < 0.4
                r["email"] = email_variant(p.alt_email if r["alt"] else p.email, "tienda")
            else:
                r["email"] = ""
            r["phone"] = phone_format(phone_of(p, r), p.country, ["plain", "spaced", "spaced_cc", "spaced3"]) \
                if rng.random() < 0.5 else ""
            if r["email"] == "" and r["phone"] == "" and rng.random() < 0.5:
                r["phone"] = p.mobile
    # a person using a second e-mail address keeps the same phone there
    for r in records:
        if r.get("alt") and r["phone"] in ("", "--"):
            r["phone"] = phone_format(r["person"].mobile, r["person"].country)

    # ---- web accounts: created_at and ids ------------------------------------
    web_records = [r for r in records if r["channel"] == "web"]
    for r in web_records:
        if r["orders"]:
            first = r["orders"][0]
            if rng.random() < 0.7:
                created = first - dt.timedelta(seconds=rng.randint(30, 900))
            else:
                span = (first - dt.datetime(2023, 3, 1)).days
                created = dt.datetime(2023, 3, 1) + dt.timedelta(days=rng.randint(0, max(0, span - 1)),
                                                                 seconds=rng.randint(8 * 3600, 23 * 3600))
        else:
            created = dt.datetime(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 1030), seconds=rng.randint(8 * 3600, 23 * 3600))
        if created.hour < 7 and created.hour != 0 or (created.hour == 0 and created.minute > 50):
            created = created.replace(hour=rng.randint(8, 22))
        if created >= dt.datetime(2026, 10, 31, 23, 0):
            created = dt.datetime(2026, 10, 31, 12, 0)
        r["created"] = created
    web_records.sort(key=lambda r: (to_utc(r["created"]), r["person"].pid))
    for i, r in enumerate(web_records):
        r["customer_id"] = str(10001 + i)

    # ---- orders -------------------------------------------------------------
    orders = []
    for r in records:
        for t in r["orders"]:
            orders.append({"channel": r["channel"], "local": t, "record": r})
    # store guests: about as many as loyalty orders, per store
    for ch in STORES:
        n_loyal = sum(1 for o in orders if o["channel"] == ch)
        for _ in range(round(n_loyal * 1.0)):
            d = sample_day(ch)
            orders.append({"channel": ch, "local": sample_time(ch, d), "record": None})

    n_lines_w = {"web": [(1, 55), (2, 27), (3, 11), (4, 5), (5, 2)], "amazon-es": [(1, 72), (2, 21), (3, 6), (4, 1)],
                 "ebay": [(1, 80), (2, 16), (3, 4)], "store-madrid": [(1, 50), (2, 28), (3, 14), (4, 6), (5, 2)],
                 "store-barcelona": [(1, 50), (2, 28), (3, 14), (4, 6), (5, 2)]}
    for o in orders:
        ch, d = o["channel"], o["local"].date()
        n = wchoice(n_lines_w[ch])
        skus = []
        tries = 0
        while len(skus) < n and tries < 50:
            tries += 1
            s = pick_sku(ch, d)
            if s not in skus:
                skus.append(s)
        promo = (d.month == 1 and d.day >= 7) or (d.month == 7) or (d.month == 11 and d.day >= 24) or (d.month == 12 and d.day == 1)
        lines = []
        for s in skus:
            p = by_sku[s]
            if p["category"] == CAT_OIL and "5L" not in s and "3L" not in s:
                q = wchoice([(1, 60), (2, 25), (3, 10), (4, 3), (6, 2)])
            else:
                q = wchoice([(1, 88), (2, 10), (3, 2)])
            unit = channel_price(p["price"], ch) if ch in MARKUP else p["price"]
            gross = q * unit
            disc = 0
            pdisc = (0.36 if promo else 0.105) * (0.4 if ch == "amazon-es" else 1.0)
            if ch in STORES:
                pdisc *= 1.1
            if rng.random() < pdisc:
                kind = rng.random()
                if kind < 0.7:
                    disc = gross * rng.choice([10, 15, 20, 25]) // 100
                else:
                    disc = min(gross // 2, rng.choice([300, 500, 1000]))
                disc = max(disc, 1)
            lines.append({"sku": s, "qty": q, "unit": unit, "disc": disc})
        o["lines"] = lines
        o["status"] = "paid"
        if ch in ONLINE and rng.random() < 0.015:
            o["status"] = "cancelled"
        if ch in ONLINE:
            subtotal = sum(l["qty"] * l["unit"] - l["disc"] for l in lines)
            if ch == "web":
                o["shipping"] = 0 if subtotal >= 5000 else 495
            elif ch == "amazon-es":
                o["shipping"] = 0 if rng.random() < 0.8 or subtotal >= 3500 else 495
            else:
                o["shipping"] = 0 if rng.random() < 0.45 else 495
        else:
            o["shipping"] = None
        # returns
        o["returns"] = []
        if o["status"] == "paid":
            ret_date = None
            for idx, l in enumerate(lines):
                cat = by_sku[l["sku"]]["category"]
                pr = {CAT_ESP: 0.075, "Bolsos": 0.035, "Cerámica": 0.03, "Textil hogar": 0.03, CAT_OIL: 0.005,
                      CAT_PACK: 0.01}[cat]
                if ch in STORES:
                    pr *= 0.6
                if l["disc"] == 0 and rng.random() < pr:
                    if ret_date is None:
                        rd = o["local"].date() + dt.timedelta(days=rng.randint(3, 25))
                        if ch in STORES and rd.weekday() == 6:
                            rd += dt.timedelta(days=1)
                        hours = STORE_HOURS if ch in STORES else [(h, 1) for h in range(9, 19)]
                        ret_date = dt.datetime.combine(rd, dt.time(wchoice(hours), rng.randint(0, 59), rng.randint(0, 59)))
                    if ret_date.date() > END:
                        continue
                    rq = l["qty"] if l["qty"] == 1 or rng.random() < 0.6 else rng.randint(1, l["qty"] - 1)
                    o["returns"].append({"sku": l["sku"], "qty": -rq, "unit": l["unit"], "when": ret_date})

    # ---- order ids -----------------------------------------------------------
    used_ids = set()
    for ch in CHANNELS:
        chan_orders = [o for o in orders if o["channel"] == ch]
        chan_orders.sort(key=lambda o: (to_utc(o["local"]), o["record"]["person"].pid if o["record"] else ""))
        day_seq = {}
        for i, o in enumerate(chan_orders):
            if ch == "web":
                oid = str(100001 + i)
            elif ch == "amazon-es":
                oid = uniq(lambda: f"{rng.choice(['402', '403', '404', '405', '406', '407', '408'])}-"
                                   f"{rng.randint(0, 9999999):07d}-{rng.randint(0, 9999999):07d}", used_ids)
            elif ch == "ebay":
                oid = uniq(lambda: f"{rng.randint(10, 27):02d}-{rng.randint(0, 99999):05d}-{rng.randint(0, 99999):05d}", used_ids)
            else:
                d = o["local"].date()
                day_seq[d] = day_seq.get(d, 0) + 1
                code = "MAD" if ch == "store-madrid" else "BCN"
                oid = f"{code}-{d.strftime('%Y%m%d')}-{day_seq[d]:03d}"
            o["id"] = oid
        globals_orders = chan_orders
        orders_by_channel[ch] = globals_orders

    # ---- write files --------------------------------------------------------
    OUT.mkdir(parents=True, exist_ok=True)
    written = {}

    def write_csv(name, header, rows, *, delimiter=",", encoding="utf-8", newline="\n"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        for row in rows:
            w.writerow(row)
        data = buf.getvalue().encode(encoding)
        (OUT / name).write_bytes(data)
        written[name] = {"rows": len(rows), "bytes": len(data), "encoding": encoding, "delimiter": delimiter,
                         "newline": "CRLF" if newline == "\r\n" else "LF",
                         "multiline": sum(1 for row in rows if any("\n" in str(v) for v in row))}

    # products
    write_csv("products.csv",
              ["sku", "title", "barcode", "brand", "category", "price", "currency", "status", "url", "description",
               "image_url", "updated_at"],
              [[p["sku"], p["title"], p["barcode"], p["brand"], p["category"], money(p["price"]), CURRENCY,
                p["status"], p["url"], p["description"], p["image_url"], p["updated_at"]] for p in products])
    # listings
    for ch in ONLINE:
        write_csv(f"listings_{ch}.csv",
                  ["sku", "channel_sku", "title", "barcode", "brand", "price", "currency", "quantity", "status", "url",
                   "description", "image_url", "updated_at"],
                  [[l["sku"], l["channel_sku"], l["title"], l["barcode"], l["brand"], money(l["price"]), CURRENCY,
                    l["quantity"], l["status"], l["url"], l["description"], l["image_url"], l["updated_at"]]
                   for l in listings[ch]])
    # stock
    for loc in LOCATIONS:
        rows = [[p["sku"], stock[loc][p["sku"]][0], stock[loc][p["sku"]][1], AS_OF[loc]]
                for p in products if p["sku"] in stock[loc]]
        write_csv(f"stock_{loc}.csv", ["sku", "on_hand", "reserved", "as_of"], rows)
    # bundles
    write_csv("bundles.csv", ["bundle", "component", "quantity"],
              [[b, c, q] for b, _, comps, _ in BUNDLES for c, q in comps])

    # sales
    sales_header = ["order_id", "line_id", "channel", "ordered_at", "status", "customer_id", "customer_email",
                    "customer_phone", "customer_name", "sku", "quantity", "unit_price", "currency", "discount", "tax",
                    "shipping"]
    sales_stats = {}
    for ch in CHANNELS:
        madrid = ch == "store-madrid"
        dec = "," if madrid else "."
        rows = []
        st = {"orders": 0, "lines": 0, "sale_lines": 0, "return_lines": 0, "cancelled_orders": 0,
              "cancelled_lines": 0, "units_sold": 0, "units_returned": 0, "gross_cents": 0, "returns_cents": 0,
              "discount_cents": 0, "tax_cents": 0, "shipping_cents": 0, "identified_orders": 0, "guest_orders": 0,
              "skus": set(), "first": None, "last": None}
        for o in orders_by_channel[ch]:
            r = o["record"]
            if r is None:
                cust = ["", "", "", ""]
                st["guest_orders"] += 1
            else:
                cust = [r["customer_id"], r["email"], r["phone"], r["name"]]
                st["identified_orders"] += 1
            when = iso_local(o["local"])
            st["orders"] += 1
            if o["status"] == "cancelled":
                st["cancelled_orders"] += 1
            st["first"] = when if st["first"] is None else st["first"]
            st["last"] = when
            line_id = 0
            for i, l in enumerate(o["lines"]):
                line_id += 1
                gross = l["qty"] * l["unit"]
                tax = vat_included(gross - l["disc"])
                ship = "" if (o["shipping"] is None or i > 0) else money(o["shipping"], dec)
                rows.append([o["id"], line_id, ch, when, o["status"]] + cust +
                            [l["sku"], l["qty"], money(l["unit"], dec), CURRENCY,
                             money(l["disc"], dec) if l["disc"] else "", money(tax, dec), ship])
                st["lines"] += 1
                st["sale_lines"] += 1
                st["units_sold"] += l["qty"]
                st["gross_cents"] += gross
                st["discount_cents"] += l["disc"]
                st["tax_cents"] += tax
                if o["status"] == "cancelled":
                    st["cancelled_lines"] += 1
                if i == 0 and o["shipping"] is not None:
                    st["shipping_cents"] += o["shipping"]
                st["skus"].add(l["sku"])
            for rt in o["returns"]:
                line_id += 1
                value = rt["qty"] * rt["unit"]
                tax = vat_included(value)
                rows.append([o["id"], line_id, ch, iso_local(rt["when"]), "returned"] + cust +
                            [rt["sku"], rt["qty"], money(rt["unit"], dec), CURRENCY, "", money(tax, dec), ""])
                st["lines"] += 1
                st["return_lines"] += 1
                st["units_returned"] += -rt["qty"]
                st["returns_cents"] += -value
                st["tax_cents"] += tax
        st["sum_quantity"] = st["units_sold"] - st["units_returned"]
        if madrid:
            write_csv(f"sales_{ch}.csv", sales_header, rows, delimiter=";", encoding="cp1252", newline="\r\n")
        else:
            write_csv(f"sales_{ch}.csv", sales_header, rows)
        sales_stats[ch] = st

    # customers_web
    cw_rows = []
    for r in sorted(web_records, key=lambda r: int(r["customer_id"])):
        p = r["person"]
        cw_rows.append([r["customer_id"], r["email"], r["phone"], r["name"], r["given_name"], r["family_name"],
                        r["address"], p.city, p.address["postcode"], p.region, p.country, iso_local(r["created"])])
    write_csv("customers_web.csv",
              ["customer_id", "email", "phone", "name", "given_name", "family_name", "address", "city", "postcode",
               "region", "country", "created_at"], cw_rows)

    # truth
    truth = []
    for r in records:
        if r["channel"] != "web" and not r["orders"]:
            continue
        truth.append((r["channel"], r["customer_id"], r["person"].pid))
    truth.sort(key=lambda t: (CHANNELS.index(t[0]), t[1]))
    write_csv("truth_customers.csv", ["channel", "customer_id", "person_id"], [list(t) for t in truth])

    write_expected(products, listings, stock, planted, sales_stats, written, truth, people, records, web_records)


orders_by_channel = {}


def write_expected(products, listings, stock, planted, sales_stats, written, truth, people, records, web_records):
    L = []
    a = L.append
    a("# Demo data: expected figures")
    a("")
    a("Generated by `tools/gen_demo.py` (seed 20261123) from its own in-memory data, not by")
    a("reading the files back. Re-running the generator reproduces every file byte for byte.")
    a("")
    a("Merchant: Alpargatas Lucía (fictional). Currency EUR everywhere. Sales from 2025-05-01 to")
    a("2026-10-31 (Europe/Madrid). Stock as of 2026-10-31 20:00 UTC. Audit day: 2026-11-01.")
    a("")
    a("## Files")
    a("")
    a("| file | data rows (records, header excluded) | bytes | encoding | delimiter | line ends |")
    a("|---|---:|---:|---|---|---|")
    for name in sorted(written):
        w = written[name]
        a(f"| `{name}` | {w['rows']} | {w['bytes']} | {w['encoding']} | `{w['delimiter']}` | {w['newline']} |")
    a("")
    ml = [f"`{n}` ({written[n]['multiline']})" for n in sorted(written) if written[n]["multiline"]]
    a("Records with a quoted description spanning two lines (physical line count is higher than")
    a("records + 1): " + ", ".join(ml) + ".")
    a("")
    # catalogue
    n_active = sum(1 for p in products if p["status"] == "active")
    n_disc = len(products) - n_active
    n_blank = sum(1 for p in products if not p["barcode"])
    cats = []
    for p in products:
        if p["category"] not in cats:
            cats.append(p["category"])
    a("## Catalogue")
    a("")
    a(f"- products (distinct SKUs): {len(products)} — active {n_active}, discontinued {n_disc} "
      f"({', '.join(p['sku'] for p in products if p['status'] == 'discontinued')})")
    a(f"- bundles: {len(BUNDLES)} ({', '.join(b[0] for b in BUNDLES)}), each also a product; "
      f"bundle rows: {sum(len(b[2]) for b in BUNDLES)}; bundles have no stock rows")
    a(f"- blank barcodes: {n_blank}; all other barcodes are valid EAN-13 (prefix 8436012)")
    a("- per category: " + ", ".join(f"{c} {sum(1 for p in products if p['category'] == c)}" for c in cats))
    a(f"- sum of master prices: {sum(p['price'] for p in products)} cents")
    all_sales_skus = set()
    for st in sales_stats.values():
        all_sales_skus |= st["skus"]
    a(f"- distinct SKUs sold (any sales file): {len(all_sales_skus)}")
    a("")
    # listings
    prod_upper = {p["sku"].upper() for p in products}
    a("## Listings")
    a("")
    a("Expected channel price = master price × markup, rounded to the nearest 0.50 then minus 0.01")
    a("(web: no markup, exactly the master price).")
    a("Natural listed quantity = available to sell over all locations (Σ on_hand − reserved; for")
    a("a bundle, min over components of available ÷ component quantity), sometimes 1–3 lower.")
    a("")
    a("| channel | markup | rows | distinct SKUs | orphan rows | sum listed quantity |")
    a("|---|---:|---:|---:|---:|---:|")
    for ch in ONLINE:
        ls = listings[ch]
        distinct = []
        for l in ls:
            if l["sku"].upper() not in distinct:
                distinct.append(l["sku"].upper())
        orphans = sum(1 for l in ls if l["sku"].upper() not in prod_upper)
        a(f"| {ch} | {MARKUP[ch] - 100:+d}% | {len(ls)} | {len(distinct)} | {orphans} | {sum(l['quantity'] for l in ls)} |")
    a("")
    # stock
    a("## Stock")
    a("")
    a("| location | file | rows | sum on_hand | sum reserved | rows with on_hand 0 | as_of |")
    a("|---|---|---:|---:|---:|---:|---|")
    for loc in LOCATIONS:
        rows = stock[loc]
        a(f"| {loc} | `stock_{loc}.csv` | {len(rows)} | {sum(v[0] for v in rows.values())} | "
          f"{sum(v[1] for v in rows.values())} | {sum(1 for v in rows.values() if v[0] == 0)} | `{AS_OF[loc]}` |")
    skus_any = set()
    for loc in LOCATIONS:
        skus_any |= {s for s, v in stock[loc].items()}
    a("")
    a(f"Distinct SKUs with a stock row anywhere: {len(skus_any)}; with on_hand > 0 somewhere: "
      f"{len({s for loc in LOCATIONS for s, v in stock[loc].items() if v[0] > 0})}.")
    a("")
    # sales
    a("## Sales")
    a("")
    a("Orders = distinct order_id. Sale lines have quantity > 0 (cancelled orders' lines included);")
    a("return lines have quantity < 0 and status `returned`. Gross = Σ quantity × unit_price over sale")
    a("lines (VAT included, before discounts); returns = Σ |quantity| × unit_price over return lines.")
    a("All money in cents.")
    a("")
    cols = ["orders", "lines", "sale_lines", "return_lines", "cancelled_orders", "cancelled_lines", "identified_orders",
            "guest_orders", "units_sold", "units_returned", "sum_quantity", "gross_cents", "discount_cents",
            "returns_cents", "tax_cents", "shipping_cents"]
    a("| figure | " + " | ".join(CHANNELS) + " | total |")
    a("|---|" + "---:|" * (len(CHANNELS) + 1))
    for c in cols:
        vals = [sales_stats[ch][c] for ch in CHANNELS]
        a(f"| {c} | " + " | ".join(str(v) for v in vals) + f" | {sum(vals)} |")
    vals = [len(sales_stats[ch]["skus"]) for ch in CHANNELS]
    a("| distinct_skus | " + " | ".join(str(v) for v in vals) + f" | {len(all_sales_skus)} |")
    a("")
    a("| file | first ordered_at (order) | last ordered_at (order) |")
    a("|---|---|---|")
    for ch in CHANNELS:
        a(f"| `sales_{ch}.csv` | `{sales_stats[ch]['first']}` | `{sales_stats[ch]['last']}` |")
    a("")
    # monthly orders
    a("Orders per month (all channels, by order date in Europe/Madrid):")
    a("")
    months = {}
    for ch in CHANNELS:
        for o in orders_by_channel[ch]:
            k = o["local"].strftime("%Y-%m")
            months[k] = months.get(k, 0) + 1
    a("| month | orders |")
    a("|---|---:|")
    for k in sorted(months):
        a(f"| {k} | {months[k]} |")
    a("")
    # customers
    persons_seen = []
    seen = set()
    for t in truth:
        if t[2] not in seen:
            seen.add(t[2])
            persons_seen.append(t[2])
    chans_per_person = {}
    for t in truth:
        lst = chans_per_person.setdefault(t[2], [])
        if t[0] not in lst:
            lst.append(t[0])
    dist = {}
    for pid, lst in chans_per_person.items():
        dist[len(lst)] = dist.get(len(lst), 0) + 1
    a("## Customers")
    a("")
    a(f"- persons (distinct person_id in `truth_customers.csv`): {len(persons_seen)}")
    a(f"- customer records (rows of `truth_customers.csv`): {len(truth)}")
    for ch in CHANNELS:
        a(f"  - {ch}: {sum(1 for t in truth if t[0] == ch)}")
    for k in sorted(dist):
        a(f"- persons on {k} channel{'s' if k > 1 else ''}: {dist[k]}")
    multi = sum(v for k, v in dist.items() if k >= 2)
    a(f"- persons on 2+ channels: {multi} ({100 * multi / len(persons_seen):.1f}%)")
    two_web = [pid for pid in persons_seen if sum(1 for t in truth if t[2] == pid and t[0] == 'web') > 1]
    a(f"- persons with two web accounts: {len(two_web)}")
    a(f"- web accounts without any order: {sum(1 for r in web_records if not r['orders'])}")
    both_stores = [pid for pid, lst in chans_per_person.items() if 'store-madrid' in lst and 'store-barcelona' in lst]
    a(f"- persons using the same loyalty card in both stores: {len(both_stores)}")
    hh = {}
    for p in people:
        if p.household and p.pid in seen:
            hh.setdefault(p.household, []).append(p.pid)
    a(f"- households (same address and first family name, different people): {len(hh)} "
      f"with {sum(len(v) for v in hh.values())} persons; "
      f"{len([h for h in hh if any(pp.shared_landline for pp in people if pp.household == h)])} of them share one landline phone")
    cn = {}
    for p in people:
        if p.common_name and p.pid in seen:
            cn[p.common_name] = cn.get(p.common_name, 0) + 1
    a("- same-name distinct persons: " + ", ".join(f"{k} ×{v}" for k, v in cn.items()))
    a("")
    # planted anomalies
    a("## Planted listing anomalies")
    a("")
    a("Everything else in the listings is clean by construction (prices within 1% of the expected")
    a("channel price, updated within the last 10 days, content present, no duplicates).")
    a("")
    a("| check | channel | sku | channel_sku | detail |")
    a("|---|---|---|---|---|")
    for c, ch, sku, csku, detail in planted:
        a(f"| {c} | {ch} | `{sku}` | `{csku}` | {detail} |")
    a("")
    a("## Conventions the importer relies on")
    a("")
    a("- Timestamps: ISO 8601. `ordered_at` and `created_at` carry Spain's real offset at that date")
    a("  (`+01:00` CET / `+02:00` CEST); `updated_at` and most `as_of` are UTC `Z`; `stock_madrid.csv`")
    a("  has `as_of` = `2026-10-31T21:00:00+01:00` (the same instant as the others).")
    a("- `unit_price` is VAT-inclusive; `tax` is the 21% VAT contained in the line's")
    a("  (quantity × unit_price − discount), rounded half up; negative on return lines.")
    a("- `discount` is the line's total discount, empty when none. `shipping` is the order's shipping,")
    a("  only on line 1 of web / amazon-es / ebay orders (`0.00` or `4.95`), empty otherwise.")
    a("- Returns: same order_id, next line_id, negative quantity, status `returned`, `ordered_at` = the")
    a("  return date, written right after the order's sale lines. Returned lines never had a discount.")
    a("- Cancelled orders: every line has status `cancelled`, positive quantities, no return rows.")
    a("- eBay masks buyer data with `--` (customer_name and/or customer_phone).")
    a("- Store guests: customer_id, customer_email, customer_phone, customer_name all empty.")
    a("- Loyalty cards (`LOY-nnnnn`) are chain-wide: the same card can appear in both store files.")
    a("- `sales_store-madrid.csv`: `;` delimiter, decimal comma, Windows-1252, CRLF.")
    a("")
    (OUT / "EXPECTED.md").write_bytes(("\n".join(L)).encode("utf-8"))


if __name__ == "__main__":
    main()
