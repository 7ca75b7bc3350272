"""A Sphinx page without a title line (Mattermost's deployment guides: "Step 1: …", "Step 2:
…" as sibling sections) is titled by its first heading, as Sphinx titles it, and each later
step is a section of its own, not inside the first; a page under its one top heading keeps that
heading as its title."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read

RHEL = Path(__file__).parent / "fixtures" / "mattermost" / "deploy-rhel-excerpt.rst"


def test_a_page_of_sibling_steps_is_titled_by_its_first_step_each_step_its_own_section() -> None:
    document = read(Path("deploy-rhel.rst"), RHEL.read_bytes())
    step_1 = "Step 1: Install PostgreSQL database or get database connection credentials"
    assert document.title == step_1
    found = passages(document, "deploy-rhel.rst")
    # The step's three options are one list under it (a short list opening its section).
    (managed,) = [p for p in found if "Use a managed database service." in p.text]
    assert managed.section is None  # cited "Step 1: … › ¶ 6", under the page's title
    (prepare,) = [p for p in found if p.text.startswith("Follow the database preparation")]
    # cited "Step 1: … › Step 2: …", a section of the page, not one inside Step 1
    assert (prepare.section, prepare.above) == ("Step 2: Prepare the database", ())


TITLED = b"""\
Deploy on Ubuntu
================

Install the server on Ubuntu.

Step 1: Install PostgreSQL
--------------------------

Install it with apt.

Step 2: Prepare the database
----------------------------

Create the database and its user.
"""


def test_a_page_under_one_top_heading_keeps_it_as_its_title() -> None:
    document = read(Path("deploy-ubuntu.rst"), TITLED)
    assert document.title == "Deploy on Ubuntu"
    found = passages(document, "deploy-ubuntu.rst")
    (create,) = [p for p in found if p.text == "Create the database and its user."]
    assert create.section == "Step 2: Prepare the database"


def test_a_comment_line_in_code_is_no_heading_of_the_page() -> None:
    code = TITLED + b"\n.. code-block:: sh\n\n   # Install the package\n   sudo apt install x\n"
    assert read(Path("deploy-ubuntu.rst"), code).title == "Deploy on Ubuntu"


QUICKSTART = b"""\
Welcome to Frobnicator's documentation!
=======================================

.. toctree::
   :maxdepth: 2

Frobnicator turns widgets into gadgets.

Indices and tables
==================

* :ref:`genindex`
* :ref:`search`
"""


def test_sphinx_quickstarts_index_is_titled_by_its_first_heading() -> None:
    # A reviewer's case: sphinx-quickstart's index.rst writes its title and "Indices and
    # tables" alike; titled "docs index" by the file name, every citation said nothing.
    document = read(Path("docs/index.rst"), QUICKSTART)
    assert document.title == "Welcome to Frobnicator's documentation!"
