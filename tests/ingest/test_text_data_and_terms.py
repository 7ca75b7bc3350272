"""Plain text that holds data and definition lists, as the Debian FAQ sets them: a control
file's "Key: value" lines are one block of data kept with the sentence that shows it, never a
heading; a term alone on its line ("postinst") leads the description indented under it.

The texts are excerpts of the Debian GNU/Linux FAQ, chapter 7 (data/eval/corpora/second/faq;
verbatim copies allowed, see its SOURCES.md), no-break spaces written as spaces.
"""

from __future__ import annotations

from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read

CONTROL = """\
Chapter 7. Basics of the Debian package management system

7.4. What is a Debian control file?

    Specifics regarding the contents of a Debian control file are
    provided in the Debian Policy Manual, section 5, see
    Section 12.1, “What other documentation exists on and for a
    Debian system?”.

    Briefly, a sample control file is shown below for the Debian
    package hello:

    Package: hello
    Version: 2.9-2+deb8u1
    Architecture: amd64
    Maintainer: Santiago Vila <sanvila@debian.org>
    Installed-Size: 145
    Depends: libc6 (>= 2.14)
    Conflicts: hello-traditional
    Breaks: hello-debhelper (<< 2.9)
    Replaces: hello-debhelper (<< 2.9), hello-traditional
    Section: devel
    Priority: optional
    Homepage: https://www.gnu.org/software/hello/
    Description: example package based on GNU hello
     The GNU hello program produces a familiar, friendly greeting.  It
     allows non-programmers to use a classic computer science tool which
     would otherwise be unavailable to them.
     .
     Seriously, though: this is an example of how to do a Debian package.
     It is the Debian version of the GNU Project's `hello world' program
     (which is itself an example for the GNU Project).

    The Package field gives the package name. This is the name by
    which the package can be manipulated by the package tools, and
    usually similar to but not necessarily the same as the first
    component string in the Debian archive file name.

7.5. What is a Debian conffile?

    Conffiles is a list of configuration files (usually placed in /
    etc) that the package management system will not overwrite when
    the package is upgraded.
"""

DEFINITIONS = """\
Chapter 7. Basics of the Debian package management system

7.6. What is a Debian preinst, postinst, prerm, and postrm script?

    These files are executable scripts which are automatically run
    before or after a package is installed or removed. Along with a
    file named control, all of these files are part of the "control"
    section of a Debian archive file.

    The individual files are:

    preinst

        This script is executed before the package it belongs to is
        unpacked from its Debian archive (".deb") file. Many
        'preinst' scripts stop services for packages which are being
        upgraded until their installation or upgrade is completed
        (following the successful execution of the 'postinst'
        script).

    postinst

        This script typically completes any required configuration of
        the package foo once foo has been unpacked from its Debian
        archive (".deb") file. Often, 'postinst' scripts ask users
        for input, and/or warn them that if they accept default
        values, they should remember to go back and re-configure that
        package as needed. Many 'postinst' scripts then execute any
        commands necessary to start or restart a service once a new
        package has been installed or upgraded.

    prerm

        This script typically stops any daemons which are associated
        with a package. It is executed before the removal of files
        associated with the package.

    postrm

        This script typically modifies links or other files
        associated with foo, and/or removes files created by the
        package. (Also see Section 7.8, “What is a Virtual Package?”
        .)

    Currently all of the control files can be found in the directory
"""


def test_a_control_file_is_one_passage_with_its_introduction_and_heads_nothing() -> None:
    document = read("07-package-management-basics.txt", CONTROL.encode())
    assert {block.section for block in document.blocks} == {
        "7.4. What is a Debian control file?",
        "7.5. What is a Debian conffile?",
    }
    found = [p for p in passages(document, "faq.txt") if "Maintainer: Santiago Vila" in p.text]
    assert len(found) == 1
    sample = found[0].text
    assert sample.startswith("Briefly, a sample control file is shown below")
    # as written, one field a line, the description's lines kept under it
    assert "\nArchitecture: amd64\nMaintainer: Santiago Vila <sanvila@debian.org>\n" in sample
    assert sample.endswith("(which is itself an example for the GNU Project).")


