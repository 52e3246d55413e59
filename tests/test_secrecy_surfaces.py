"""Parts of the outputs the leak scan did not read (attacked): the addresses of a DOCX's links (kept in its
relationships, word/_rels/document.xml.rels, not in document.xml) and a PDF's link addresses and named
destinations (an anchor is a record's id; neither is in the page's text, its outline or its metadata). A link to a
withheld record's page in the book reached the DOCX and the PDF unread."""

import zipfile

from zhi.leaks import file_text, scan

SECRET_ID = "cs-luzhou"


def test_a_docx_links_address_is_read(tmp_path):
    docx = tmp_path / "zhi.docx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("word/document.xml", '<w:document><w:body><w:p><w:hyperlink r:id="rId9"><w:r><w:t>见该机构</w:t>'
                                        '</w:r></w:hyperlink></w:p></w:body></w:document>')
        z.writestr("word/_rels/document.xml.rels",
                   '<Relationships><Relationship Id="rId9" Type="hyperlink" '
                   f'Target="https://example.org/jigou/{SECRET_ID}/" TargetMode="External"/></Relationships>')
    assert SECRET_ID in file_text(docx)
    assert [(x.file, x.what) for x in scan(tmp_path, {SECRET_ID: "机构 cs-luzhou，秘密"})] == [("zhi.docx", SECRET_ID)]


def test_a_pdfs_link_addresses_and_destinations_are_read(tmp_path):
    from weasyprint import HTML

    pdf = tmp_path / "zhi.pdf"
    HTML(string=f'<p><a href="https://example.org/jigou/{SECRET_ID}/">见该机构</a></p>'
                '<p><a href="#d-lz-anchor">见下文</a></p><h2 id="d-lz-anchor">下文</h2>').write_pdf(pdf)
    text = file_text(pdf)
    assert SECRET_ID in text and "d-lz-anchor" in text
    assert "见该机构" in text
    found = [(x.file, x.what) for x in scan(tmp_path, {SECRET_ID: "机构 cs-luzhou，秘密", "d-lz-anchor": "文件 d-lz，秘密"})]
    assert sorted(found) == [("zhi.pdf", SECRET_ID), ("zhi.pdf", "d-lz-anchor")], found


def test_a_level_under_a_tag_that_cannot_read_it_is_the_level_as_written_not_a_crash(tmp_path):
    """`classification: !!bool 秘密` stopped zhi check with a Python KeyError (an editor saw a traceback, and
    nothing was built); the value is read as written, so the record is 秘密 and withheld."""
    from conftest import make_archive, write
    from zhi.checks import run_checks
    from zhi.editions import filter_archive
    from zhi.loader import load_archive

    root = make_archive(tmp_path)
    write(root, "sources/bodies/zz.yaml", "- {id: cs-a, kind: 其他, classification: !!bool 秘密}\n"
                                           "- {id: cs-b, kind: 其他, classification: !!int 内部}\n")
    a = load_archive(root)
    list(run_checks(a))
    assert str(a.bodies["cs-a"].classification) == "秘密" and str(a.bodies["cs-b"].classification) == "内部"
    assert "cs-a" not in filter_archive(a, "internal").bodies and "cs-b" not in filter_archive(a, "public").bodies
