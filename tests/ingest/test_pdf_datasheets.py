"""Datasheets and application notes (found by a new admin's tryout with FTDI's and Broadcom's
PDFs): running headers of several lines, figures' labels and captions, tables' header rows,
title pages with a company line over the title.

The PDFs are generated here, in the shapes those files have: Helvetica and Helvetica-Bold, lines
placed where the datasheets place them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pdfmaker import pdf_file, titled

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read


@dataclass(frozen=True)
class Set:
    """A line of text at (x, y) from the page's bottom left, in its size, bold or not."""

    x: float
    y: float
    text: str
    size: float = 9.0
    bold: bool = False


def _pdf(pages: Sequence[Sequence[Set]]) -> bytes:
    """A PDF of A4 pages in Helvetica (F1) and Helvetica-Bold (F2)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding %s >>" % _ENCODING,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding %s >>" % _ENCODING,
    ]
    kids = []
    for page in pages:
        stream = b"".join(_shown(line) for line in page)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
            b" /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>" % len(objects)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return pdf_file(objects)


# Windows-1252, with a ballot box (☐, which it lacks) at a code it leaves free.
_ENCODING = b"<< /BaseEncoding /WinAnsiEncoding /Differences [129 /uni2610] >>"


def _shown(line: Set) -> bytes:
    raw = b"".join(b"\x81" if ch == "☐" else ch.encode("cp1252") for ch in line.text)
    font, codes = 2 if line.bold else 1, raw.hex().encode()
    return b"BT /F%d %.1f Tf %.1f %.1f Td <%s> Tj ET\n" % (font, line.size, line.x, line.y, codes)


_PROSE = [
    "The device has two independent channels, each of which can be set up as a UART, a FIFO",
    "or a synchronous serial engine. The configuration is read from the EEPROM at power up,",
    "and each channel keeps its own buffers, so that one can stream data while the other",
    "waits for a command from the host over the bus.",
]


def _header() -> list[Set]:
    """FTDI's running header: three lines at the top of every page."""
    return [
        Set(184, 799, "FT2232H Dual High Speed USB to Multipurpose UART/FIFO IC", 9, True),
        Set(493, 788, "Version 2.6", 9, True),
        Set(365, 771, "Document No.: FT_000061 Clearance No.: FTDI#77", 7),
    ]


def _page(number: int, heading: str) -> list[Set]:
    prose = _PROSE[number % 4 :] + _PROSE[: number % 4]  # no page's text the same as another's
    body = [Set(57, 700 - 11 * i, line) for i, line in enumerate(prose)]
    footer = Set(57, 28, f"Copyright (c) Future Technology Devices International Limited {number}")
    return [*_header(), Set(57, 734, heading, 13, True), *body, footer]


def _read(pages: Sequence[Sequence[Set]]) -> ParsedDocument:
    return read("datasheet.pdf", _pdf(pages))


def test_a_running_header_of_three_lines_is_dropped_whole() -> None:
    # "Document No.: FT_000061 Clearance No.: FTDI#77", the header's third line, opened the
    # first paragraph of each of the datasheet's 68 pages and showed in answers.
    headings = ["1 Typical Applications", "2 Block Diagram", "3 Pin Out", "4 Function"]
    document = _read([_page(n, h) for n, h in enumerate(headings, start=1)])
    text = " ".join(block.text for block in document.blocks)
    assert "Document No." not in text and "Version 2.6" not in text
    firsts = [next(b for b in document.blocks if b.section == h) for h in headings]
    assert [block.text.split()[:2] for block in firsts] == [
        ["or", "a"],
        ["and", "each"],
        ["waits", "for"],
        ["The", "device"],
    ]


