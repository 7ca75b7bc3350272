"""reStructuredText files (Sphinx documentation, PEPs) are read as their pages show them:
headings nested, code whole under the sentence before it, notes labelled, markup gone."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read

PEP8 = Path(__file__).parent / "fixtures" / "peps" / "pep-0008-excerpt.rst"

GUIDE = """\
=========
Big Title
=========

Install it with ``pip`` (see :pep:`8` and the `docs <https://example.org/docs>`_).

Usage
-----

.. note:: Do not run this
   as root.

.. toctree::
   :maxdepth: 2

   install
   usage

Run the tool with its help option::

    pip install foo
    foo --help

.. code-block:: python

   def f(*args, **kwargs):
       return 1
"""


def _found() -> list[tuple[str, str | None, str]]:
    found = passages(read("guide.rst", GUIDE.encode()), "guide.rst")
    return [(p.kind, p.section, p.text) for p in found]


def test_a_pep_is_titled_dated_and_signed_by_its_header() -> None:
    document = read("pep-0008.rst", PEP8.read_bytes())
    assert document.title == "Style Guide for Python Code"
    assert document.date == "2001-07-05"
    assert document.author == "Guido van Rossum, Barry Warsaw, Alyssa Coghlan"


def test_headings_nest_and_code_stays_whole_under_its_sentence() -> None:
    found = passages(read("pep-0008.rst", PEP8.read_bytes()), "pep-0008.rst")
    (indentation,) = [p for p in found if p.text == "Use 4 spaces per indentation level."]
    assert (indentation.section, indentation.above) == ("Indentation", ("Code Lay-out",))
    code = [p for p in found if p.kind == "code" and "foo = long_function_name(" in p.text]
    assert code and "# Aligned with opening delimiter." in code[0].text


def test_inline_markup_reads_as_the_page_shows_it() -> None:
    assert ("text", None, "Install it with pip (see PEP 8 and the docs).") in _found()


def test_a_note_is_labelled_and_a_toctree_is_no_text() -> None:
    texts = [text for _, _, text in _found()]
    assert "Note: Do not run this as root." in texts
    assert not any("maxdepth" in text or "install\nusage" in text for text in texts)


def test_literal_blocks_are_code_as_written() -> None:
    code = [text for kind, _, text in _found() if kind == "code"]
    assert any(t.endswith("pip install foo\nfoo --help") for t in code)
    assert any("def f(*args, **kwargs):\n    return 1" in t for t in code)


def _texts(source: str, name: str = "page.rst") -> list[str]:
    return [p.text for p in passages(read(name, source.encode()), name)]


CONFIG = """\
Configuration
=============

Builtin Values
--------------

.. py:data:: SESSION_COOKIE_NAME

    The name of the session cookie. Can be changed in case you already have a
    cookie with the same name.

    Default: ``'session'``

.. data:: g

    A namespace object used to store data during a request.

.. autofunction:: flask.url_for
"""

OPTIONS = """\
Options
-------

.. program:: sphinx-build

.. option:: -j N, --jobs N

   Distribute the build over *N* processes in parallel.

.. envvar:: MAKE

   The path to make.
"""


def test_a_config_value_reads_as_its_name_over_its_description_and_default() -> None:
    assert (
        "SESSION_COOKIE_NAME: The name of the session cookie. Can be changed in case you"
        " already have a cookie with the same name. Default: 'session'"
    ) in _texts(CONFIG)
    assert "g: A namespace object used to store data during a request." in _texts(CONFIG)


def test_a_command_line_option_reads_as_its_signature_over_its_description() -> None:
    texts = _texts(OPTIONS)
    assert "-j N, --jobs N: Distribute the build over N processes in parallel." in texts
    assert "MAKE: The path to make." in texts
    assert not any("sphinx-build" in text for text in texts)  # .. program:: names no object


GLOSSARY = """\
.. _glossary:

Glossary
========

.. glossary::
   :sorted:

   builder
      A class that takes parsed documents and performs an action on them.

   configuration directory
      The directory containing :file:`conf.py`.  By default, this is the same as
      the source directory.

   environment
   env
      A structure where information about all documents is saved.
"""


def test_a_glossary_reads_as_its_terms_each_over_its_definition() -> None:
    texts = _texts(GLOSSARY)
    assert (
        "configuration directory: The directory containing conf.py. By default, this is"
        " the same as the source directory."
    ) in texts
    assert "builder: A class that takes parsed documents and performs an action on them." in texts
    assert "environment, env: A structure where information about all documents is saved." in (
        texts
    )


SERVER = """\
A Minimal Application
---------------------

.. admonition:: Externally Visible Server

   If you run the server you will notice that the server is only accessible
   from your own computer.

   Make the server publicly available by adding ``--host=0.0.0.0``::

       $ flask run --host=0.0.0.0

.. important::
   Use it first.
   For example::

       sphinx-build -M html ./source ./build
