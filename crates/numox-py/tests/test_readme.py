"""The README's Python example runs as written: scikit-learn's LogisticRegression trained on
numox arrays, and a matplotlib plot of its probabilities."""

import contextlib
import io
import os
import pathlib
import re

README = pathlib.Path(__file__).resolve().parents[3] / "README.md"


def test_readme_python_example_runs(tmp_path):
    text = README.read_text()
    m = re.search(r"<!-- python-example -->\n```python\n(.*?)```\n<!-- /python-example -->", text, re.S)
    assert m, "the README has no python-example block"
    code = m.group(1)
    old = os.getcwd()
    os.chdir(tmp_path)
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            scope = {"__name__": "__readme__"}
            exec(compile(code, "README.md", "exec"), scope)
    finally:
        os.chdir(old)
    assert scope["accuracy"] > 0.95
    assert re.match(r"test accuracy: 0\.9\d\d", out.getvalue())
    assert (tmp_path / "logreg_probabilities.png").stat().st_size > 5000
