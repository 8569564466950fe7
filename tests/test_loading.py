"""The one loading layer (orbitcoop.loading): every data file fails the same way on the same damage.

Issue 13 item 3 and issue 17 item 5: each malformed file below once gave a traceback, a silent
``{}`` or a message without the file name. Each is tried on all four loaders where it applies:
sites (``Catalogue.from_toml``), vehicles (``load_vehicles``), orbit presets (``load_presets``)
and claims (``load_claims``), and through the CLI (``orbitcoop claims --file``).
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import orbitcoop
from orbitcoop.claims import load_claims
from orbitcoop.cli import main
from orbitcoop.errors import CatalogueError, ClaimsFileError, OrbitcoopError, OrbitDataError, VehicleDataError
from orbitcoop.loading import Fields, did_you_mean
from orbitcoop.orbits import load_presets
from orbitcoop.sites import Catalogue
from orbitcoop.vehicles import load_vehicles

SITE = (
    '[[site]]\nid = "x"\nname = "X"\ncountry = "C"\noperator = "O"\nstatus = "active"\n'
    'latitude_deg = 5.0\nlongitude_deg = 0.0\nposition_source = "s [A]"\n'
)
VEHICLE = (
    '[[vehicle]]\nid = "v"\nhome_sites = ["kourou"]\n[[vehicle.stage]]\nid = "s"\n'
    '[[vehicle.performance]]\npayload_kg = 1000.0\nsite = "kourou"\norbit = "LEO"\nsource = "s [A]"\n'
)
ORBIT = '[[orbit]]\nid = "o"\nname = "O"\nperigee_altitude_km = 400.0\napogee_altitude_km = 400.0\nsource = "s [A]"\n'
CLAIM = (
    '[article.a]\npublication = "p"\ntitle = "t"\ndate = "d"\n'
    '[[statement]]\nid = "c1"\narticle = "a"\nspeaker = "s"\nquote = "q"\nreading = "r"\nkind = "physical"\n'
    '[[statement.question]]\nmetric = "payload_covers"\nasks = "?"\nwhy = "w"\nvehicle = "vega-c"\n'
    'site = "kourou"\norbits = ["sso:700"]\nreference_kg = 1000.0\nreference_label = "l"\n'
    'reference_source = "s [A]"\n'
)

#: (loader, its error class, the table name, a valid file) for each data file.
LOADERS = {
    "sites": (Catalogue.from_toml, CatalogueError, "site", SITE),
    "vehicles": (load_vehicles, VehicleDataError, "vehicle", VEHICLE),
    "orbits": (load_presets, OrbitDataError, "orbit", ORBIT),
    "claims": (load_claims, ClaimsFileError, "statement", CLAIM),
}
#: The source field of the valid file's sourced figure, per loader.
SOURCE = {
    "sites": 'position_source = "s [A]"',
    "vehicles": 'source = "s [A]"',
    "orbits": 'source = "s [A]"',
    "claims": 'reference_source = "s [A]"',
}


def _write(tmp_path, text, name="f.toml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _fails(kind, path, *needles):
    load, error, _, _ = LOADERS[kind]
    with pytest.raises(error) as err:
        load(path)
    message = str(err.value)
    assert str(path) in message or path.name in message, message
    assert "\n" not in message.strip(), message
    for needle in needles:
        assert needle in message, message
    return message


@pytest.mark.parametrize("kind", LOADERS)
def test_valid_files_load(tmp_path, kind):
    load, _, _, text = LOADERS[kind]
    assert load(_write(tmp_path, text))


@pytest.mark.parametrize("kind", LOADERS)
@pytest.mark.parametrize(
    ("make", "needles"),
    [
        (lambda t: "a = " + "[" * 50_000 + "]" * 50_000, ["not valid TOML", "nested too deeply"]),
        (lambda t: "", ["expected one or more [[{t}]] tables"]),
        (lambda t: "# only a comment\n", ["expected one or more [[{t}]] tables"]),
        (lambda t: f'{t} = ["id"]\n', ["expected one or more [[{t}]] tables", "['id']"]),
        (lambda t: f'[{t}]\nid = "x"\n', ["expected one or more [[{t}]] tables"]),
        (lambda t: 'claim = ["id"]\n', ["unknown key 'claim'"]),
        (lambda t: "[[x]\n", ["not valid TOML"]),
    ],
    ids=["deep-nesting", "empty", "comment-only", "list-not-table", "table-not-array", "unknown-key", "bad-toml"],
)
def test_malformed_files_name_file_and_problem(tmp_path, kind, make, needles):
    table = LOADERS[kind][2]
    _fails(kind, _write(tmp_path, make(table)), *(n.format(t=table) for n in needles))


@pytest.mark.parametrize("kind", LOADERS)
def test_missing_and_non_utf8_files_name_the_file(tmp_path, kind):
    _fails(kind, tmp_path / "missing.toml", "cannot read")
    p = tmp_path / "latin1.toml"
    p.write_bytes(LOADERS[kind][3].replace('"s [A]"', '"caf\xe9 [A]"').encode("latin-1"))
    _fails(kind, p, "not UTF-8")
    (tmp_path / "folder.toml").mkdir()
    _fails(kind, tmp_path / "folder.toml", "cannot read")


@pytest.mark.parametrize("kind", LOADERS)
@pytest.mark.parametrize("value", ["nan", "3.5", '""', '"  "', '["s"]'])
def test_every_figure_needs_a_text_source(tmp_path, kind, value):
    key, _ = SOURCE[kind].split(" = ")
    text = LOADERS[kind][3].replace(SOURCE[kind], f"{key} = {value}")
    _fails(kind, _write(tmp_path, text), key)


@pytest.mark.parametrize("kind", LOADERS)
def test_a_figure_without_its_source(tmp_path, kind):
    text = LOADERS[kind][3].replace(SOURCE[kind] + "\n", "")
    _fails(kind, _write(tmp_path, text), f"missing field '{SOURCE[kind].split(' = ')[0]}'", "source")


@pytest.mark.parametrize(
    ("kind", "old", "new", "needles"),
    [
        # Vehicles: home_sites, the points and their sites.
        ("vehicles", 'home_sites = ["kourou"]\n', "", ["(vehicle 'v')", "missing field 'home_sites'"]),
        ("vehicles", 'home_sites = ["kourou"]', "home_sites = []", ["home_sites = []", "non-empty list"]),
        ("vehicles", 'home_sites = ["kourou"]', 'home_sites = "kourou"', ["home_sites = 'kourou'"]),
        ("vehicles", 'home_sites = ["kourou"]', 'home_sites = ["kouru"]', ["home_sites", "Did you mean: kourou"]),
        ("vehicles", "payload_kg = 1000.0\n", "", ["performance #0", "missing field 'payload_kg'"]),
        ("vehicles", "payload_kg = 1000.0", "payload_kg = nan", ["payload_kg = nan is not a finite number"]),
        ("vehicles", 'site = "kourou"', 'site = "atlantis"', ["performance #0", "site: unknown launch site"]),
        ("vehicles", 'orbit = "LEO"', 'orbit_spec = ["sso:500"]', ["orbit_spec = ['sso:500'] should be text"]),
        ("vehicles", '[[vehicle.stage]]\nid = "s"\n', "", ["[[vehicle.stage]] tables"]),
        ("vehicles", '[[vehicle.stage]]\nid = "s"\n', 'stage = ["s"]\n', ["[[vehicle.stage]] tables"]),
        (
            "vehicles",
            '[[vehicle.performance]]\npayload_kg = 1000.0\nsite = "kourou"\n',
            "[vehicle.performance]\npayload_kg = 1000.0\n",
            ["[[vehicle.performance]] tables"],
        ),
        # Sites: fields, lists and the parent.
        ("sites", "latitude_deg = 5.0", "latitude_deg = [5.0]", ["latitude_deg = [5.0] is not a finite number"]),
        ("sites", 'status = "active"', 'status = "actve"', ["status 'actve'", "Did you mean: active"]),
        ("sites", 'name = "X"', "name = 3", ["(id 'x')", "name = 3 should be text"]),
        ("sites", 'name = "X"', 'name = "X"\naliases = "y"', ["aliases = 'y' should be a list of text"]),
        ("sites", 'name = "X"', 'name = "X"\nparent = "kouru"', ["unknown parent 'kouru'"]),
        ("sites", 'name = "X"', 'name = "X"\ncorridor = ["c"]', ["[[site.corridor]] tables"]),
        # Orbit presets.
        ("orbits", "apogee_altitude_km = 400.0", "apogee_altitude_km = 300.0", ["(id 'o')", "below perigee"]),
        ("orbits", 'name = "O"', 'name = "O"\ninclination_deg = ["x"]', ["inclination_deg = ['x']"]),
        ("orbits", 'name = "O"', 'name = "O"\ninclination_deg = 200.0', ["inclination_deg = 200.0 is out of range"]),
        ("orbits", 'id = "o"', "id = 7", ["orbit #0", "id = 7 should be text"]),
        ("orbits", "perigee_altitude_km = 400.0\n", "", ["missing field 'perigee_altitude_km'"]),
        # Claims: references to sites, vehicles, orbits, articles and metrics exist.
        ("claims", 'site = "kourou"', 'site = "kouru"', ["unknown launch site 'kouru'", "Did you mean: kourou"]),
        ("claims", 'vehicle = "vega-c"', 'vehicle = "vega-x"', ["vehicle: unknown vehicle 'vega-x'"]),
        ("claims", 'orbits = ["sso:700"]', 'orbits = ["gloanss"]', ["orbit 'gloanss'", "Did you mean: glonass"]),
        ("claims", 'orbits = ["sso:700"]', 'orbits = "sso:700"', ["orbits = 'sso:700'", "non-empty list"]),
        ("claims", 'article = "a"', 'article = "b"', ["article 'b'"]),
        ("claims", 'metric = "payload_covers"', 'metric = "payload_cover"', ["Did you mean: payload_covers"]),
        ("claims", "reference_kg = 1000.0", "reference_kg = nan", ["reference_kg = nan is not a finite number"]),
        (
            "claims",
            '[[statement.question]]\nmetric = "payload_covers"',
            'question = ["q"]\nx = 1',
            ["[[statement.question]]"],
        ),
        ("claims", '[article.a]\npublication = "p"', 'article = ["a"]\n[x]\npublication = "p"', ["unknown key 'x'"]),
        ("claims", 'kind = "physical"', 'kind = "physcal"', ["kind 'physcal'", "Did you mean: physical"]),
    ],
)
def test_malformed_entries_name_entry_and_field(tmp_path, kind, old, new, needles):
    text = LOADERS[kind][3]
    assert old in text
    _fails(kind, _write(tmp_path, text.replace(old, new, 1)), *needles)


def test_claims_articles_must_be_tables(tmp_path):
    text = CLAIM.replace('[article.a]\npublication = "p"\ntitle = "t"\ndate = "d"\n', 'article = ["a"]\n')
    _fails("claims", _write(tmp_path, text), "[article.ID] tables expected")
    text = CLAIM.replace('[article.a]\npublication = "p"\ntitle = "t"\ndate = "d"\n', '[article]\na = "x"\n')
    _fails("claims", _write(tmp_path, text), "article 'a'", "expected a table")


def test_vehicle_sites_are_stored_by_their_catalogue_id(tmp_path):
    text = VEHICLE.replace('home_sites = ["kourou"]', 'home_sites = ["Guiana Space Centre"]')
    v = load_vehicles(_write(tmp_path, text))["v"]
    assert v.home_sites == ("kourou",) and v.performance[0].site == "kourou"


def test_duplicate_orbit_names_are_rejected(tmp_path):
    text = ORBIT + ORBIT.replace('id = "o"', 'id = "p"').replace('name = "O"', 'name = "P"\naliases = ["O"]')
    _fails("orbits", _write(tmp_path, text), "(id 'p')", "name 'O' is already preset 'o'")


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * 50_000 + "]" * 50_000,
        'claim = ["id"]\n',
        'statement = ["id"]\n',
        '[statement]\nid = "x"\n',
        "",
        CLAIM.replace('reference_source = "s [A]"', "reference_source = nan"),
        CLAIM.replace('orbits = ["sso:700"]', 'orbits = ["sso:500"]\norbit_spec = ["sso:500"]\nreference_kg = "x"'),
        None,  # not UTF-8
        "missing",  # no such file
    ],
    ids=[
        "deep",
        "claim-list",
        "statement-list",
        "statement-table",
        "empty",
        "source-nan",
        "wrong-type",
        "latin1",
        "missing",
    ],
)
def test_cli_claims_file_errors_are_one_line(tmp_path, capsys, text):
    p = tmp_path / "claims.toml"
    if text is None:
        p.write_bytes(CLAIM.replace('"s [A]"', '"caf\xe9"').encode("latin-1"))
    elif text != "missing":
        p.write_text(text, encoding="utf-8")
    assert main(["claims", "--file", str(p)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("orbitcoop: error: ") and str(p) in err, err
    assert err.count("\n") == 1 and "Traceback" not in err, err


def test_every_loader_error_is_an_orbitcoop_error():
    for _, error, _, _ in LOADERS.values():
        assert issubclass(error, CatalogueError) and issubclass(error, OrbitcoopError)
    # Moved to orbitcoop.errors; the old import paths and the package's public names still work.
    from orbitcoop import vehicles

    for name in ("VehicleDataError", "UnknownVehicleError", "MissingVehicleDataError"):
        assert getattr(vehicles, name) is getattr(orbitcoop.errors, name) is getattr(orbitcoop, name)


def test_fields_readers():
    f = Fields({"n": 3, "b": True, "t": "x", "w": 2, "l": ["a"], "blank": [" "]}, "here")
    assert f.number("n") == 3.0 and isinstance(f.number("n"), float)
    assert f.number("absent", None) is None and f.text("t") == "x" and f.texts("l") == ("a",)
    with pytest.raises(CatalogueError, match=r"^here: b = True is not a finite number$"):
        f.number("b")
    with pytest.raises(CatalogueError, match=r"w = 2 must be a whole number from 3 to 4"):
        f.whole("w", lo=3, hi=4)
    with pytest.raises(CatalogueError, match=r"n = 3.0 is out of range \(valid: > 3\)"):
        f.number("n", lo=3.0, strict_low=True)
    with pytest.raises(CatalogueError, match="blank"):
        f.texts("blank")
    with pytest.raises(CatalogueError, match="here: expected a table, got 'x'"):
        Fields("x", "here")


def test_one_did_you_mean_for_every_lookup():
    assert did_you_mean("kouru", ["kourou", "vostochny"]) == " Did you mean: kourou?"
    assert did_you_mean("zzzz", ["kourou"]) == ""
    # A mapping of names to ids suggests each id once.
    assert (
        did_you_mean("guiana space center", {"guiana space centre": "kourou", "kourou": "kourou"})
        == " Did you mean: kourou?"
    )
    for lookup, name, error in (
        (orbitcoop.get_site, "kouru", orbitcoop.UnknownSiteError),
        (orbitcoop.get_vehicle, "falcon9", orbitcoop.UnknownVehicleError),
        (orbitcoop.orbits.parse_orbit, "gloanss", orbitcoop.UnknownOrbitError),
    ):
        with pytest.raises(error, match="Did you mean: "):
            lookup(name)


#: TOML values of every type, for any field.
ANY_VALUE = st.sampled_from(
    [
        "nan",
        "inf",
        "-1",
        "0",
        "1e300",
        '""',
        '" "',
        '"x"',
        "[]",
        '["x"]',
        "[1, 2]",
        "{}",
        "{ a = 1 }",
        "true",
        "1979-05-27",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(list(LOADERS)), k=st.integers(0, 1000), value=ANY_VALUE)
def test_any_field_of_any_type_loads_or_fails_cleanly(tmp_path, kind, k, value):
    # Whatever one field holds, a loader returns or raises its own error: never a TypeError, a
    # KeyError or an AttributeError from deep inside.
    load, error, _, text = LOADERS[kind]
    lines = text.splitlines()
    fields = [n for n, line in enumerate(lines) if " = " in line]
    n = fields[k % len(fields)]
    lines[n] = lines[n].split(" = ")[0] + " = " + value
    p = _write(tmp_path, "\n".join(lines) + "\n", f"{kind}.toml")
    try:
        load(p)
    except error as exc:
        assert str(p) in str(exc)
