"""Small REFI-QDA files built in the test's own folder, and the paths of the real ones.

The real files (an NVivo 12.6 project, an ATLAS.ti 23.4 codebook) and the REFI-QDA schemas live in
``../shared/data`` (MIT licensed; see its README for their origin) and are read from there, never copied.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.conftest import SHARED_DATA

NVIVO = SHARED_DATA / "qdpx-real" / "nvivo-win-12.6_oltas0517.qdpx"
ATLAS_QDC = SHARED_DATA / "qdpx-real" / "atlasti-win-23.4.0_codebook_from_requal_test.qdc"
XSD_DIR = SHARED_DATA / "refi-qda-spec"
PROJECT_XSD = XSD_DIR / "Project-mrt2019.xsd"
CODEBOOK_XSD = XSD_DIR / "Codebook-mrt2019.xsd"

USER = "11111111-1111-4111-8111-111111111111"
ATLAS_USER = "22222222-2222-4222-8222-222222222222"
PARENT = "33333333-3333-4333-8333-333333333333"
CHILD = "44444444-4444-4444-8444-444444444444"
SOURCE = "55555555-5555-4555-8555-555555555555"
SELECTION = "66666666-6666-4666-8666-666666666666"
CODING = "77777777-7777-4777-8777-777777777777"
NOTE = "88888888-8888-4888-8888-888888888888"
CASE = "99999999-9999-4999-8999-999999999999"
VARIABLE = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
SET = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"

#: A transcript as another program stores it: CRLF line ends, a decomposed accent, an emoji.
RAW_TEXT = "Interviewer: How was it?\r\nP01: Cafe\u0301 visits 🙂 helped a lot.\r\nInterviewer: Thanks.\r\n"
#: "helped a lot" in code points of RAW_TEXT (what a standard program writes).
HELPED = (RAW_TEXT.index("helped"), RAW_TEXT.index("helped") + len("helped a lot"))


def project_xml(body: str, *, origin: str = "QualCoder 3.5", name: str = "Small study",
                namespace: str = "urn:QDA-XML:project:1.0") -> str:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="{namespace}" name="{name}" '
        f'origin="{origin}" creatingUserGUID="{USER}">\n{body}\n</Project>\n'
    )


def small_body(*, start: int = HELPED[0], end: int = HELPED[1], source_path: str = f"internal://{SOURCE}.txt",
               users: str = "", code_name: str = "Peer support", coder: str = USER) -> str:
    """One user, a code under a folder, a text source with one coded selection, a note on the coding,
    a case with a variable value, and a set."""
    return f"""
  <Users><User guid="{USER}" name="Robin Lee"/>{users}</Users>
  <CodeBook><Codes>
    <Code guid="{PARENT}" name="Support" isCodable="false" color="#3366FF">
      <Description>Help of any kind</Description>
      <Code guid="{CHILD}" name="{code_name}" isCodable="true" color="#36F"/>
    </Code>
  </Codes></CodeBook>
  <Variables><Variable guid="{VARIABLE}" name="Age band" typeOfVariable="Text"/></Variables>
  <Cases><Case guid="{CASE}" name="P01">
    <VariableValue><VariableRef targetGUID="{VARIABLE}"/><TextValue>25-34</TextValue></VariableValue>
    <SourceRef targetGUID="{SOURCE}"/>
  </Case></Cases>
  <Sources>
    <TextSource guid="{SOURCE}" name="P01 interview" plainTextPath="{source_path}" creatingUser="{USER}"
        creationDateTime="2024-03-01T10:00:00Z">
      <PlainTextSelection guid="{SELECTION}" name="" startPosition="{start}" endPosition="{end}"
          creatingUser="{coder}" creationDateTime="2024-03-02T11:00:00Z">
        <Coding guid="{CODING}" creatingUser="{coder}" creationDateTime="2024-03-02T11:00:00Z">
          <CodeRef targetGUID="{CHILD}"/>
          <NoteRef targetGUID="{NOTE}"/>
        </Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
  <Notes><Note guid="{NOTE}" name="Why peer support" creatingUser="{USER}" creationDateTime="2024-03-03T09:00:00Z">
    <PlainTextContent>Why peer support\n\nShe names the group, not the service.</PlainTextContent>
  </Note></Notes>
  <Sets><Set guid="{SET}" name="Candidate theme"><MemberCode targetGUID="{CHILD}"/></Set></Sets>
"""


def make_qdpx(path: Path, qde: str | bytes, files: dict[str, bytes] | None = None,
              qde_name: str = "project.qde") -> Path:
    """A zip at ``path`` holding ``qde`` as ``qde_name`` and ``files`` (entry name -> bytes)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(qde_name, qde if isinstance(qde, bytes) else qde.encode("utf-8"))
        for name, data in (files or {}).items():
            archive.writestr(name, data)
    return path


def small_qdpx(path: Path, *, folder: str = "Sources", **options: object) -> Path:
    """The small project with its text in ``folder``/<guid>.txt."""
    return make_qdpx(path, project_xml(small_body(**options)),  # type: ignore[arg-type]
                     {f"{folder}/{SOURCE}.txt": RAW_TEXT.encode("utf-8")})
