"""A body set up at a time the source gives as a period (1942-09..1949) under a superior set up in 1942-09 and renamed
in 1945: the 即墨 tester's 工商科 printed 隶属即墨县人民政府, the superior's later name, as if valid throughout. The 隶属
clause names it by its first name with the rename that may fall within the period."""

from conftest import archive_with
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology


def test_a_superior_set_up_within_the_period_is_named_with_its_rename(tmp_path):
    events = ("- {id: k1, type: establish, date: 1942-09, body: cs-kr, name: 测试县抗日民主政府, jurisdiction: cs-xian,"
              " sources: [d-1956-1]}\n"
              "- {id: k2, type: rename, date: 1945-09, body: cs-kr, name: 测试县民主政府, sources: [d-1956-1]}\n"
              "- {id: k3, type: establish, date: 1942-09..1949, body: cs-gs, name: 测试县工商科, parent: cs-kr,"
              " sources: [d-1956-1]}\n")
    a = load_archive(archive_with(tmp_path, events, bodies={"cs-kr": "其他", "cs-gs": "政府工作部门"}))
    h = derive_history(a)
    said = next(en.plain() for en in chronology(a, h) if en.event.id == "k3")
    assert "隶属测试县抗日民主政府（1945年9月更名为测试县民主政府）" in said, said
