"""Lines that open with an IPv4 address ("127.0.0.1 localhost") are data, never a numbered
heading: a hosts file shown in a manual once headed every paragraph after it."""

from __future__ import annotations

from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read

MANUAL = """\
Networking

5.1. Hostname resolution

The resolver reads the files named in /etc/nsswitch.conf in order.

For example, /etc/hosts looks like this:

    127.0.0.1 localhost
    127.0.1.1 host_name

Each line starts with an IP address followed by the names of that host.

The second line may not appear on other systems that have a permanent address.

5.2. Network interfaces

Interfaces are configured by the files under /etc/network.
"""


def test_a_hosts_file_heads_nothing() -> None:
    found = passages(read("net.txt", MANUAL.encode()), "net.txt")
    sections = {p.text[:30]: p.section for p in found}
    assert sections["Each line starts with an IP ad"] == "5.1. Hostname resolution"
    assert sections["The second line may not appear"] == "5.1. Hostname resolution"
    assert sections["Interfaces are configured by t"] == "5.2. Network interfaces"


def test_a_numbered_heading_of_four_levels_still_heads() -> None:
    text = MANUAL.replace("5.2. Network interfaces", "5.2.1.3 Network interfaces")
    found = passages(read("net.txt", text.encode()), "net.txt")
    assert {p.section for p in found if p.text.startswith("Interfaces")} == {
        "5.2.1.3 Network interfaces"
    }


LISTS = """\
Introduction to the mailing lists
=================================

  Anyone is able to subscribe on their own to any mailing list.

  To subscribe or unsubscribe from a mailing list, please send mail to

        <listname>-REQUEST@lists.example.org

  with the word `subscribe' or `unsubscribe' as subject.

  Please remember the -REQUEST part of the address.

  To build the program from its sources, run

        make install

  in the folder where you unpacked them.
"""


def test_a_sentence_set_around_an_address_is_one_passage() -> None:
    found = passages(read("lists.txt", LISTS.encode()), "lists.txt")
    texts = [p.text for p in found]
    assert (
        "To subscribe or unsubscribe from a mailing list, please send mail to "
        "<listname>-REQUEST@lists.example.org with the word `subscribe' or `unsubscribe' "
        "as subject."
    ) in texts
    # a command the words run into stays their code, shown as code
    (build,) = [p for p in found if p.text.startswith("To build")]
    assert build.kind == "code" and build.text.endswith("make install")


CANTEEN = """\
Canteen
=======

  The canteen opens at noon and closes at two.

  The following dishes are served every day in the canteen

        Tomato soup
        Rice with vegetables
        Apple pie

  Prices are shown at the counter.
"""


def test_short_lines_set_apart_under_a_sentence_are_kept_with_it() -> None:
    # Each too short to read alone, the three dishes were dropped: nothing said what is served.
    found = passages(read("canteen.txt", CANTEEN.encode()), "canteen.txt")
    (dishes,) = [p for p in found if p.text.startswith("The following dishes")]
    assert dishes.text.endswith("Tomato soup\nRice with vegetables\nApple pie")
