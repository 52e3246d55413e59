"""保密观 at check time for every text an editor types into a record (tester's finding): a classification mark
(``mark-word``) and a secret record's name (``secret-shared``) typed into any field that prints are named by
``zhi check`` with the file and the line, before the build's leak scan would stop them.

The fields are not listed twice: ``Fields`` keeps every text it reads in ``Record.typed`` and the checks read
that. This test plants a mark and a secret name in each text field of every record kind, and fails when a key is
added to an event's schema (``EVENT_KEYS``) without being planted here or said not to be text."""

import pytest
from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.eventshapes import EVENT_KEYS, NEW_BODY_KEYS
from zhi.loader import EVENT_COMMON, load_archive

SECRET = "柳青岚"                       # a person whose record is 秘密
PLANT = f"{SECRET}（秘密）"            # the secret name and a mark, typed into one field

# record kind folder → (file name, record text with {P} where the plant goes, on a line of its own)
EVENT = "- id: ev-t\n  date: 1990\n  sources: [d-1984-7]\n"
CASES: dict[str, tuple[str, str]] = {
    # events: type → the keys planted (each its own record)
    "wording": ("events", EVENT + "  type: rename\n  body: cs-jiwei\n  name: 测试县计划局\n  wording: {P}\n"),
    "name": ("events", EVENT + "  type: rename\n  body: cs-jiwei\n  name: {P}\n"),
    "short": ("events", EVENT + "  type: rename\n  body: cs-jiwei\n  name: 测试县计划局\n  short: {P}\n"),
    "rank": ("events", EVENT + "  type: rerank\n  body: cs-jiwei\n  rank: {P}\n"),
    "second_names": ("events", EVENT + "  type: establish\n  body: cs-new\n  name: 测试县新局\n"
                                       "  second_names:\n    - {P}\n"),
    "takes_over_wording": ("events", EVENT + "  type: establish\n  body: cs-new\n  name: 测试县革命委员会\n"
                                             "  takes_over: [cs-zhengfu]\n  takes_over_wording: 取代…{P}\n"),
    "places": ("events", EVENT + "  type: cede\n  from: cs-xian\n  to: cs-xian\n  places:\n    - {P}\n"),
    "divisions": ("events", EVENT + "  type: divisions\n  body: cs-xian\n  divisions:\n    {P}: 3\n"),
    "functions": ("events", EVENT + "  type: transfer\n  from: cs-jiwei\n  to: cs-jingwei\n  functions:\n"
                                    "    - {P}\n"),
    "seat": ("events", EVENT + "  type: seat\n  body: cs-xian\n  seat: {P}\n"),
    "seat_before": ("events", EVENT + "  type: move-seat\n  body: cs-xian\n  seat: 城关镇\n  seat_before: {P}\n"),
    "by": ("events", EVENT + "  type: unofficial-name\n  body: cs-jiwei\n  name: 测试县计划站\n  by: {P}\n"),
    "scope": ("events", EVENT + "  type: body-count\n  body: cs-xian\n  count: 30\n  scope: {P}\n"),
    "excludes": ("events", EVENT + "  type: body-count\n  body: cs-xian\n  count: 30\n  scope: 政府工作部门\n"
                                   "  excludes:\n    - {P}\n"),
    "planned": ("events", EVENT + "  type: body-count\n  body: cs-xian\n  count: 30\n  scope: 政府工作部门\n"
                                  "  planned: {P}\n"),
    "with_scope": ("events", EVENT + "  type: co-locate\n  body: cs-xian\n  count: 3\n  scope: 县直机关\n"
                                     "  with: cs-xian\n  with_scope: {P}\n"),
    "powers": ("events", EVENT + "  type: authority\n  body: cs-xian\n  powers: {P}\n"),
    "members": ("events", EVENT + "  type: members\n  body: cs-jiwei\n  members:\n    {P}: 12\n"),
    "subordinates": ("events", EVENT + "  type: members\n  body: cs-jiwei\n  subordinates:\n    {P}: 2\n"),
    "units": ("events", EVENT + "  type: members\n  body: cs-jiwei\n  units:\n    - {P}\n"),
    "posts": ("events", EVENT + "  type: members\n  body: cs-jiwei\n  posts:\n    - {P}\n"),
    "of_which": ("events", EVENT + "  type: members\n  body: cs-jiwei\n  members:\n    会员: 12\n  of_which:\n"
                                   "    {P}: 2\n"),
    "before": ("events", EVENT + "  type: merge\n  before:\n    - cs-jiwei\n    - id: cs-jingwei\n"
                                 "      as: {P}\n  after: cs-jiwei\n"),
    "after": ("events", EVENT + "  type: split\n  before: cs-jiwei\n  after:\n    - cs-jiwei\n"
                                "    - id: cs-new2\n      name: {P}\n"),
    "staffing": ("events", EVENT + "  type: staffing\n  body: cs-jiwei\n  staffing:\n    编制: 3\n    领导职数:\n"
                                   "      {P}: 1\n"),
    "note": ("events", EVENT + "  type: add-name\n  body: cs-jiwei\n  name: 测试县计划站\n  note: {P}\n"),
    "conflict_note": ("events", EVENT + "  type: add-name\n  body: cs-jiwei\n  name: 测试县计划站\n"
                                        "  conflict_note: {P}\n"),
    "group": ("events", EVENT + "  type: add-name\n  body: cs-jiwei\n  name: 测试县计划站\n  group: {P}\n"),
    "sources": ("events", ("- id: ev-t\n  date: 1990\n  type: add-name\n  body: cs-jiwei\n  name: 测试县计划站\n"
                          "  sources:\n    - doc: d-1984-7\n      note: {P}\n")),
    "sources.name": ("events", ("- id: ev-t\n  date: 1990\n  type: add-name\n  body: cs-jiwei\n  name: 测试县计划站\n"
                               "  sources:\n    - doc: d-1984-7\n      name: {P}\n")),
    "staffing.范围": ("events", EVENT + "  type: staffing\n  body: cs-jiwei\n  staffing:\n    编制: 3\n"
                                       "    范围: {P}\n"),
    # the other record kinds
    "body.note": ("bodies", "id: cs-t\nkind: 其他\nnote: {P}\n"),
    "body.functions": ("bodies", "id: cs-t\nkind: 其他\nfunctions:\n  - {P}\n"),
    "body.units": ("bodies", "id: cs-t\nkind: 其他\nunits:\n  - {P}\n"),
    "body.units.name": ("bodies", "id: cs-t\nkind: 其他\nunits:\n  - name: {P}\n"),
    "body.units.note": ("bodies", "id: cs-t\nkind: 其他\nunits:\n  - name: 办公室\n    note: {P}\n"),
    "body.units.renamed_from": ("bodies", ("id: cs-t\nkind: 其他\nunits:\n  - name: 办公室\n    from: 1990\n"
                                          "    renamed_from: {P}\n")),
    "body.units.merged_from": ("bodies", ("id: cs-t\nkind: 其他\nunits:\n  - name: 办公室\n    from: 1990\n"
                                         "    merged_from:\n      - 秘书股\n      - {P}\n")),
    "body.units.wording": ("bodies", ("id: cs-t\nkind: 其他\nunits:\n  - name: 办公室\n    from: 1990\n"
                                     "    merged_from: [秘书股, 文书股]\n    wording: {P}\n")),
    "body.names": ("bodies", "id: cs-t\nscope: out\nnames:\n  - name: {P}\n    from: 1990\n"),
    "jurisdiction.note": ("jurisdictions", "id: cs-t\nlevel: 县\nnote: {P}\n"),
    "jurisdiction.distinguish": ("jurisdictions", "id: cs-t\nlevel: 县\ndistinguish: {P}\n"),
    "body.distinguish": ("bodies", "id: cs-t\nkind: 其他\n区别语: {P}\n"),
    "document.title": ("documents", "id: d-t\nissuer: 测试县人民委员会\ndate: 1990\ntitle: {P}\n"),
    "document.issuer": ("documents", "id: d-t\nissuer: {P}\ndate: 1990\ntitle: 关于什么的通知\n"),
    "document.description": ("documents", "id: d-t\ndate: 1990\ndescription: {P}\n"),
    "document.section": ("documents", "id: d-t\ndate: 1990\ntitle: 测试县志\ngenre: 志书\nsection: {P}\n"),
    "document.publisher": ("documents", "id: d-t\ndate: 1990\ntitle: 测试县志\ngenre: 志书\npublisher: {P}\n"),
    "person.name": ("people", "id: p-t\nname: {P}\n"),
    "post.post": ("posts", "person: p-wang\nbody: cs-jiwei\nfrom: 1990\npost: {P}\n"),
    "post.term": ("posts", "person: p-wang\nbody: cs-jiwei\nfrom: 1990\npost: 主任\nterm: {P}\n"),
    "staffing.system": ("staffing", "jurisdiction: cs-xian\ndate: 1990\nfigures: {编制: 3}\nsystem: {P}\n"),
    "staffing.figures.范围": ("staffing", "body: cs-jiwei\ndate: 1990\nfigures:\n  编制: 3\n  范围: {P}\n"),
    "memo.text": ("memos", "date: 1990\nsources: [d-1984-7]\ntext: {P}。\n"),
}
# an event's keys that are no text an editor types for print: ids and references, dates, numbers, flags, a word
# from a fixed list (kind, level), a value that may only be 不详
NOT_TEXT = {"id", "type", "date", "decided", "classification", "body", "bodies", "parent", "co_parents",
            "jurisdiction", "kind", "level", "from", "to", "partly", "rest_unknown", "before_count", "previous_end",
            "resume", "count", "count_before", "with", "functions_to", "dashiji", "大事记",
            "parent_wording",   # one of wordings.NEW_SUPERIOR_FORMS (直属…领导), anything else refused
            "takes_over", "sponsor",
            "throughout",       # true or refused (schema-value): a count that held over the whole span
            "sponsor_wording",  # one of wordings.SPONSOR_FORMS (在…主持下), anything else refused
            "functions_wording",  # one of wordings.TRANSFER_FORMS (由…承担), anything else refused
            "original_classification", "declassified"}  # a lifted level's record: read by Fields, never printed