def test_each_term_of_a_definition_list_leads_its_description() -> None:
    document = read("07-package-management-basics.txt", DEFINITIONS.encode())
    texts = [p.text for p in passages(document, "faq.txt")]
    postinst = next(t for t in texts if "This script typically completes" in t)
    assert postinst.startswith("postinst: This script typically completes any required")
    prerm = next(t for t in texts if "stops any daemons" in t)
    assert prerm.startswith("prerm: This script typically stops any daemons")
    # the text after the list is no description of its last term
    after = next(t for t in texts if t.startswith("Currently all of the control files"))
    assert "postrm" not in after.split(".")[0]
    question = "7.6. What is a Debian preinst, postinst, prerm, and postrm script?"
    assert {block.section for block in document.blocks} == {question}


LISTS = """\
Chapter 7. Basics of the Debian package management system

7.7. What is an Essential, Required, Important, Standard, Optional,
or Extra package?

    Each Debian package is assigned a priority by the distribution
    maintainers, as an aid to the package management system. The
    priorities are:

      * Required: packages that are necessary for the proper
        functioning of the system.

        This includes all tools that are necessary to repair system
        defects. You must not remove these packages or your system
        may become totally broken and you may probably not even be
        able to use dpkg to put things back. Systems with only the
        Required packages are probably unusable, but they do have
        enough functionality to allow the sysadmin to boot and
        install more software.

      * Important packages should be found on any Unix-like system.

        Other packages which the system will not run well or be
        usable without will be here. This does NOT include Emacs or X
        or TeX or any other large application. These packages only
        constitute the bare infrastructure.

7.11. What is meant by unknown, install, remove, purge and hold in
the package status?

    These "want" flags tell what the user wanted to do with a package
    (as indicated by the user's direct invocations of dpkg/apt/
    aptitude).

    Their meanings are:

      * unknown - the user has never indicated whether the package is
        wanted.

      * install - the user wants the package installed or upgraded.

      * hold - the user wants this package not to be processed, i.e.
        wants to keep the current version with the current status
        whatever that is.
"""


def test_a_paragraph_indented_under_a_list_item_goes_with_the_item() -> None:
    texts = [p.text for p in passages(read("07.txt", LISTS.encode()), "07.txt")]
    required = next(t for t in texts if "You must not remove these packages" in t)
    assert required.startswith("Required: packages that are necessary")
    important = next(t for t in texts if "bare infrastructure" in t)
    assert important.startswith("Important packages should be found")


def test_a_short_line_introducing_a_list_is_quoted_with_its_items() -> None:
    document = read("07.txt", LISTS.encode())
    assert {block.section for block in document.blocks} == {
        "7.7. What is an Essential, Required, Important, Standard, Optional, or Extra package?",
        "7.11. What is meant by unknown, install, remove, purge and hold in the package status?",
    }
    texts = [p.text for p in passages(document, "07.txt")]
    hold = next(t for t in texts if "the user wants this package not to be processed" in t)
    assert hold.startswith("Their meanings are:\nunknown - the user has never indicated")


DISTRIBUTION = """\
Chapter 3. Choosing a Debian distribution

3.1. Which Debian distribution (stable/testing/unstable) is better
for me?

    The answer is a bit complicated. It really depends on what you
    intend to do. One solution would be to ask a friend who runs
    Debian. But that does not mean that you cannot make an
    independent decision. In fact, you should be able to decide once
    you complete reading this chapter.

5.8. How can I check that I am using a Debian system, and what
version it is?

    In order to make sure that your system has been installed from
    the real Debian base disks, use the

    lsb_release -a

    command. It will display the name of the distribution (in
    Distributor ID field) and the version of the system (in Release
    and Codename fields). The following is an example run in a Debian
    system:

    $ lsb_release -a
    No LSB modules are available.
    Distributor ID: Debian
    Description:    Debian GNU/Linux 7.4 (wheezy)
    Release:    7.4
    Codename:   wheezy

    You can also check for the existence of /etc/debian_version file,
    which contains a single one-line entry giving the version number
    of the release, as defined by the package base-files.
"""


