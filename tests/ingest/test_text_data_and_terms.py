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