def test_every_key_of_an_event_is_planted_or_said_not_to_be_text():
    keys = EVENT_COMMON | NEW_BODY_KEYS | set().union(*EVENT_KEYS.values())
    assert keys - NOT_TEXT - set(CASES) == set(), "a new key: plant it in CASES, or add it to NOT_TEXT"


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    root = make_archive(tmp_path_factory.mktemp("typed"))
    write(root, "sources/people/secret.yaml", f"id: p-secret\nname: {SECRET}\nclassification: 秘密\n")
    where = {}
    for i, (case, (folder, text)) in enumerate(CASES.items()):
        text = text.replace("ev-t", f"ev-t{i}").replace("cs-t", f"cs-t{i}").replace("d-t", f"d-t{i}") \
            .replace("p-t", f"p-t{i}").replace("cs-new", f"cs-new{i}-")
        body = text.replace("{P}", PLANT)
        rel = f"sources/{folder}/t{i:02d}.yaml"
        write(root, rel, body)
        where[case] = (rel, next(n for n, line in enumerate(body.splitlines(), 1) if PLANT in line))
    return where, run_checks(load_archive(root))


@pytest.mark.parametrize("case", list(CASES))
def test_a_mark_typed_into_a_field_is_named_with_its_line(planted, case):
    where, found = planted
    at = [f for f in found if (f.loc.file, f.loc.line) == where[case]]
    assert any(f.code == "mark-word" and f.severity == "error" for f in at), [f.as_text() for f in at]


