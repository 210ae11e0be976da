"""States and provinces written in full after a city, in countries `regions` does not cover.

"León, Guanajuato", "Campinas, São Paulo", "Rosario, Santa Fe": Mexico, Brazil and Argentina
name a city with its state, and many states share their name with a city or a town
("Jalisco" is also Xalisco's other name). A state is known here by its capital, whose
first-level division in the gazetteer (GeoNames' admin1 code) is the state's own; the city
before it must lie in that division, else the words are read as before.
"""

from collections.abc import Callable, Sequence
from functools import cache

from .vocabulary import fold

# Each state or province, its other spellings, and its capital as the gazetteer names it.
_STATES: dict[str, tuple[tuple[str, ...], str]] = {
    # Mexico
    "MX:Aguascalientes": ((), "Aguascalientes"),
    "MX:Baja California": ((), "Mexicali"),
    "MX:Baja California Sur": ((), "La Paz"),
    "MX:Campeche": ((), "Campeche"),
    "MX:Chiapas": ((), "Tuxtla Gutiérrez"),
    "MX:Chihuahua": ((), "Chihuahua"),
    "MX:Coahuila": (("Coahuila de Zaragoza",), "Saltillo"),
    "MX:Colima": ((), "Colima"),
    "MX:Durango": ((), "Durango"),
    "MX:Guanajuato": ((), "Guanajuato"),
    "MX:Guerrero": ((), "Chilpancingo"),
    "MX:Hidalgo": ((), "Pachuca"),
    "MX:Jalisco": ((), "Guadalajara"),
    "MX:Estado de México": (("Edomex", "Edo. Méx."), "Toluca"),
    "MX:Michoacán": (("Michoacán de Ocampo",), "Morelia"),
    "MX:Morelos": ((), "Cuernavaca"),
    "MX:Nayarit": ((), "Tepic"),
    "MX:Nuevo León": ((), "Monterrey"),
    "MX:Oaxaca": ((), "Oaxaca"),
    "MX:Puebla": ((), "Puebla"),
    "MX:Querétaro": ((), "Querétaro"),
    "MX:Quintana Roo": ((), "Chetumal"),
    "MX:San Luis Potosí": ((), "San Luis Potosí"),
    "MX:Sinaloa": ((), "Culiacán"),
    "MX:Sonora": ((), "Hermosillo"),
    "MX:Tabasco": ((), "Villahermosa"),
    "MX:Tamaulipas": ((), "Ciudad Victoria"),
    "MX:Tlaxcala": ((), "Tlaxcala"),
    "MX:Veracruz": (("Veracruz de Ignacio de la Llave",), "Xalapa"),
    "MX:Yucatán": ((), "Mérida"),
    "MX:Zacatecas": ((), "Zacatecas"),
    # Brazil
    "BR:Acre": ((), "Rio Branco"),
    "BR:Alagoas": ((), "Maceió"),
    "BR:Amapá": ((), "Macapá"),
    "BR:Amazonas": ((), "Manaus"),
    "BR:Bahia": ((), "Salvador"),
    "BR:Ceará": ((), "Fortaleza"),
    "BR:Distrito Federal": ((), "Brasília"),
    "BR:Espírito Santo": ((), "Vitória"),
    "BR:Goiás": ((), "Goiânia"),
    "BR:Maranhão": ((), "São Luís"),
    "BR:Mato Grosso": ((), "Cuiabá"),
    "BR:Mato Grosso do Sul": ((), "Campo Grande"),
    "BR:Minas Gerais": ((), "Belo Horizonte"),
    "BR:Pará": ((), "Belém"),
    "BR:Paraíba": ((), "João Pessoa"),
    "BR:Paraná": ((), "Curitiba"),
    "BR:Pernambuco": ((), "Recife"),
    "BR:Piauí": ((), "Teresina"),
    "BR:Rio de Janeiro": ((), "Rio de Janeiro"),
    "BR:Rio Grande do Norte": ((), "Natal"),
    "BR:Rio Grande do Sul": ((), "Porto Alegre"),
    "BR:Rondônia": ((), "Porto Velho"),
    "BR:Roraima": ((), "Boa Vista"),
    "BR:Santa Catarina": ((), "Florianópolis"),
    "BR:São Paulo": ((), "São Paulo"),
    "BR:Sergipe": ((), "Aracaju"),
    "BR:Tocantins": ((), "Palmas"),
    # Argentina
    "AR:Buenos Aires": (("Provincia de Buenos Aires",), "La Plata"),
    "AR:Catamarca": ((), "San Fernando del Valle de Catamarca"),
    "AR:Chaco": ((), "Resistencia"),
    "AR:Chubut": ((), "Rawson"),
    "AR:Córdoba": ((), "Córdoba"),
    "AR:Corrientes": ((), "Corrientes"),
    "AR:Entre Ríos": ((), "Paraná"),
    "AR:Formosa": ((), "Formosa"),
    "AR:Jujuy": ((), "San Salvador de Jujuy"),
    "AR:La Pampa": ((), "Santa Rosa"),
    "AR:La Rioja": ((), "La Rioja"),
    "AR:Mendoza": ((), "Mendoza"),
    "AR:Misiones": ((), "Posadas"),
    "AR:Neuquén": ((), "Neuquén"),
    "AR:Río Negro": ((), "Viedma"),
    "AR:Salta": ((), "Salta"),
    "AR:San Juan": ((), "San Juan"),
    "AR:San Luis": ((), "San Luis"),
    "AR:Santa Cruz": ((), "Río Gallegos"),
    "AR:Santa Fe": ((), "Santa Fe"),
    "AR:Santiago del Estero": ((), "Santiago del Estero"),
    "AR:Tierra del Fuego": ((), "Ushuaia"),
    "AR:Tucumán": ((), "San Miguel de Tucumán"),
}
# Words that may open a state's name: "Estado de Jalisco", "Provincia de Mendoza".
_OPENERS = ("estado de ", "estado do ", "estado da ", "provincia de ", "província de ")

Resolve = Callable[..., object]


@cache
def _states_by_name() -> dict[str, tuple[tuple[str, str], ...]]:
    """Folded names to the (country, capital) pairs they may mean."""
    found: dict[str, list[tuple[str, str]]] = {}
    for key, (others, capital) in _STATES.items():
        country, name = key.split(":", 1)
        for written in (name, *others):
            found.setdefault(fold(written), []).append((country, capital))
    return {name: tuple(pairs) for name, pairs in found.items()}


def _states_named(text: str) -> tuple[tuple[str, str], ...]:
    folded = fold(text).strip(" .")
    for opener in _OPENERS:
        folded = folded.removeprefix(opener)
    return _states_by_name().get(folded, ())


def city_in_named_state(
    parts: Sequence[str], resolve: Resolve, language: str | None
) -> tuple[object, int] | None:
    """(the city, the index of its part) when the parts end with a city and its state ("León",
    "Guanajuato", maybe "México"), the city lying in that state; None otherwise."""
    words = [p.strip(" *_–—-") for p in parts if p.strip(" *_–—-")]
    if len(words) > 2 and _states_named(words[-2]) and not _states_named(words[-1]):
        words = words[:-1]  # "León, Guanajuato, México": the country after the state
    if len(words) < 2:
        return None
    for country, capital_name in _states_named(words[-1]):
        capital = resolve(capital_name, country=country, language=language)
        city = resolve(words[-2], country=country, language=language)
        region = getattr(capital, "region", "")
        if city is not None and region and getattr(city, "region", None) == region:
            return city, len(words) - 2
    return None
