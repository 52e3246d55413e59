"""Every finding code, its default severity and what it means (the house style may change severities)."""

CODES: dict[str, tuple[str, str]] = {
    # reading files
    "yaml-syntax": ("error", "YAML 语法错误，文件未能读入"),
    "yaml-duplicate-key": ("error", "同一记录中键重复"),
    "file-encoding": ("error", "文件不是 UTF-8 编码"),
    "file-empty": ("warning", "文件为空"),
    "layout-missing": ("error", "缺少 sources/ 目录"),
    "layout-unknown": ("warning", "文件或目录不在记录目录中，未读入"),
    "schema-unknown-key": ("error", "记录中有未知的键"),
    "schema-missing": ("error", "缺少必填的键"),
    "schema-type": ("error", "值的类型不对（文字、列表、键值表）"),
    "schema-value": ("error", "值不在允许的范围内"),
    "id-invalid": ("error", "编号格式不对"),
    "date-invalid": ("error", "日期无法识别"),
    "classification-invalid": ("error", "密级无法识别"),
    "event-type": ("error", "事件类型无法识别"),
    "event-shape": ("error", "事件的原机构、新机构数目与类型不符"),
    "event-same-body": ("error", "事件中同一机构出现两次（划转给自己、合并中重复列出）"),
    "staffing-number": ("error", "编制数不是非负整数"),
    "path-outside": ("error", "路径指向项目之外"),
    "file-missing": ("error", "所指文件不存在"),
    "house-style": ("warning", "体例设置文件有误"),
    "memo-text": ("warning", "记事不是以句号结尾的完整句子"),
    "memo-no-source": ("error", "记事没有来源"),
    # identity and references
    "id-duplicate": ("error", "编号重复"),
    "docno-duplicate": ("error", "发文字号重复"),
    "ref-unknown": ("error", "引用了不存在的记录"),
    "ref-wrong-kind": ("error", "引用的记录类别不对（如把文件当作机构）"),
    # history
    "body-no-origin": ("error", "机构没有设立事件"),
    "body-exists": ("error", "机构在存续期间被再次设立"),
    "body-not-yet": ("error", "事件、任职或编制早于机构设立"),
    "body-ended": ("error", "合并、分设或撤销后原机构仍被使用"),
    "body-no-jurisdiction": ("error", "新设机构没有所属行政区划"),
    "end-unknown-but-ended": ("error", "机构文件写了止年不详，档案却记有其撤销或合并"),
    "name-conflict": ("error", "同一机构同一日期有两个名称"),
    "parent-conflict": ("error", "同一机构同一日期有两个上级"),
    "jurisdiction-conflict": ("error", "同一机构同一日期有两个属地"),
    "rank-conflict": ("error", "同一机构同一日期有两个规格"),
    "kind-conflict": ("error", "同一机构同一日期有两个类别"),
    "name-invalid": ("error", "所用名称不是机构在该日期的名称"),
    "name-clash": ("warning", "同一行政区划内两个存续机构同名"),
    "second-name-twice": ("warning", "重复加挂同一牌子"),
    "second-name-unknown": ("error", "撤销了并未加挂的牌子"),
    "parent-not-alive": ("error", "上级机构在该日期不存在"),
    "parent-ended": ("warning", "上级机构已终止而下级仍隶属于它"),
    "parent-cycle": ("error", "上级关系成环"),
    "parent-wrong-kind": ("error", "上级不是机构"),
    "jurisdiction-not-alive": ("error", "行政区划在该日期不存在"),
    "jurisdiction-ended": ("error", "行政区划已撤销而机构仍在其中"),
    "jurisdiction-out-of-scope": ("warning", "机构属于越境不书的行政区划"),
    "body-silent": ("warning", "机构数十年无任何记载，既无结局又未写“end: 不详”，一览会当作仍然存在"),
    "fate-unknown": ("warning", "行政区划终止时档案未记机构的去向（志书记为“去向不详”）"),
    "suspension-state": ("error", "恢复活动的机构并未停止活动（或重复停止活动）"),
    "colocation-state": ("error", "分开办公的机构并未合署办公（或重复合署）"),
    "placeholder": ("warning", "记录中写的是占位文字（待填、待查等），不当作值"),
    # events and sources
    "event-no-source": ("error", "事件没有来源文件"),
    "source-conflict": ("warning", "来源所记与本志所取不同（日期、名称或编制数），或来源之间互不相容"),
    "source-classified": ("warning", "公开记录的来源全部高于公开，公开版中将无出处"),
    "date-order": ("warning", "日期先后不合常理"),
    # documents
    "docno-malformed": ("warning", "发文字号不合规范格式"),
    "docno-unparsed": ("warning", "发文字号无法解析"),
    "docno-year": ("warning", "发文字号中的年份与成文日期不符"),
    "doc-uncited": ("info", "文件未被任何记录引用"),
    # posts and staffing
    "post-outside-lifespan": ("warning", "任职期间超出机构存续期"),
    "staffing-empty": ("warning", "编制记录中没有任何数字"),
    "staffing-sum-differs": ("warning", "行政区划的核定编制与同日各机构核定数合计不同"),
    "staffing-prose": ("warning", "正文中写的编制数与档案记载不符"),
    "staffing-ref": ("error", "正文引用的编制数在档案中没有"),
    # the volume's prose
    "book-missing": ("error", "缺少志书设置文件 chronicle/book.yaml"),
    "chapter-missing": ("error", "篇目列出的文件不存在"),
    "chapter-unlisted": ("warning", "chronicle/ 中的文件不在篇目中"),
    "chapter-placeholder": ("warning", "正文中有占位文字（本章待续、待补等），尚待补写"),
    "placeholder-final": ("error", "稿次为终审稿，正文中却还有占位文字"),
    "heading-gap": ("error", "标题级别跳级"),
    "directive-invalid": ("error", "正文中的表格指令有误"),
    # house style of the prose (体例检查; quotations exempt where noted in guide/checks.md): warnings by
    # default, as the lint cannot be sure; an office raises them to errors in house-style.yaml
    "style-enumeration": ("warning", "层次序号不规范（一、 （一） 1. （1））"),
    "style-year-short": ("warning", "正文年份未写全4位（如“95年”“’95”）"),
    "style-approx": ("warning", "约数叠用（“约”与“多/余/左右”同用）"),
    "style-halfwidth-punct": ("warning", "汉字旁用了半角标点"),
    "style-booktitle-dunhao": ("warning", "书名号之间加了顿号（》、《）"),
    "style-relative-time": ("warning", "引文外用了相对时间词（今年、去年、目前等）"),
    "style-tongzhi": ("warning", "人名后加了“同志”"),
    "style-first-person": ("warning", "引文外用了第一人称（我县、本局等）"),
    "style-docno": ("warning", "正文中的发文字号不合规范格式"),
    "style-evaluative": ("warning", "评价性词语（述而不论）"),
    "style-term": ("warning", "非规范用语（见体例的规范用语表）"),
    "style-full-name-first": ("warning", "本章首次提及机构时用了简称而未先写全称"),
    # safety
    "raw-html": ("error", "记录或文件全文中含有 HTML 标记"),
    "raw-html-prose": ("error", "正文中含有不允许的 HTML 标记"),
    "passage-unclosed": ("error", "正文中标记密级的段落没有结束标记"),
    "passage-invalid": ("error", "正文中有读不懂的密级段落标记（按绝密处理）"),
    "front-matter-invalid": ("error", "章文件的文件头读不懂，或密级写在文件头之外（按绝密处理）"),
    "secret-shared": ("error", "低密级记录中含有高密级记录的标题、名称、编号或文号"),
    "secret-copy": ("error", "低密级的文件是高密级文件的副本（全文或标题相同）"),
    "mark-word": ("error", "公开或内部的记录、正文中有密级标志，或有“机密”“内部文件”等字样而未在体例的 not-marks 中确认为普通用语"),
    "kaoyi-withheld": ("warning", "考异所说的异说只见于本版不收的来源，本版不印这条考异"),
    "leak": ("error", "生成的文件中出现了高于本版密级的内容、密级标志或个人号码"),
}


# 保密观: these guard what an edition may hold; the house style may raise them but never lower or switch
# them off (what zhi does not understand is refused, whatever the settings say)
UNBENDING = {"classification-invalid", "passage-unclosed", "passage-invalid", "front-matter-invalid",
             "path-outside", "leak", "secret-shared", "secret-copy", "mark-word"}


def default_severity(code: str) -> str:
    return CODES.get(code, ("error", ""))[0]