"""


def test_a_titled_box_reads_under_its_title_with_its_code() -> None:
    found = passages(read("quickstart.rst", SERVER.encode()), "quickstart.rst")
    texts = [p.text for p in found]
    assert (
        "Externally Visible Server: If you run the server you will notice that the server is"
        " only accessible from your own computer."
    ) in texts
    code = [p.text for p in found if p.kind == "code"]
    assert any(t.endswith("--host=0.0.0.0:\n\n$ flask run --host=0.0.0.0") for t in code)
    assert "Important: Use it first. For example:\n\nsphinx-build -M html ./source ./build" in code


TABS = """\
Activate the environment
~~~~~~~~~~~~~~~~~~~~~~~~

Before you work on your project, activate the corresponding environment:

.. tabs::

   .. group-tab:: macOS/Linux

      .. code-block:: text

         $ . .venv/bin/activate

   .. group-tab:: Windows

      .. code-block:: text

         > .venv\\Scripts\\activate

Your shell prompt will change to show the name of the activated environment.

.. tab-set::

   .. tab-item:: pip

      Install it with ``pip install flask``.
"""


def test_each_tab_reads_under_its_label_below_the_sentence_introducing_the_set() -> None:
    texts = _texts(TABS)
    assert (
        "Before you work on your project, activate the corresponding environment"
        " (macOS/Linux):\n\n$ . .venv/bin/activate"
    ) in texts
    assert "Windows\n\n> .venv\\Scripts\\activate" in texts
    assert "Your shell prompt will change to show the name of the activated environment." in (texts)
    assert "pip: Install it with pip install flask." in texts


ROLES = """\
Quickstart
==========

See :ref:`address-already-in-use` for how to handle that, or :ref:`deferred`.
Read :doc:`/deploying/gunicorn`, :doc:`/usage/builders/index` and :doc:`the CLI </cli>`.
Use the :attr:`.Request.args` attribute and :meth:`~flask.Config.from_prefixed_env`.

.. _deferred:

Deferred Errors on Reload
-------------------------

Drop support for Python 3.9. :pr:`5730` Fixed a crash. :issue:`5774`
"""


def test_a_cross_reference_reads_as_the_title_sphinx_prints() -> None:
    texts = _texts(ROLES)
    assert (
        "See Address already in use for how to handle that, or Deferred Errors on Reload."
        " Read Gunicorn, Builders and the CLI."
        " Use the Request.args attribute and from_prefixed_env()."
    ) in texts
    assert "Drop support for Python 3.9. PR 5730 Fixed a crash. issue 5774" in texts


VERSIONS = """\
Using async and await
=====================

.. versionadded:: 2.0

Routes can all be coroutine functions.

Sessions
--------

The session interface replaces the session implementation.

.. versionadded:: 0.8

.. versionchanged:: 1.0

    ``LOGGER_NAME`` and ``LOGGER_HANDLER_POLICY`` were removed. See
    :doc:`/logging` for information about configuration.
"""


def test_a_version_note_reads_with_what_it_dates() -> None:
    texts = _texts(VERSIONS)
    assert "New in version 2.0. Routes can all be coroutine functions." in texts
    assert "The session interface replaces the session implementation. New in version 0.8." in (
        texts
    )
    assert (
        "Changed in version 1.0: LOGGER_NAME and LOGGER_HANDLER_POLICY were removed. See"
        " Logging for information about configuration."
    ) in texts


TABLES = """\
URL Route Registrations
-----------------------

The following converters are available:

=========== ===============================================
`string`    accepts any text without a slash (the default)
`int`       accepts integers
`float`     like `int` but for floating point values
=========== ===============================================

The methods:

======= ===================
Method  Description
======= ===================
GET     List all users,
        newest first
POST    Create a new user
======= ===================
"""


def test_a_simple_table_reads_row_by_row_without_its_borders() -> None:
    texts = _texts(TABLES)
    assert "int: accepts integers" in texts
    assert "float: like int but for floating point values" in texts
    assert any(
        text.endswith("string: accepts any text without a slash (the default)") for text in texts
    )
    # the sentence leading into the table is quoted with its rows
    assert (
        "The methods:\nMethod: GET | List all users, newest first\nMethod: POST | Description:"
        " Create a new user"
    ) in texts
    assert not any("====" in text for text in texts)


LEAKS = """\
Application Setup
=================

You can download Flask-SQLAlchemy from `PyPI
<https://pypi.org/project/Flask-SQLAlchemy/>`_. Try a library such as Dynaconf_.

Create the ``flaskr`` directory and add the ``__init__.py`` file. The
``__init__.py`` serves double duty.

Use the :meth:`~flask.Flask.route` decorator to bind a function to a URL. ::

    @app.route('/')
    def index():
        return 'Index Page'

-   Installed module or package::

        $PREFIX/lib/pythonX.Y/site-packages/myapp

    ``$PREFIX`` is the prefix of your Python installation.