@pytest.mark.parametrize("case", list(CASES))
def test_a_secret_name_typed_into_a_field_is_named_with_its_line(planted, case):
    where, found = planted
    shared = [f for f in found if f.code == "secret-shared" and f.loc.file == where[case][0]]
    assert shared and all(f.loc.line == where[case][1] for f in shared), [f.as_text() for f in shared]
    assert all(SECRET in f.message and "人物 p-secret" in f.message for f in shared)


# a body of two jurisdictions at once (市县合署) whose second jurisdiction is secret: no edition below it names that
# jurisdiction, by name or by its raw id (its 同属 line printed the id), and the check tells the editor
SECRET_PLACE = """- id: ev-secretj
  type: establish
  date: 1958
  body: cs-secretj
  name: 测试县保密特区
  level: 特区
  classification: 秘密
  sources: [d-1956-1]
- id: ev-joint
  type: establish
  date: 1985
  body: cs-joint
  name: 测试县联合办公室
  parent: cs-zhengfu
  jurisdiction:
    - cs-xian
    - cs-secretj
  sources: [d-1984-7]
"""


def test_a_secret_second_jurisdiction_is_left_out_and_told(tmp_path):
    from zhi.editions import filter_archive
    from zhi.history import derive_history
    from zhi.views.lineage import lineage

    root = make_archive(tmp_path)
    write(root, "sources/jurisdictions/secretj.yaml", "id: cs-secretj\nlevel: 特区\nclassification: 秘密\n")
    write(root, "sources/bodies/joint.yaml", "id: cs-joint\nkind: 其他\n")
    write(root, "sources/events/joint.yaml", SECRET_PLACE)
    a = load_archive(root)
    told = [f for f in run_checks(a) if f.code == "event-withheld" and f.loc.file == "sources/events/joint.yaml"]
    line = SECRET_PLACE.splitlines().index("    - cs-secretj") + 1
    assert [f.loc.line for f in told] == [line, line], [f.as_text() for f in told]   # public and internal editions
    assert all("cs-secretj" not in f.message and "保密特区" not in f.message for f in told)
    for edition in ("public", "internal"):
        out = filter_archive(a, edition)
        h = derive_history(out)
        spans = h.get("cs-joint").co_jurisdictions
        assert all("cs-secretj" not in s.value for s in spans), (edition, spans)
        assert "cs-joint" in out.bodies   # the body itself is told, in its open jurisdiction
        assert lineage(out, h, "cs-joint").co_jurisdictions == []
