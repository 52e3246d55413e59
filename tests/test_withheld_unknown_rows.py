"""A body whose superior the record does not give, put under a secret body by a change the public edition withholds:
the 宁化 tester's public page showed two rows, 上级不详 1976年1月—1976年1月后 and 上级不详 1976年1月后—止年不详, which
tell a reader a hidden change happened between them. Following periods of a superior not given are one."""

from conftest import make_archive, write
from zhi.editions import filter_archive
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.lineage import lineage


def test_following_periods_of_an_unknown_superior_are_one(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/x.yaml", "- {id: cs-mi, kind: 事业单位, classification: 秘密}\n- {id: cs-zu, kind: 事业单位}\n")
    write(root, "sources/events/x.yaml",
          "- {id: mi, type: establish, date: 1975-05, body: cs-mi, name: 测试县雁汐五号工作站, parent: cs-zhengfu,"
          " jurisdiction: cs-xian, classification: 秘密, sources: [d-1956-1]}\n"
          "- {id: zu, type: establish, date: 1976-01, body: cs-zu, name: 测试县保障组, parent: 不详, jurisdiction: cs-xian,"
          " sources: [d-1956-1]}\n"
          "- {id: zu-p, type: reparent, date: 1976-03, body: cs-zu, parent: cs-mi, sources: [d-1956-1]}\n"
          "- {id: zu-s, type: staffing, date: 1977-01, body: cs-zu, staffing: {事业编制: 3}, sources: [d-1956-1]}\n")
    pub = filter_archive(load_archive(root), "public")
    lin = lineage(pub, derive_history(pub), "cs-zu")
    unknown = [p for p in lin.parents if p.unknown]
    assert len(unknown) == 1 == len(lin.parents), [(p.value, str(p.start), str(p.end)) for p in lin.parents]
