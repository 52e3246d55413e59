"""落成, 建成, 挂牌 follow the name as 成立 does: the 宁化 tester's 大事记 read 落成宁化县青少年宫."""

from zhi.wordings import establish_words


def test_verbs_that_follow_the_name():
    for word in ("成立", "落成", "建成", "挂牌", "开馆", "开业", "正式成立"):
        assert establish_words(word) == ("", word), word
    for word in ("建立", "组建", "设置", None):
        assert establish_words(word)[1] == "", word