def test_a_title_printed_only_in_the_running_header_is_kept_from_the_properties() -> None:
    # TCPDF's example (pdf.js's standard_fonts.pdf), properties "TCPDF Example 055", prints its
    # title only in a three-line running header; once the header went, the title was judged a
    # stray, not on page 1, and its first heading ("FONT: courier") titled the document.
    title = "FT2232H Dual High Speed USB to Multipurpose UART/FIFO IC"
    headings = ["Typical Applications", "Block Diagram", "Pin Out", "Function"]
    pages = [_page(n, h) for n, h in enumerate(headings, start=1)]
    document = read("datasheet.pdf", titled(_pdf(pages), title))
    assert document.title == title
    text = " ".join(block.text for block in document.blocks)
    assert "Dual High Speed" not in text and "Version 2.6" not in text  # the header stays out
    assert {"Block Diagram", "Pin Out", "Function"} <= {b.section for b in document.blocks}


def test_under_a_title_printed_only_in_the_running_header_page_1s_heading_heads_its_text() -> None:
    # With the title in the header only, page 1 is no title page: "Typical Applications", set
    # large above page 1's text, was read as a subtitle of the title page, and its paragraph
    # stood under no section (standard_fonts.pdf's "FONT: courier").
    pages = [_page(n, h) for n, h in enumerate(["Typical Applications", "Block Diagram"], 1)]
    document = read("datasheet.pdf", titled(_pdf(pages), "FT2232H Dual High Speed USB"))
    assert document.title == "FT2232H Dual High Speed USB"
    assert document.blocks[0].section == "Typical Applications"
    assert document.blocks[0].text.startswith("or a synchronous serial engine.")


def test_a_figures_labels_and_its_caption_head_nothing() -> None:
    # FT2232H's LED figure: a resistor's "220R", "LED" and the chip's name set bold inside the
    # drawing, over "Figure 4.22 Single LED UART Configuration" (no colon after the number):
    # each was a heading, and the text after the figure was cited "220R › Figure 4.22 …".
    page = [
        *_header(),
        Set(57, 734, "4.11 RS232 UART Mode LED Interface Description", 13, True),
        *(Set(57, 712 - 11 * i, line) for i, line in enumerate(_PROSE)),
        Set(377, 640, "VCCIO", 9.7, True),
        Set(295, 600, "LED", 13, True),
        Set(297, 560, "220R", 9.7, True),
        Set(211, 530, "FT2232H", 13, True),
        Set(235, 500, "TXLED#", 9.7, True),
        Set(190, 460, "Figure 4.22 Single LED UART Configuration", 9, True),
        Set(57, 430, "In Figure 4.22, the transmit and receive LED indicators are wire-OR'ed"),
        Set(57, 419, "together to give a single LED indicator."),
    ]
    document = _read([page, _page(2, "4.12 Send Immediate"), _page(3, "4.13 Mode Selection")])
    sections = {block.section for block in document.blocks} | {
        name for block in document.blocks for name in block.above
    }
    assert sections & {"220R", "LED", "FT2232H", "VCCIO", "TXLED#"} == set()
    assert not any(str(name).startswith("Figure") for name in sections)
    after = next(b for b in document.blocks if "In Figure 4.22" in b.text)
    assert after.section == "4.11 RS232 UART Mode LED Interface Description"


_COLUMNS = (73, 130, 210, 440, 480)


def _row(y: float, cells: Sequence[str], bold: bool = False) -> list[Set]:
    """A table's row: its cells at their columns' x, wide gaps between them."""
    return [Set(x, y, text, 9, bold) for x, text in zip(_COLUMNS, cells, strict=True)]


def test_a_tables_header_row_whose_rows_were_not_found_heads_nothing() -> None:
    # BCM2835's register tables: the header row "Bit(s) Field Name Description Type Reset" set
    # bold over a single row at a page's foot headed the text after it, in place of the heading
    # "GPIO Function Select Registers (GPFSELn)" above it.
    page = [
        Set(57, 734, "6.1 Register View", 13, True),
        *(Set(57, 712 - 11 * i, line) for i, line in enumerate(_PROSE)),
        Set(163, 640, "GPIO Function Select Registers (GPFSELn)", 9, True),
        *_row(610, ("Bit(s)", "Field Name", "Description", "Type", "Reset"), True),
        *_row(596, ("31-30", "---", "Reserved", "R", "0")),
        Set(57, 560, "The function select registers are used to define the operation of the"),
        Set(57, 549, "general-purpose I/O pins."),
    ]
    document = _read([page, _page(2, "6.2 Alternative Function Assignments")])
    sections = {block.section for block in document.blocks}
    assert "Bit(s) Field Name Description Type Reset" not in sections
    synopsis = next(b for b in document.blocks if "function select registers" in b.text)
    assert synopsis.section == "GPIO Function Select Registers (GPFSELn)"