def test_a_numbered_question_wrapped_over_two_lines_is_one_heading() -> None:
    document = read("03.txt", DISTRIBUTION.encode())
    assert [block.section for block in document.blocks][:1] == [
        "3.1. Which Debian distribution (stable/testing/unstable) is better for me?"
    ]
    assert "5.8. How can I check that I am using a Debian system, and what version it is?" in {
        block.section for block in document.blocks
    }
    assert not any("for me?" in block.text for block in document.blocks)


def test_a_commands_output_of_fields_is_kept_with_the_command_and_heads_nothing() -> None:
    document = read("03.txt", DISTRIBUTION.encode())
    assert not any("Distributor" in (block.section or "") for block in document.blocks)
    run = next(block for block in document.blocks if "Codename:   wheezy" in block.code)
    assert run.code.startswith("$ lsb_release -a\nNo LSB modules are available.\nDistributor ID")
    assert run.text.endswith("The following is an example run in a Debian system:")


# SQLite's documentation (public domain), foreignkeys.html as text
SESSION = (
    "SQLite Foreign Key Support\n\n"
    "1. Introduction to Foreign Key Constraints\n\n"
    "The following SQLite command-line session illustrates the effect of the foreign key "
    "constraint added to the track table:\n\n"
    "    sqlite> SELECT * FROM artist;\n"
    "    artistid  artistname       \n"
    "    --------  -----------------\n"
    "    1         Dean Martin      \n"
    "    2         Frank Sinatra    \n\n"
    "    sqlite> SELECT * FROM track;\n"
    "    trackid  trackname          trackartist\n"
    "    -------  -----------------  -----------\n"
    "    11       That's Amore       1  \n"
    "    12       Christmas Blues    1  \n"
    "    13       My Way             2  \n\n"
    "As you would expect, it is not possible to manipulate the database to a state that "
    "violates the foreign key constraint by deleting or updating rows in the artist table "
    "either.\n"
)


def test_a_querys_output_heads_no_section() -> None:
    document = read("foreignkeys.txt", SESSION.encode())
    assert {block.section for block in document.blocks} == {
        "1. Introduction to Foreign Key Constraints"
    }


# SQLite's documentation (public domain), tempfiles.html as text
FOLDERS = (
    "Temporary Files Used By SQLite\n\n"
    "5. Temporary File Storage Locations\n\n"
    "The directory or folder in which temporary files are created is determined by the OS-specific "
    "VFS.\n\n"
    "On Windows systems, folders are searched in the following order:\n\n"
    "1.  The folder set by PRAGMA temp_store_directory or by the sqlite3_temp_directory global "
    "variable\n"
    "2.  The folder returned by the GetTempPath() system interface.\n\n"
    "SQLite itself does not pay any attention to environment variables in this case, though "
    "presumably the GetTempPath() system call does.\n"
)


def test_a_numbered_list_is_quoted_with_the_sentence_that_introduces_it() -> None:
    texts = [p.text for p in passages(read("tempfiles.txt", FOLDERS.encode()), "tempfiles.txt")]
    assert (
        "On Windows systems, folders are searched in the following order:\n"
        "1. The folder set by PRAGMA temp_store_directory or by the sqlite3_temp_directory "
        "global variable\n"
        "2. The folder returned by the GetTempPath() system interface."
    ) in texts


# The FAQ's commands stand at the text's own indentation, between blank lines.
SOURCE = """\
Chapter 7. Basics of the Debian package management system

7.13. How do I install a source package?

    Debian source packages can't actually be "installed", they are
    just unpacked in whatever directory you want to build the binary
    packages they produce.

    Source packages are distributed on most of the same mirrors where
    you can obtain the binary packages. If you set up your APT's
    sources.list(5) to include the appropriate "deb-src" lines,
    you'll be able to easily download any source package by running

    apt-get source foo

    To help you in actually building the source package, Debian
    source packages provide the so-called build-dependencies
    mechanism. This means that the source package maintainer keeps a
    list of other packages that are required to build their package.
    To see how this is useful, run

    apt-get build-dep foo

    before building the source.
"""


