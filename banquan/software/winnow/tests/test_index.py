"""The index over registered programs, on real packages from site-packages: a disguised copy
finds its original among others, boilerplate is capped, the index survives its file."""

import numpy as np
import pytest

from banquan.software.softcopy import read_upload
from banquan.software.softcopy.selection import ProgramFile
from banquan.software.winnow import FingerprintIndex, find_copies, fingerprint_program, fingerprint_upload
from banquan.software.winnow.tests.conftest import real_program
from banquan.software.winnow.tests.disguise import disguise

PACKAGES = ("sqlparse", "waitress", "huey", "yaml", "docx", "mypyc/lib-rt", "django/contrib/admin/static/admin/js")


@pytest.fixture(scope="module")
def registry():
    prints = {name: fingerprint_program(real_program(name)) for name in PACKAGES}
    index = FingerprintIndex(max_df=3)
    for number, (name, program) in enumerate(prints.items()):
        index.add(name, f"owner-{number}", program)
    return index, prints


def test_disguised_copy_finds_its_original_first(registry):
    index, prints = registry
    copy = fingerprint_program(disguise(real_program("huey"), salt="someone else"))
    found = index.search(copy)
    assert found[0].program_id == "huey" and found[0].containment_query > 0.8
    assert all(c.containment_query < 0.1 for c in found[1:])
    copies = find_copies(index, copy, prints.__getitem__, owner="owner-x")
    assert [c.candidate.program_id for c in copies] == ["huey"]
    assert copies[0].comparison.regions and copies[0].score > 0.8


def test_the_owners_own_programs_are_not_reported(registry):
    index, prints = registry
    assert index.search(prints["yaml"])[0].program_id == "yaml"
    assert all(c.program_id != "yaml" for c in index.search(prints["yaml"], exclude_owner="owner-3"))


def test_part_of_a_program_inside_another(registry):
    index, prints = registry
    lexer = [f for f in real_program("sqlparse") if f.path in ("lexer.py", "keywords.py", "tokens.py")]
    mixed = [*real_program("mypyc/lib-rt")[:5], *disguise(lexer)]
    copies = find_copies(index, fingerprint_program(mixed), prints.__getitem__, owner="owner-x")
    found = {c.candidate.program_id: c for c in copies}
    assert "sqlparse" in found
    paths = {r.path_b for r in found["sqlparse"].comparison.regions}
    assert paths <= {"lexer.py", "keywords.py", "tokens.py"} and "lexer.py" in paths


def test_boilerplate_shared_by_many_programs_is_capped():
    # the same real file (64 fingerprints), pasted into every program like a licence header
    licence = next(f for f in real_program("sqlparse") if f.path == "cli.py")
    index = FingerprintIndex(max_df=3)
    programs = {}
    for number, name in enumerate(("waitress", "huey", "yaml", "docx", "mypyc/lib-rt")):
        files = [*real_program(name), ProgramFile("LICENSE_HEADER.py", licence.language, licence.text)]
        programs[name] = fingerprint_program(files)
        index.add(name, f"owner-{number}", programs[name])
    index.compact()
    boilerplate = fingerprint_program([licence]).distinct()
    assert len(boilerplate) >= 50
    assert np.isin(boilerplate, index.common).mean() > 0.9
    assert not np.isin(index.keys, boilerplate).any()  # their postings are gone
    # a query made of the boilerplate alone matches nothing
    assert index.search(fingerprint_program([licence])) == []


def test_index_round_trips_through_its_file(registry, tmp_path):
    index, prints = registry
    path = tmp_path / "software.winnow.npz"
    index.save(path)
    again = FingerprintIndex.load(path)
    assert again.ids == index.ids and again.owners == index.owners and again.max_df == index.max_df
    assert np.array_equal(again.keys, index.keys) and np.array_equal(again.common, index.common)
    copy = fingerprint_program(disguise(real_program("waitress")))
    assert again.search(copy) == index.search(copy)
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_programs_added_after_loading_are_found(registry, tmp_path):
    index, prints = registry
    path = tmp_path / "index.npz"
    index.save(path)
    again = FingerprintIndex.load(path)
    pygments_lexer = fingerprint_program(real_program("pygments/lexers")[:20])
    again.add("pygments-part", "owner-new", pygments_lexer)
    assert again.search(pygments_lexer)[0].program_id == "pygments-part"
    with pytest.raises(ValueError):
        again.add("pygments-part", "owner-new", pygments_lexer)
    again.save(path)
    assert "pygments-part" in FingerprintIndex.load(path)


def test_sampled_index_keeps_a_share_and_still_finds_copies(registry):
    _, prints = registry
    sampled = FingerprintIndex(max_df=3, sample=4)
    for name, program in prints.items():
        sampled.add(name, name, program)
    assert sampled.sizes().sum() < 0.4 * sum(len(p.distinct()) for p in prints.values())
    copy = fingerprint_program(disguise(real_program("yaml")))
    assert sampled.search(copy)[0].program_id == "yaml"


def test_from_an_uploaded_zip(waitress_files):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for file in disguise(waitress_files):
            archive.writestr("proj/" + file.path, file.text)
    upload = fingerprint_upload(read_upload(buffer.getvalue(), "proj.zip"))
    index = FingerprintIndex()
    index.add("waitress", "a", fingerprint_program(waitress_files))
    assert index.search(upload)[0].containment_query > 0.9
