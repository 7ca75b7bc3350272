"""A long paragraph cut into several passages: each quote says which part it is, so a reader
given two quotes of one paragraph can find both. On the shipped corpus, whose "Military
Exchanges" ¶ 20 (2,040 characters) is indexed as two passages; through the real Application."""

from __future__ import annotations

from pathlib import Path

from tgfakes import Harness, RecordingRequest, html_problems, own_corpus, running_bot, visible

from bot.locales import available
from bot.render.citations import citation
from bot.services import services_of
from bot.settings import Settings

# Answered by the SECOND part of ¶ 20 of China's National Defense in 2004, Chapter IX.
QUESTION = "How many military students has the PLA sent abroad?"
SECOND = "004_ac3189a7eefc069c-21"  # its first part is …-20
LINE = "\n— "  # a Telegram answer's citation line starts so


async def test_the_second_part_of_a_long_paragraph_is_cited_as_part_2(bot: Harness) -> None:
    (answer,) = await bot.say(QUESTION)
    assert html_problems(answer.text) == []
    shown = visible(answer.text)
    cited = shown.split(LINE, 1)[1].split("\n", 1)[0]
    assert "Military Exchanges, ¶ 20, part 2 of 2" in cited, cited
    # The other part, further down, is cited as the first: two places a reader can find.
    assert "¶ 20, part 1 of 2:" in shown.split("Also relevant", 1)[1], shown
    # "Full passage" shows the paragraph whole: cited as the paragraph, no part of it.
    (full,) = await bot.press(answer, "Full passage")
    assert html_problems(full.text) == []
    assert "¶ 20" in visible(full.text) and "part" not in visible(full.text).split("\n")[1]
    assert "Over the past two years, 1,245 military personnel" in visible(full.text)
    assert "In October 2003, the PLA invited" in visible(full.text)


async def test_an_inline_result_and_a_quote_post_name_the_part(bot: Harness) -> None:
    inline = await bot.inline("military students sent abroad")
    results = inline.params["results"]
    first = next(r for r in results if "military students sent abroad" in r["description"])
    assert first["title"].endswith("¶ 20, part 2 of 2"), first["title"]
    posted = first["input_message_content"]["message_text"]
    assert html_problems(posted) == []
    assert "¶ 20, part 2 of 2" in visible(posted), visible(posted)
    (quoted,) = await bot.say_in_group(f"/quote {SECOND}")  # a passage posted by its id
    assert html_problems(quoted.text) == []
    assert "¶ 20, part 2 of 2" in visible(quoted.text), visible(quoted.text)


def test_every_language_tells_the_two_parts_apart(bot: Harness) -> None:
    library = services_of(bot.app.bot_data).library
    second = library.passage(SECOND)
    first = library.passage(SECOND.replace("-21", "-20"))
    assert first is not None and second is not None
    for code, t in available().items():
        one, two = citation(first, t), citation(second, t)
        # Both name ¶ 20 (the paragraph a reader counts), then which part, in the reader's words.
        assert "¶ 20" in one and "¶ 20" in two and one != two, (code, one, two)
        assert "2" in two.split("¶ 20", 1)[1] and "1" in one.split("¶ 20", 1)[1], (code, one)