def test_a_command_alone_on_its_line_goes_with_the_sentence_that_runs_into_it() -> None:
    blocks = read("07.txt", SOURCE.encode()).blocks
    download = next(b for b in blocks if b.text.endswith("download any source package by running"))
    assert download.code == "apt-get source foo"
    useful = next(b for b in blocks if b.text.endswith("To see how this is useful, run"))
    assert useful.code == "apt-get build-dep foo"


HOLD = """\
Chapter 7. Basics of the Debian package management system

7.12. How do I put a package on hold?

    There are three ways of holding back packages, with dpkg, apt or
    aptitude.

    Save the file, and reload it into dpkg database with:

    dpkg --set-selections < selections.txt

    With apt, you can set a package to hold using

    apt-mark hold package_name

    and remove the hold with

    apt-mark unhold package_name

7.13. How do I install a source package?

    Debian source packages can't actually be "installed", they are
    just unpacked in whatever directory you want to build the binary
    packages they produce.
"""


def test_the_words_between_two_commands_are_text_that_leads_into_the_second() -> None:
    blocks = read("07.txt", HOLD.encode()).blocks
    assert [(b.text, b.code) for b in blocks if b.code] == [
        (
            "Save the file, and reload it into dpkg database with:",
            "dpkg --set-selections < selections.txt",
        ),
        ("With apt, you can set a package to hold using", "apt-mark hold package_name"),
        ("and remove the hold with", "apt-mark unhold package_name"),
    ]


FEATURES = """\
Chapter 1. Definitions and overview

1.5. What is the difference between Debian GNU/Linux and other Linux
distributions? Why should I choose Debian over some other
distribution?

    These key features distinguish Debian from other Linux
    distributions:

    Freedom:

        As stated in the Debian Social Contract (https://
        www.debian.org/social_contract) , Debian will remain 100%
        free. Debian is very strict about shipping truly free
        software.

    The Debian package maintenance system:

        The entire system, or any individual component of it, can be
        upgraded in place without reformatting, without losing custom
        configuration files, and (in most cases) without rebooting
        the system.
"""


def test_a_term_ending_with_a_colon_leads_its_description() -> None:
    texts = [p.text for p in passages(read("01.txt", FEATURES.encode()), "01.txt")]
    assert any(t.startswith("Freedom: As stated in the Debian Social Contract") for t in texts)
    assert any(
        t.startswith("The Debian package maintenance system: The entire system") for t in texts
    )
    assert "These key features distinguish Debian from other Linux distributions:" in texts


MAILING_LISTS = """\
Development lists

  debian-private@lists.debian.org

      Description : Private discussions among developers: only for
                    issues that may not be discussed on public lists.

                    This list is archived internally on a Debian Project
                    machine, only developers have access to the archive.
      Moderated   : no
      Subscription: developers only

  debian-python@lists.debian.org

      Description : Discussion of issues related to Python on Debian
                    systems with a stress on packaging standards.

                    Therefore relevant for maintainers of Python related
                    packages.
"""


def test_a_terms_description_goes_on_over_the_paragraphs_indented_as_it() -> None:
    # From doc-debian's mailing-lists.txt (data/eval/corpora/second, SOURCES.md there): the
    # second paragraph of a list's description, alone, no longer says which list it is about.
    texts = [p.text for p in passages(read("lists.txt", MAILING_LISTS.encode()), "lists.txt")]
    private = next(t for t in texts if t.startswith("debian-private@lists.debian.org"))
    assert "This list is archived internally on a Debian Project machine" in private
    python = next(t for t in texts if t.startswith("debian-python@lists.debian.org"))
    assert python.endswith("Therefore relevant for maintainers of Python related packages.")
    assert "Therefore" not in private  # the next term's description is its own
    assert not any(t.startswith(("This list is archived", "Therefore")) for t in texts)