def test_a_chapter_set_larger_than_the_tables_is_text_not_headings() -> None:
    # BCM2835: the chapters' text is set in 12 pt, the register tables' many descriptions in
    # 10 pt, so 10 pt was the body and every line of a chapter "large type": the sentence "The
    # block diagram for an individual GPIO pin is given below :" headed the chapter's text.
    tables = [
        [Set(73, 760 - 11 * i, f"{i}:{i} FIELD{i} {_PROSE[i % 4]}", 8) for i in range(60)]
        for _ in range(2)
    ]
    chapter = [
        Set(72, 728, "6 General Purpose I/O (GPIO)", 14, True),
        Set(72, 705, "There are 54 general-purpose I/O (GPIO) lines split into two banks. All", 12),
        Set(72, 691, "GPIO pins have at least two alternative functions within the chip, and", 12),
        Set(72, 677, "a single peripheral may appear in each bank to allow flexibility.", 12),
        Set(72, 650, "The block diagram for an individual GPIO pin is given below :", 12),
        Set(72, 400, "The GPIO peripheral has three dedicated interrupt lines. They are", 12),
        Set(72, 386, "triggered by the setting of bits in the event detect status register.", 12),
    ]
    document = _read([*tables, chapter])
    sections = {block.section for block in document.blocks}
    assert "The block diagram for an individual GPIO pin is given below :" not in sections
    lines = next(b for b in document.blocks if "dedicated interrupt lines" in b.text)
    assert lines.section == "6 General Purpose I/O (GPIO)"


def test_a_tables_row_printed_twice_in_a_row_is_read_once() -> None:
    # BCM2835's register table prints GPFSEL0's row twice: a search for GPFSEL0 found the
    # same row twice in its top three.
    rows = [
        ("0x7E200000", "GPFSEL0", "Function Select 0", "32", "R/W"),
        ("0x7E200000", "GPFSEL0", "Function Select 0", "32", "R/W"),
        ("0x7E200004", "GPFSEL1", "Function Select 1", "32", "R/W"),
        ("0x7E200008", "GPFSEL2", "Function Select 2", "32", "R/W"),
    ]
    page = [
        Set(57, 734, "6.1 Register View", 13, True),
        *(Set(57, 712 - 11 * i, line) for i, line in enumerate(_PROSE)),
        *_row(640, ("Address", "Field Name", "Description", "Size", "Read/Write"), True),
        *(cell for i, row in enumerate(rows) for cell in _row(622 - 18 * i, row)),
    ]
    document = _read([page, _page(2, "6.2 Alternative Function Assignments")])
    table = [b.text for b in document.blocks if b.kind == "table"]
    assert len(table) == 3 and sum("GPFSEL0" in row for row in table) == 1


def test_a_title_page_is_titled_by_its_largest_type_not_the_company_line_above() -> None:
    # AN_108 (no Title property): "Future Technology Devices International Ltd." in 18 pt
    # over "Application Note AN_108" in 20 pt and the title in 22 pt; every citation of the
    # note started with the company's name.
    cover = [
        Set(70, 499, "Future Technology Devices International Ltd.", 18, True),
        Set(157, 459, "Application Note AN_108", 20, True),
        Set(79, 420, "Command Processor for MPSSE and", 22, True),
        Set(104, 393, "MCU Host Bus Emulation Modes", 22, True),
        Set(194, 354, "Document Reference No.: FT_000109", 10, True),
        Set(58, 234, "This document provides details of the op-codes used to control the Multi"),
        Set(80, 223, "Purpose Synchronous Serial Engine (MPSSE) mode of the FT2232H."),
    ]
    document = _read([cover, _page(2, "1 Overview"), _page(3, "2 Data and Clock Definition")])
    assert document.title == "Command Processor for MPSSE and MCU Host Bus Emulation Modes"
    front = " ".join(block.text for block in document.blocks if block.page == 1)
    assert "Future Technology Devices International Ltd." in front
    assert "Application Note AN_108" in front


