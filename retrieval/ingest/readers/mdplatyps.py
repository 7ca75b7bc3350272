"""A cmdlet parameter's metadata in platyPS's Markdown (PowerShell's reference), read as fields.

platyPS writes each parameter of a cmdlet as a heading, its description, then its metadata in a
YAML block::

    ### -Depth

    Specifies how many levels of contained objects are included …

    ```yaml
    Type: System.Int32
    Parameter Sets: (All)
    Aliases:

    Required: False
    Position: Named
    Default value: 2
    Accept pipeline input: False
    Accept wildcard characters: False
    ```

Learn shows that block as a table of the parameter's facts, not as code. Read as code, it was
glued under the description (nine lines of it in every quote of a parameter, a tester found),
and it did not name the parameter it describes: "Default value: 2" of what? It is read as a
paragraph of its own, the parameter's name (its heading) over its fields, one a line, the empty
ones ("Aliases:") left out: "-Depth", "Type: System.Int32", …, "Default value: 2".

Only a block made of platyPS's keys alone is read so, with at least :data:`FEWEST_KEYS` of them;
any other YAML stays code.
"""

from __future__ import annotations

import re

# The keys platyPS (0.14, the reference's format) writes in a parameter's block.
_KEYS = frozenset(
    {
        "type",
        "parameter sets",
        "aliases",
        "required",
        "position",
        "default value",
        "accept pipeline input",
        "accept wildcard characters",
        "accepted values",
        "applicable",
        "dynamic",
    }
)
FEWEST_KEYS = 4  # fewer are some other YAML that happens to say "Type:"
_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]*?):(?:[ \t]+(?P<value>\S.*?))?[ \t]*$")
_PARAMETER = re.compile(r"^-\w+$")  # "-Depth": a parameter's heading


def fields(info: str, code: str, heading: str) -> str | None:
    """The paragraph a platyPS parameter block (a fence ``info``, ``code``) reads as under
    ``heading``, or None for a block that is no such thing."""
    if info.strip().lower() not in ("yaml", "yml", ""):
        return None
    found: list[tuple[str, str]] = []
    for line in code.split("\n"):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if match is None or match["key"].lower() not in _KEYS:
            return None
        found.append((match["key"], match["value"] or ""))
    if len(found) < FEWEST_KEYS:
        return None
    lines = [f"{key}: {value}" for key, value in found if value]
    name = heading.strip()
    return "\n".join([name, *lines] if _PARAMETER.match(name) else lines)
