"""Mermaid sequence diagrams read as the words their pictures show, on Powertools for AWS Lambda
(TypeScript)'s "Batch Processing" page (fixtures/powertools, sources in fixtures/SOURCES.md).

Its diagrams tell how each processor handles a batch ("Lambda service->>SQS queue: Poll",
"Note over SQS queue,Lambda service: Process repeat"): labels a reader of the built page reads,
and the only place the page says some of it. Each stands in a "<center>" right over its fence,
which CommonMark ran on as raw HTML, so the diagram's source was quoted as text ("```mermaid
sequenceDiagram autonumber participant SQS queue …"). Other kinds of diagram (the page's state
diagram and user journey) stay pictures.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from readerfiles import parsed, texts

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read

PAGE = Path(__file__).parent / "fixtures" / "powertools" / "batch-excerpt.md"


def _page() -> ParsedDocument:
    return parsed(PAGE)


def test_a_sequence_diagram_reads_as_its_messages_and_notes() -> None:
    page = _page()
    standard = [block for block in page.blocks if block.section == "SQS Standard"]
    told = next(block for block in standard if block.text.startswith("Lambda service to SQS"))
    assert told.text == (
        "Lambda service to SQS queue: Poll. Lambda service to Lambda function: Invoke (batch"
        " event). Lambda function to Lambda service: Report some failed messages. Lambda service"
        " to SQS queue: Delete successful messages. SQS queue: Failed messages return. Note (SQS"
        " queue, Lambda service): Process repeat."
    )
    # the caption under the picture is text of its own
    assert "SQS mechanism with Batch Item Failures" in [block.text for block in standard]


def test_no_diagram_source_is_read_as_text() -> None:
    shown = " ".join(texts(_page()))
    assert "```mermaid" not in shown and "sequenceDiagram" not in shown
    assert "participant" not in shown and "activate" not in shown and "->>" not in shown
    # the state diagram and the journey are pictures: none of their labels are read
    assert "Collect results" not in shown and "Successful response: 5" not in shown


def test_a_question_on_a_diagrams_step_finds_it() -> None:
    """What only the diagram says: the stream's checkpoint moves to the failed item."""
    page = _page()
    kinesis = [
        block.text for block in page.blocks if block.section == "Kinesis and DynamoDB Streams"
    ]
    assert any(
        "Lambda service to Streams: Checkpoints to sequence number from 3rd batch item." in text
        for text in kinesis
    )


def _built_page() -> bytes:
    """The page as mkdocs-material builds it: each fence of the Markdown source a
    ``<pre class="mermaid"><code>`` holding the diagram's source, escaped."""
    source = PAGE.read_text(encoding="utf-8")
    fences = re.findall(r"```mermaid\n(.*?)```", source, flags=re.DOTALL)
    drawn = "".join(
        f'<pre class="mermaid"><code>{html.escape(fence)}</code></pre>\n' for fence in fences
    )
    return (
        "<html><head><title>Batch Processing</title></head><body><main><h1>Batch Processing</h1>"
        "<h2>SQS Standard</h2><p>The batch processor reports the items that failed.</p>"
        f"{drawn}<p>SQS mechanism with Batch Item Failures</p></main></body></html>"
    ).encode()


def test_the_built_pages_sequence_diagrams_read_as_the_sources_do() -> None:
    # <pre class="mermaid"> was dropped whole, a sequence diagram's messages with it.
    page = read("batch.html", _built_page())
    shown = [block.text for block in page.blocks]
    markdown = [block.text for block in _page().blocks if block.text.startswith("Lambda service")]
    assert [text for text in shown if text.startswith("Lambda service")] == markdown
    joined = " ".join(shown)
    assert "sequenceDiagram" not in joined and "Collect results" not in joined