# A treaty's article written as one paragraph of about 4,000 characters, as old treaties and
# minutes often are: indexed as three passages, too long to show whole in "Full passage".
ARTICLE = " ".join(
    [
        "Article 7. The Parties agree that the protection of the walrus herds of the northern",
        "coast shall be carried out jointly, and that each Party shall name a commissioner to",
        "the Joint Walrus Commission within ninety days of the signature of this Treaty.",
        "The Commission shall meet at least once a year, alternately in the capital of each",
        "Party, and its first meeting shall be held in the town of Vardø in the spring after",
        "the ratification. Each commissioner may bring up to four advisers, of whom at least",
        "one shall be a biologist familiar with the herds and one a representative of the",
        "coastal hunting communities. The Commission shall keep minutes of every meeting in",
        "the languages of both Parties, and the minutes shall be published within sixty days.",
        "Decisions of the Commission shall be taken by consensus; where no consensus can be",
        "reached after two consecutive meetings, the question shall be referred to the",
        "governments of the Parties through diplomatic channels. The Parties shall exchange,",
        "every year before the first of March, the counts of walrus made on their coasts in",
        "the previous season, stating the method of counting, the places counted and the",
        "number of calves observed. Where the counts of two consecutive years show a decline",
        "of more than one tenth, the Commission shall meet in extraordinary session within",
        "forty days and shall propose measures to restore the herds. Such measures may",
        "include the closing of hunting seasons, the setting aside of resting beaches where",
        "no person may land between the first of May and the thirtieth of September, and",
        "limits on the number of vessels permitted near the herds. The total catch allowed to",
        "each Party shall not exceed three hundred and twenty animals a year, of which no more",
        "than forty may be taken by vessels of more than twelve metres in length, and the",
        "catch of females with calves shall be forbidden at all times. Each Party shall keep a",
        "register of the walrus taken by its nationals, naming the vessel, the date, the",
        "place and the sex of every animal, and shall send a copy of the register to the",
        "Commission before the end of each year. Ivory taken from walrus shall be marked with",
        "a seal of the Party in whose waters the animal was taken, and no ivory without such a",
        "seal may be sold or exported by the nationals of either Party. The Parties shall",
        "assist each other in the inspection of vessels suspected of hunting in breach of this",
        "Article, and an inspector of one Party may board a vessel of the other Party in the",
        "waters covered by this Treaty when accompanied by an officer of that Party. Fines",
        "imposed for breaches of this Article shall be paid into a common fund administered by",
        "the Commission, which shall use the fund for research on the herds, for the training",
        "of inspectors and for the compensation of coastal communities that lose income",
        "because of the measures taken under this Article. The Commission shall report to the",
        "governments of the Parties every five years on the state of the herds, the measures",
        "taken and the use of the common fund, and the report shall be made public. The",
        "Parties shall encourage scientific cooperation on the walrus between their",
        "universities and museums, including the exchange of researchers and the joint",
        "publication of results, and shall facilitate the work of scientists of the other",
        "Party in their territory by granting visas and permits without delay. Nothing in this",
        "Article shall affect the right of the indigenous peoples of the northern coast to",
        "hunt walrus for their own subsistence, in the quantities and by the methods",
        "traditionally used, provided that the animals taken are entered in the register",
        "described above. This Article shall be reviewed by the Parties ten years after the",
        "entry into force of this Treaty, or earlier at the request of either Party when the",
        "Commission reports that the herds are in danger, and the review shall take account",
        "of the best scientific information then available on the walrus of the northern coast.",
    ]
)
TREATY = "Walrus Treaty\n\nThe Parties to this Treaty.\n\n" + ARTICLE + "\n\nArticle 8. Disputes.\n"


async def test_a_paragraph_too_long_to_show_whole_is_read_a_part_at_a_time(
    settings: Settings, request_layer: RecordingRequest, tmp_path: Path
) -> None:
    # "Full passage" of part 2 of 3 showed that part, said "part 2 of 3", and led nowhere:
    # the rest of the paragraph could not be read.
    own = own_corpus(settings, tmp_path, {"walrus-treaty.txt": TREATY})
    async with running_bot(own, request_layer) as bot:
        library = services_of(bot.app.bot_data).library
        (answer,) = await bot.say("How many walrus may each Party catch a year?")
        (full,) = await bot.press(answer, "Full passage")
        assert html_problems(full.text) == []
        shown = visible(full.text)
        assert ", part 2 of 3" in shown.split("\n")[1], shown
        assert "three hundred and twenty animals" in shown
        assert [b["text"] for b in full.buttons] == ["◀ Part 1", "Part 3 ▶"]
        (first,) = await bot.press(full, "◀ Part 1")
        assert ", part 1 of 3" in visible(first.text).split("\n")[1]
        assert [b["text"] for b in first.buttons] == ["Part 2 ▶"]
        (second,) = await bot.press(first, "Part 2 ▶")
        (last,) = await bot.press(second, "Part 3 ▶")
        assert ", part 3 of 3" in visible(last.text).split("\n")[1]
        assert [b["text"] for b in last.buttons] == ["◀ Part 2"]
        # Read part after part, the paragraph is all there.
        read = " ".join(" ".join(visible(m.text).split()) for m in (first, second, last))
        (document,) = library.documents()
        found = (library.passage(f"{document.key}-{n}") for n in range(1, 8))
        parts = [p for p in found if p is not None and p.part is not None]
        assert [p.part for p in parts] == [(1, 3), (2, 3), (3, 3)]
        assert all(" ".join(p.text.split()) in read for p in parts)
    # In every language, the buttons name the part they open.
    for code, t in available().items():
        assert "3" in t.BUTTON_PART_AFTER.format(part=3), code
        assert "1" in t.BUTTON_PART_BEFORE.format(part=1), code