.. _Dynaconf: https://www.dynaconf.com/
"""


def test_links_literals_and_literal_blocks_leave_no_markup_behind() -> None:
    found = passages(read("factory.rst", LEAKS.encode()), "factory.rst")
    texts = [p.text for p in found]
    assert "You can download Flask-SQLAlchemy from PyPI. Try a library such as Dynaconf." in texts
    assert (
        "Create the flaskr directory and add the __init__.py file."
        " The __init__.py serves double duty."
    ) in texts
    code = [p.text for p in found if p.kind == "code"]
    assert any(
        t.startswith("Use the route() decorator to bind a function to a URL.\n\n@app") for t in code
    )
    assert "$PREFIX is the prefix of your Python installation." in texts


def test_a_role_over_two_lines_reads_as_its_title() -> None:
    found = passages(read("pep-0008.rst", PEP8.read_bytes()), "pep-0008.rst")
    (intro,) = [p.text for p in found if "companion informational PEP" in p.text]
    assert intro.endswith("style guidelines for the C code in the C implementation of Python.")


SETTINGS = """\
Options for HTML output
-----------------------

.. confval:: html_theme
   :type: :code-py:`str`
   :default: :code-py:`'alabaster'`

   The theme for HTML output.

.. confval:: numfig
   :type: :code-py:`bool`
   :default: :code-py:`False`
"""


def test_a_settings_type_and_default_read_with_it() -> None:
    texts = _texts(SETTINGS)
    assert "html_theme: The theme for HTML output. Type: str Default: 'alabaster'" in texts
    assert "numfig: Type: bool Default: False" in texts


DEFINITIONS = """\
Application Discovery
---------------------

The ``flask`` command looks for an application:

``--app hello``
    The given name is imported, automatically detecting an app.

``--app src/hello``
    Sets the current working directory to ``src`` then imports ``hello``.

:param name: the name
    of the app.
"""


def test_a_definition_list_reads_as_terms_over_their_definitions() -> None:
    texts = _texts(DEFINITIONS)
    assert "--app src/hello: Sets the current working directory to src then imports hello." in texts
    assert any(
        text.endswith("--app hello: The given name is imported, automatically detecting an app.")
        for text in texts
    )


def test_a_custom_roles_definition_is_no_entry() -> None:
    # ".. role:: python(code)" defines a role for the page (READMEs do): it was read as an
    # entry, a passage "python(code)".
    page = (
        "Title\n=====\n\n.. role:: python(code)\n   :language: python\n\n"
        "Use the tool to build documents from sources.\n"
    )
    assert [b.text for b in read("readme.rst", page.encode()).blocks] == [
        "Use the tool to build documents from sources."
    ]


def test_a_simple_table_in_chinese_or_japanese_keeps_its_cells() -> None:
    # docutils counts a wide character as two columns, as the border is aligned: counted as one,
    # "名前" and "説明" ran into one cell and "首都です" was cut in two.
    page = (
        "Cities\n======\n\nThe cities and what they are.\n\n"
        "======  ========\n名前    説明\n======  ========\n東京    首都です\n大阪    商都です\n"
        "======  ========\n"
    )
    rows = [b.text for b in read("cities.rst", page.encode()).blocks][1:]
    assert rows == ["名前: 東京 | 説明: 首都です", "名前: 大阪 | 説明: 商都です"]


def test_a_version_note_after_code_is_not_the_next_paragraphs() -> None:
    # After a code block a bare "versionadded" was joined to whatever paragraph came next; under
    # a heading it opens the part, also over a paragraph opening with a literal.
    page = (
        "Debug\n=====\n\nUse it like this::\n\n    app.run(debug=True)\n\n"
        ".. versionadded:: 1.0\n\nThe debugger is a separate feature.\n\n"
        "Props\n-----\n\n.. versionadded:: 3.9\n\n``BUILD_DIR`` is a boolean property.\n"
    )
    found = [b.text for b in read("debug.rst", page.encode()).blocks]
    assert "The debugger is a separate feature." in found
    assert "New in version 3.9. BUILD_DIR is a boolean property." in found


SYNCTHING_AUTOSTART = Path(__file__).parent / "fixtures" / "syncthing" / "autostart-excerpt.rst"


def test_auto_numbered_steps_are_each_a_step_without_their_hash_mark() -> None:
    # Syncthing's "#. Download and extract nssm …" / "#. From an administrator Command Prompt
    # …": Markdown has no "#." list, and the steps ran together as one paragraph, quoted
    # "… suitable location. #. From an administrator Command Prompt, CD to …".
    path = SYNCTHING_AUTOSTART
    texts = [block.text for block in read(path.name, path.read_bytes()).blocks]
    assert not [text for text in texts if "#." in text]
    assert any(text.startswith("From an administrator Command Prompt, CD to") for text in texts)
    assert any(text.startswith("Start the service via sc start syncthing") for text in texts)


def test_a_picture_named_by_a_substitution_is_left_out_as_pictures_are() -> None:
    # "-  |Windows NSSM Configuration Screenshot|", a picture defined at the page's foot
    # (".. |…| image:: windows-nssm-config.png"), was a list item quoting the picture's name.
    path = SYNCTHING_AUTOSTART
    texts = [block.text for block in read(path.name, path.read_bytes()).blocks]
    assert not [text for text in texts if "Screenshot" in text or "|" in text]
    assert any(text.startswith("Set Path to your syncthing.exe") for text in texts)