def test_a_check_box_step_set_large_and_bold_heads_its_instructions_whole() -> None:
    # A kit's manual (iambino): each step a check box and its name in 18 pt bold over its
    # instructions in 12 pt. The box made each step a list's item, so only a step's second
    # line ("Transistors", "Jumper", "ICs") was a heading, and later steps were cited under it.
    def step(top: float, name: Sequence[str], text: str) -> list[Set]:
        lines = [
            Set(38 if i == 0 else 56, top - 25 * i, part, 18, True) for i, part in enumerate(name)
        ]
        return [*lines, Set(36, top - 25 * len(name) - 6, text, 12)]

    page = [
        *step(712, ["☐ Axial Capacitors and", "Transistors"], "The capacitors are axial."),
        Set(48, 620, "☐ C4-C6 - 0.1uF", 12),
        *step(560, ["☐ Speaker"], "This is the most difficult part of assembly."),
        *step(460, ["☐ Arduino Pins and MCW", "Jumper"], "Use wire cutters to break the header."),
    ]
    cover = [
        Set(38, 712, "Iambic Keyer Shield", 26, True),
        *(Set(36, 680 - 14 * i, t, 12) for i, t in enumerate(_PROSE)),
    ]
    document = _read([cover, page])
    sections = [block.section for block in document.blocks if block.page == 2]
    assert sections[0] == "Axial Capacitors and Transistors"
    speaker = next(b for b in document.blocks if b.text.startswith("This is the most difficult"))
    assert speaker.section == "Speaker"
    assert "Arduino Pins and MCW Jumper" in sections


def test_in_a_manual_set_wholly_in_bold_a_sentence_goes_on_and_a_display_heads_nothing() -> None:
    # Pavimenta2's manual reports every font as bold: a paragraph was cut mid-sentence where
    # its next line opened with "(" ("… en física" / "(radiometría, óptica y diseño de …"), and
    # the import a sentence introduces with a colon headed the rest of the chapter.
    def bold(y: float, line: str) -> Set:
        return Set(107, y, line, 9.3, True)

    cover = [Set(107, 760, "PAVIMENTA2 MANUAL DE USO", 20, True)]
    cover += [bold(700 - 13 * i, line) for i, line in enumerate(_PROSE)]
    chapter = [
        Set(107, 734, "FLUJOS DE TRABAJO", 12, True),
        bold(
            712, "Los modelos que usamos en visión artificial se desarrollan a menudo en la física"
        ),
        bold(
            696.7, "(radiometría, óptica y diseño de sensores) y en gráficos por computadora. Ambos"
        ),
        bold(685.4, "campos modelan cómo se mueven los objetos, a medida que la luz se refleja en"),
        bold(
            672.0, "sus superficies y se proyecta en un plano de imagen."
        ),  # (spaced as the manual is)
        bold(660, "El flujo de trabajo se utiliza usando los métodos provistos por la librería:"),
        bold(638, "from pavimentados.processing.workflows import Workflow_Processor"),
        bold(600, "Al importarlo se tiene acceso a sus métodos y propiedades. Para generar uno"),
        bold(587, "se instancia como cualquier otro método de python."),
    ]
    last = [Set(107, 734, "ENLACES", 12, True)]
    last += [bold(712 - 13 * i, line) for i, line in enumerate(_PROSE)]
    document = _read([cover, chapter, last])
    physics = next(b for b in document.blocks if "a menudo en la física" in b.text)
    assert "a menudo en la física (radiometría, óptica" in physics.text
    sections = {block.section for block in document.blocks}
    assert not any("import" in str(section) for section in sections)
    after = next(b for b in document.blocks if b.text.startswith("Al importarlo"))
    assert after.section == "FLUJOS DE TRABAJO"
