"""The committed type stubs (python/numox/*.pyi) match the installed extension: regenerate them
with crates/numox-py/stubgen.py after changing a signature."""

import importlib.util
import pathlib

HERE = pathlib.Path(__file__).resolve().parents[1]


def test_stubs_are_current():
    spec = importlib.util.spec_from_file_location("stubgen", HERE / "stubgen.py")
    stubgen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stubgen)
    for name, text in stubgen.generate().items():
        committed = HERE / "python" / "numox" / name
        assert committed.exists(), f"{committed} is missing: run crates/numox-py/stubgen.py"
        assert committed.read_text() == text, f"{committed} is stale: run crates/numox-py/stubgen.py"
    assert (HERE / "python" / "numox" / "py.typed").exists()
