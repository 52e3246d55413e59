"""The chapter reader spells a level word one way for all its checks (chronicle.LEVEL_SPELLED): a slip an editor
makes in one place (traditional form, stray space) is caught in the others too."""
import pytest
from zhi import chronicle

SLIPS = ["内部", "內部", "内 部", "秘密", "祕密", "秘 密", "机密", "機密", "机　密", "绝密", "絕密", "绝 密"]


@pytest.mark.parametrize("word", SLIPS)
def test_every_check_reads_the_same_spellings(word):
    assert chronicle.LEVEL_WORD.search(f"!!! note \"{word}\"")
    assert chronicle.LONE_LEVEL.match(word)
    assert chronicle.MARKER_INSIDE.search(f"| ::: {word} |")
