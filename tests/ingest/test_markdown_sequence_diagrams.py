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

from pathlib import Path

from readerfiles import parsed, texts

from retrieval.ingest.parsed import ParsedDocument

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
