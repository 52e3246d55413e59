"""An attack tester put a secret body's name in the JPEG comment of the book's cover (`cover:`) and of a 题词 plate
(`plates:`); WeasyPrint embedded both files byte for byte, so zhi.pdf held the name. The cover and plates are now
given to the PDF as their pixels alone (chapterimages.stripped), as the site's chapter images are."""

import io
import subprocess
from pathlib import Path

from conftest import make_archive, write
from PIL import Image
from weasyprint import HTML
from zhi.editions import filter_archive
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.writers.book import BookWriter

ROOT = Path(__file__).resolve().parents[1]
CANARY = "县赭鸮六号联络站"


def _jpeg_with_comment(text: str, encoding: str) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (185, 260), (120, 130, 140)).save(buf, "JPEG", comment=text.encode(encoding))
    return buf.getvalue()


def test_the_cover_and_plates_reach_the_pdf_without_their_metadata(tmp_path):
    root = make_archive(tmp_path)
    (root / "chronicle" / "fengmian.jpg").write_bytes(_jpeg_with_comment(CANARY, "utf-8"))
    (root / "chronicle" / "tici.jpg").write_bytes(_jpeg_with_comment(CANARY, "gb18030"))
    assert CANARY.encode("utf-8") in (root / "chronicle" / "fengmian.jpg").read_bytes()
    book = (root / "chronicle" / "book.yaml").read_text(encoding="utf-8")
    write(root, "chronicle/book.yaml", book + "\ncover: fengmian.jpg\nplates: [tici.jpg]\n")
    a = load_archive(root)
    ed = filter_archive(a, "public")
    w = BookWriter(ed, derive_history(ed), ROOT / "theme", "public")
    page = w.document("front", w.parts(None).front, [])
    assert "fengmian.jpg" not in page and "tici.jpg" not in page    # the editor's files are not what the PDF reads
    out = tmp_path / "front.pdf"
    HTML(string=page, base_url=str(root)).write_pdf(out)
    listed = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert len([line for line in listed.splitlines()[2:] if line.strip()]) >= 2, listed   # both pictures are there
    pdf = out.read_bytes()
    for encoding in ("utf-8", "gb18030", "utf-16-be"):
        assert CANARY.encode(encoding) not in pdf, encoding
