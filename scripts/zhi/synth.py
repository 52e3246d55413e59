"""A deterministic synthetic archive, for tests and timing (`zhi synth`).

``generate(out, scale, seed)`` writes a complete project: ``sources/`` (jurisdictions, bodies,
events, documents with some transcriptions, people, posts, staffing), ``chronicle/`` (book.yaml,
凡例, 概述, chapters of generated prose, 编后记) and a copy of the theme and mkdocs.yml.

Everything is drawn from ``random.Random(seed)`` while replaying the years in order and
tracking which bodies are alive, so the events are consistent with what ``zhi check`` enforces.
Names are made from syllable lists; no real or sample place is named. Scale 1 is one county and
one district (the county abolished in 2020, its bodies merged into the district's); scale n has
round(n) such pairs (scales below 1 thin out the bodies of a single pair).
"""

from __future__ import annotations

import datetime as _dt
import json
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

# ---- name material ---------------------------------------------------------------------------------
# (character, pinyin) for place names; no character of the sample's or the guide's places.
SYLLABLES = [
    ("安", "an"), ("平", "ping"), ("宁", "ning"), ("远", "yuan"), ("丰", "feng"), ("泰", "tai"), ("永", "yong"),
    ("定", "ding"), ("兴", "xing"), ("华", "hua"), ("昌", "chang"), ("盛", "sheng"), ("隆", "long"), ("德", "de"),
    ("广", "guang"), ("福", "fu"), ("寿", "shou"), ("康", "kang"), ("乐", "le"), ("嘉", "jia"), ("和", "he"),
    ("顺", "shun"), ("祥", "xiang"), ("瑞", "rui"), ("光", "guang"), ("明", "ming"), ("阳", "yang"), ("春", "chun"),
    ("松", "song"), ("柏", "bai"), ("桂", "gui"), ("兰", "lan"), ("梅", "mei"), ("竹", "zhu"), ("桃", "tao"),
    ("杏", "xing"), ("泉", "quan"), ("溪", "xi"), ("江", "jiang"), ("湖", "hu"), ("滨", "bin"), ("浦", "pu"),
    ("港", "gang"), ("湾", "wan"), ("洲", "zhou"), ("沙", "sha"), ("石", "shi"), ("玉", "yu"), ("金", "jin"),
    ("锦", "jin"), ("丹", "dan"), ("碧", "bi"), ("翠", "cui"), ("紫", "zi"), ("黄", "huang"), ("白", "bai"),
    ("赤", "chi"), ("苍", "cang"), ("南", "nan"), ("中", "zhong"), ("高", "gao"), ("长", "chang"), ("新", "xin"),
    ("古", "gu"), ("龙", "long"), ("凤", "feng"), ("鹤", "he"), ("鹿", "lu"), ("马", "ma"), ("牛", "niu"),
    ("云", "yun"), ("霞", "xia"), ("雪", "xue"), ("峰", "feng"), ("岩", "yan"), ("林", "lin"), ("桥", "qiao"),
    ("城", "cheng"), ("镇", "zhen"), ("庄", "zhuang"), ("台", "tai"), ("田", "tian"), ("禾", "he"), ("麦", "mai"),
    ("稻", "dao"), ("茶", "cha"), ("桑", "sang"), ("枫", "feng"), ("杨", "yang"), ("柳", "liu"), ("荷", "he"),
    ("莲", "lian"), ("芙", "fu"), ("蓉", "rong"), ("怀", "huai"), ("仁", "ren"), ("义", "yi"), ("礼", "li"),
    ("信", "xin"), ("忠", "zhong"), ("孝", "xiao"), ("文", "wen"), ("武", "wu"), ("昭", "zhao"), ("晋", "jin"),
    ("汉", "han"), ("唐", "tang"), ("宋", "song"), ("通", "tong"), ("达", "da"), ("济", "ji"), ("津", "jin"),
    ("渡", "du"), ("潭", "tan"), ("池", "chi"), ("塘", "tang"), ("堰", "yan"), ("坝", "ba"), ("丘", "qiu"),
    ("陵", "ling"), ("原", "yuan"), ("野", "ye"), ("川", None), ("汀", "ting"), ("渚", "zhu"), ("岛", "dao"),
    ("屏", "ping"), ("秀", "xiu"), ("灵", "ling"), ("仙", "xian"), ("圣", "sheng"), ("宝", "bao"), ("珠", "zhu"),
    ("晶", "jing"), ("辉", "hui"), ("耀", "yao"), ("旭", "xu"), ("晨", "chen"), ("曦", "xi"), ("朝", "chao"),
    ("夕", "xi"), ("月", "yue"), ("星", "xing"), ("辰", "chen"), ("万", "wan"), ("千", "qian"), ("百", "bai"),
    ("双", "shuang"), ("三", "san"), ("五", "wu"), ("九", "jiu"), ("上", "shang"), ("下", "xia"), ("前", "qian"),
    ("后", "hou"), ("左", "zuo"), ("右", "you"), ("大", "da"), ("小", "xiao"), ("方", "fang"), ("圆", "yuan"),
    ("靖", "jing"), ("绥", "sui"), ("盘", "pan"), ("岐", "qi"), ("郁", "yu"), ("蒲", "pu"), ("苇", "wei"),
    ("芦", "lu"), ("蓬", "peng"), ("莱", "lai"), ("瀛", "ying"), ("湘", "xiang"), ("沅", "yuan"), ("澧", "li"),
]
SYLLABLES = [s for s in SYLLABLES if s[1]]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "建国华明军伟强秀英兰芳玉珍志刚永平德胜海涛红梅丽丹文斌立新学良振宇春生淑琴桂荣宝林光辉国庆晓东红霞卫东爱民金山长青和平"
NUM = "〇一二三四五六七八九"

REFORMS = [1984, 1990, 1996, 2002, 2010, 2015, 2019]


def zh_num(n: int) -> str:
    if n < 10:
        return "〇一二三四五六七八九"[n] if n else "〇"
    if n < 20:
        return "十" + (NUM[n % 10] if n % 10 else "")
    if n < 100:
        return NUM[n // 10] + "十" + (NUM[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + NUM[rest] if rest < 10 else ("一" + zh_num(rest) if rest < 20 else zh_num(rest)))
        return NUM[n // 100] + "百" + tail
    return str(n)


# ---- catalogue of bodies ------------------------------------------------------------------------------
# key, core, suffix, short core (None: core), kind, category, parent role, rank, earliest year
@dataclass(frozen=True)
class Tpl:
    key: str
    core: str
    suffix: str
    kind: str
    cat: str
    parent: str  # "gov", "party", "none", "bianwei", or a template key (事业单位 under a department)
    rank: str | None
    year: int
    short: str | None = None
    figures: str = "行政编制"
    functions: tuple = ()


T = Tpl
CATALOGUE = [
    # party
    T("dangwei", "", "委员会", "其他", "party", "none", None, 1949),
    T("dwbgs", "委办公室", "", "党委工作部门", "party", "party", "正科级", 1949, "委办"),
    T("zuzhibu", "委组织部", "", "党委工作部门", "party", "party", "正科级", 1949, "委组织部"),
    T("xuanchuanbu", "委宣传部", "", "党委工作部门", "party", "party", "正科级", 1949, "委宣传部"),
    T("tongzhanbu", "委统一战线工作部", "", "党委工作部门", "party", "party", "正科级", 1953, "委统战部"),
    T("jiwei", "纪律检查委员会", "", "党委工作部门", "party", "party", "正科级", 1955, "纪委"),
    T("zhengfawei", "委政法委员会", "", "党委工作部门", "party", "party", "正科级", 1980, "委政法委"),
    T("nonggongbu", "委农村工作部", "", "党委工作部门", "party", "party", "正科级", 1953, "委农工部"),
    T("zhengyanshi", "委政策研究室", "", "党委办事机构", "party", "party", "副科级", 1986, "委政研室"),
    T("jiguangongwei", "直机关工作委员会", "", "党委派出机关", "party", "party", "副科级", 1990, "直机关工委"),
    T("laoganbuju", "委老干部局", "", "党委工作部门", "party", "party", "副科级", 1984, "委老干部局"),
    T("dangxiao", "委党校", "", "事业单位", "shiye", "party", "正科级", 1956, "委党校", "事业编制"),
    # people's congress, cppcc
    T("renda", "人民代表大会常务委员会", "", "人大机关", "renda", "none", "正科级", 1980, "人大常委会"),
    T("zhengxie", "政协委员会", "", "政协机关", "renda", "none", "正科级", 1981, "政协"),
    # government
    T("zhengfu", "人民政府", "", "其他", "gov", "none", None, 1949, "政府"),
    T("zfbgs", "人民政府办公室", "", "政府工作部门", "gov", "gov", "正科级", 1950, "政府办"),
    T("caizheng", "财政", "局", "政府工作部门", "gov", "gov", "正科级", 1949,
      functions=("管理财政收支", "编制预算草案", "管理国有资产")),
    T("minzheng", "民政", "局", "政府工作部门", "gov", "gov", "正科级", 1949,
      functions=("管理优抚安置", "管理社会救济", "管理婚姻登记")),
    T("jiaoyu", "教育", "局", "政府工作部门", "gov", "gov", "正科级", 1950, functions=("管理中小学教育", "管理教师队伍")),
    T("weisheng", "卫生", "局", "政府工作部门", "gov", "gov", "正科级", 1950, functions=("管理医疗卫生", "组织防疫")),
    T("wenhua", "文化", "局", "政府工作部门", "gov", "gov", "正科级", 1953, functions=("管理文化事业", "保护文物")),
    T("nongye", "农业", "局", "政府工作部门", "gov", "gov", "正科级", 1950, functions=("指导农业生产", "推广农业技术")),
    T("linye", "林业", "局", "政府工作部门", "gov", "gov", "副科级", 1956, functions=("管理林业资源", "组织植树造林")),
    T("shuili", "水利", "局", "政府工作部门", "gov", "gov", "正科级", 1952, functions=("管理水利工程", "组织防汛抗旱")),
    T("jiaotong", "交通", "局", "政府工作部门", "gov", "gov", "正科级", 1953, functions=("管理公路建设", "管理道路运输")),
    T("liangshi", "粮食", "局", "政府工作部门", "gov", "gov", "正科级", 1953, functions=("管理粮食购销", "管理粮食储备")),
    T("shangye", "商业", "局", "政府工作部门", "gov", "gov", "正科级", 1955, functions=("管理商业网点", "组织市场供应")),
    T("gongye", "工业", "局", "政府工作部门", "gov", "gov", "正科级", 1958, functions=("管理地方工业",)),
    T("jiwei_plan", "计划委员会", "", "政府工作部门", "gov", "gov", "正科级", 1956, "计委",
      functions=("编制国民经济计划", "综合平衡")),
    T("jingwei", "经济委员会", "", "政府工作部门", "gov", "gov", "正科级", 1978, "经委", functions=("管理工业交通生产",)),
    T("tongji", "统计", "局", "政府工作部门", "gov", "gov", "副科级", 1956, functions=("组织统计调查", "发布统计资料")),
    T("shenji", "审计", "局", "政府工作部门", "gov", "gov", "正科级", 1984, functions=("审计财政收支",)),
    T("wujia", "物价", "局", "政府工作部门", "gov", "gov", "副科级", 1980, functions=("管理商品价格", "价格监督检查")),
    T("laodong", "劳动", "局", "政府工作部门", "gov", "gov", "正科级", 1980, functions=("管理劳动就业", "管理劳动保险")),
    T("renshi", "人事", "局", "政府工作部门", "gov", "gov", "正科级", 1980, functions=("管理干部人事", "管理工资福利")),
    T("kewei", "科学技术委员会", "", "政府工作部门", "gov", "gov", "副科级", 1978, "科委", functions=("管理科技事业",)),
    T("tiwei", "体育运动委员会", "", "政府工作部门", "gov", "gov", "副科级", 1956, "体委", functions=("管理体育事业",)),
    T("jishengwei", "计划生育委员会", "", "政府工作部门", "gov", "gov", "正科级", 1981, "计生委", functions=("管理计划生育",)),
    T("huanbao", "环境保护", "局", "政府工作部门", "gov", "gov", "副科级", 1986, functions=("监督管理环境保护",)),
    T("jianshe", "城乡建设", "局", "政府工作部门", "gov", "gov", "正科级", 1980, functions=("管理城乡规划", "管理建筑业")),
    T("tudi", "土地管理", "局", "政府工作部门", "gov", "gov", "正科级", 1987, functions=("管理土地资源", "办理用地审批")),
    T("xiangqi", "乡镇企业", "局", "政府工作部门", "gov", "gov", "副科级", 1984, functions=("指导乡镇企业发展",)),
    T("guangdian", "广播电视", "局", "政府工作部门", "gov", "gov", "副科级", 1983, functions=("管理广播电视事业",)),
    T("minzong", "民族宗教事务", "局", "政府工作部门", "gov", "gov", "副科级", 1990, functions=("管理民族宗教事务",)),
    T("gongshang", "工商行政管理", "局", "政府工作部门", "gov", "gov", "正科级", 1978, functions=("市场主体登记", "市场监督管理")),
    T("waimao", "对外贸易", "局", "政府工作部门", "gov", "gov", "副科级", 1985, functions=("管理对外贸易",)),
    T("dangan", "档案", "局", "政府直属机构", "gov", "gov", "副科级", 1958, functions=("管理档案事业",)),
    T("jiguanshiwu", "机关事务管理", "局", "政府直属机构", "gov", "gov", "副科级", 1990, functions=("管理机关后勤",)),
    T("xinfang", "信访", "局", "政府直属机构", "gov", "gov", "副科级", 1996, functions=("办理人民来信来访",)),
    T("anjian", "安全生产监督管理", "局", "政府工作部门", "gov", "gov", "正科级", 2002, functions=("监督管理安全生产",)),
    T("shichang", "市场监督管理", "局", "政府工作部门", "gov", "gov", "正科级", 2015, functions=("市场综合监督管理",)),
    T("yingji", "应急管理", "局", "政府工作部门", "gov", "gov", "正科级", 2019, functions=("组织应急救援",)),
    T("tuiyijunren", "退役军人事务", "局", "政府工作部门", "gov", "gov", "正科级", 2019, functions=("管理退役军人服务保障",)),
    T("yibao", "医疗保障", "局", "政府工作部门", "gov", "gov", "正科级", 2019, functions=("管理医疗保障",)),
    T("ziranziyuan", "自然资源", "局", "政府工作部门", "gov", "gov", "正科级", 2019, functions=("管理自然资源",)),
    T("shenpi", "行政审批", "局", "政府工作部门", "gov", "gov", "正科级", 2015, functions=("集中办理行政审批",)),
    T("lvyou", "旅游", "局", "政府工作部门", "gov", "gov", "副科级", 1996, functions=("管理旅游业",)),
    # politics and law
    T("gongan", "公安", "局", "政府工作部门", "law", "gov", "正科级", 1949, figures="政法专项编制",
      functions=("维护社会治安", "管理户籍")),
    T("sifa", "司法", "局", "政府工作部门", "law", "gov", "副科级", 1980, figures="政法专项编制",
      functions=("管理人民调解", "指导法律服务")),
    T("fayuan", "人民法院", "", "审判机关", "law", "none", "正科级", 1950, "法院", figures="政法专项编制"),
    T("jianchayuan", "人民检察院", "", "检察机关", "law", "none", "正科级", 1955, "检察院", figures="政法专项编制"),
    # mass organisations
    T("zonggonghui", "总工会", "", "群团机关", "mass", "party", "正科级", 1950, "总工会"),
    T("tuanwei", "共青团委员会", "", "群团机关", "mass", "party", "正科级", 1950, "团委"),
    T("fulian", "妇女联合会", "", "群团机关", "mass", "party", "正科级", 1950, "妇联"),
    T("kexie", "科学技术协会", "", "群团机关", "mass", "party", "副科级", 1980, "科协"),
    T("gonglian", "工商业联合会", "", "群团机关", "mass", "party", "副科级", 1956, "工商联"),
    T("canlian", "残疾人联合会", "", "群团机关", "mass", "party", "副科级", 1990, "残联"),
    # staffing administration
    T("bianwei", "机构编制委员会", "", "议事协调机构", "bian", "gov", None, 1984, "编委"),
    T("bianban", "机构编制委员会办公室", "", "党委工作部门", "bian", "bianwei", "副科级", 1984, "编办"),
    # public institutions (事业单位)
    T("danganguan", "档案馆", "", "事业单位", "shiye", "dangan", "副科级", 1960, figures="事业编制"),
    T("tushuguan", "图书馆", "", "事业单位", "shiye", "wenhua", "股级", 1956, figures="事业编制"),
    T("wenhuaguan", "文化馆", "", "事业单位", "shiye", "wenhua", "股级", 1953, figures="事业编制"),
    T("yiyuan", "人民医院", "", "事业单位", "shiye", "weisheng", "正科级", 1950, figures="事业编制"),
    T("fangyizhan", "卫生防疫站", "", "事业单位", "shiye", "weisheng", "副科级", 1956, figures="事业编制"),
    T("nongjizhan", "农业技术推广中心", "", "事业单位", "shiye", "nongye", "副科级", 1984, figures="事业编制"),
    T("linyezhan", "林业工作站", "", "事业单位", "shiye", "linye", "股级", 1962, figures="事业编制"),
    T("shuiwenzhan", "水利工程管理站", "", "事业单位", "shiye", "shuili", "股级", 1965, figures="事业编制"),
    T("guoku", "国库集中支付中心", "", "事业单位", "shiye", "caizheng", "股级", 2002, figures="事业编制"),
    T("guangbozhan", "广播站", "", "事业单位", "shiye", "guangdian", "股级", 1958, figures="事业编制"),
    T("zhiye", "职业中学", "", "事业单位", "shiye", "jiaoyu", "股级", 1983, figures="事业编制"),
    T("difangzhi", "地方志办公室", "", "事业单位", "shiye", "zfbgs", "股级", 1983, "志办", figures="事业编制"),
    T("jiuzhu", "社会救助服务中心", "", "事业单位", "shiye", "minzheng", "股级", 2010, figures="事业编制"),
    T("jiuye", "就业服务中心", "", "事业单位", "shiye", "laodong", "股级", 1990, figures="事业编制"),
    T("zhengwu", "政务服务中心", "", "事业单位", "shiye", "zfbgs", "副科级", 2005, figures="事业编制"),
    T("kaifaqu", "经济开发区管理委员会", "", "政府派出机构", "gov", "gov", "正科级", 1993, "开发区管委会"),
]
CAT_BY_KEY = {t.key: t for t in CATALOGUE}
CATS = [
    ("party", "党委机构"), ("renda", "人大 政协机构"), ("gov", "政府机构"), ("law", "政法机构"),
    ("mass", "群团机构"), ("bian", "机构编制管理机构"), ("town", "乡镇 街道"), ("shiye", "事业单位"),
]
SECOND_NAMES = ["国有资产管理办公室", "扶贫开发办公室", "人民防空办公室", "地震局", "知识产权局", "外事侨务办公室",
                "老龄工作委员会办公室", "防汛抗旱指挥部办公室", "口岸办公室", "保密局", "密码管理局", "宗教事务局",
                "文物局", "版权局", "物价检查所", "移民办公室"]
TOWN_ENDS = ["镇", "乡"]
POSTS = {"局": ["局长", "副局长"], "委员会": ["主任", "副主任"], "部": ["部长", "副部长"],
         "办公室": ["主任", "副主任"], "院": ["院长", "副院长"], "会": ["主席", "副主席"]}


# ---- the simulated state --------------------------------------------------------------------------
@dataclass
class B:
    id: str
    jid: str
    tpl: Tpl | None
    kind: str
    cat: str
    start: tuple | None = None
    end: tuple | None = None
    name: str = ""
    short: str | None = None
    parent: str | None = None
    rank: str | None = None
    second: list = field(default_factory=list)
    names: list = field(default_factory=list)      # (date, full) history
    functions: list = field(default_factory=list)
    story: list = field(default_factory=list)      # (date, text, doc ids) for the prose


@dataclass
class J:
    id: str
    name: str       # 安平县
    core: str       # 安平
    level: str      # 县 / 市辖区
    short: str      # 县 / 区
    py: str
    code: str       # 文号代字 character
    city: str
    city_code: str
    start: tuple | None = None
    end: tuple | None = None


def ds(d: tuple) -> str:
    return f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}"


def add_days(d: tuple, n: int) -> tuple:
    x = _dt.date(*d) + _dt.timedelta(days=n)
    return (x.year, x.month, x.day)


def dzh(d: tuple) -> str:
    return f"{d[0]}年{d[1]}月{d[2]}日"


class Gen:
    def __init__(self, scale: float, seed: int):
        self.r = random.Random(seed)
        self.scale = scale
        self.pairs = max(1, round(scale))
        self.density = min(1.0, max(0.25, scale))  # scales below 1 thin out a single pair
        self.bodies: dict[str, B] = {}
        self.jur: dict[str, J] = {}
        self.events: list[dict] = []      # each with "_d" (date tuple), "_j" (file jurisdiction)
        self.docs: dict[str, dict] = {}
        self.doc_seq: dict[tuple, int] = {}
        self.ev_seq: dict[tuple, int] = {}
        self.busy: dict[tuple, set] = {}  # date -> body ids touched that date
        self.used_names: set[str] = set()
        self.people: list[dict] = []
        self.posts: list[dict] = []
        self.staffing: list[dict] = []
        self.round_docs: dict[tuple, str] = {}
        self.pair_towns: dict[int, set] = {}
        self.jb: dict[str, list] = {}    # jurisdiction id -> its bodies (current jurisdiction)
        self.max_month = 12

    # ---- names ------------------------------------------------------------------------------------
    def place(self, n: int = 2, avoid: set | None = None) -> tuple[str, str]:
        avoid = avoid if avoid is not None else self.used_names
        for _ in range(1000):
            picks = self.r.sample(SYLLABLES, n)
            name = "".join(c for c, _ in picks)
            if name not in avoid:
                avoid.add(name)
                return name, "".join(p for _, p in picks)
        raise RuntimeError("out of names")

    # ---- records ----------------------------------------------------------------------------------
    def doc(self, j: J, d: tuple, kind: str, title: str, city: bool = False) -> str:
        """A document of jurisdiction j issued on d: kind 编 (编委), 政 (政府), 发 (党委), 组 (组织部), none."""
        y = d[0]
        code = (j.city_code if city else j.code)
        if kind:
            key = (code, kind, y)
            self.doc_seq[key] = n = self.doc_seq.get(key, 0) + self.r.randint(1, 4)
            issuer = {"编": "机构编制委员会", "政": "人民政府", "发": "委员会", "组": "委组织部"}[kind]
            who = j.city if city else j.name
            issuer = ("中共" + who + issuer) if kind == "发" else (who + issuer)
            if kind == "政" and not city and y < 1981:
                kind2 = "革" if 1968 <= y < 1980 else ("人委" if 1955 <= y < 1968 else "政")
                issuer = who + {"革": "革命委员会", "人委": "人民委员会", "政": "人民政府"}[kind2]
                number = f"{code}{kind2}〔{y}〕{n}号"
            else:
                number = f"{code}{kind}〔{y}〕{n}号"
            did = f"doc-{j.py if not city else 'c' + j.py}-{'bzfr'['编政发组'.index(kind)] if kind in '编政发组' else 'x'}-{y}-{n}"
        else:
            key = (code, "x", y)
            self.doc_seq[key] = n = self.doc_seq.get(key, 0) + 1
            number = None
            issuer = (j.city if city else j.name) + "档案馆"
            did = f"doc-{j.py}-zl-{y}-{n}"
        rec = {"id": did}
        if number:
            rec["number"] = number
        rec["issuer"] = issuer
        rec["date"] = ds(d)
        rec["title"] = title
        if self.r.random() < 0.5:
            rec["archive_ref"] = f"{self.r.randint(1, 40)}-{self.r.randint(1, 3)}-{self.r.randint(1, 300)}-{self.r.randint(1, 60)}"
        rec["_j"] = j.id
        rec["_d"] = d
        self.docs[did] = rec
        return did

    def round_doc(self, j: J, d: tuple, kind: str = "编") -> str:
        key = (j.id, d, kind)
        if key not in self.round_docs:
            if kind == "政":
                title = f"关于印发{j.name}机构改革方案的通知" if d[0] in REFORMS else f"关于调整{j.name}部分机构设置的通知"
            else:
                title = f"关于{j.name}机构设置和人员编制的通知" if d[0] in REFORMS else "关于调整部分机构编制事项的通知"
            self.round_docs[key] = self.doc(j, d, kind, title)
        return self.round_docs[key]

    def ev(self, j: J, d: tuple, etype: str, docs: list[str], **kw) -> dict:
        key = (j.py, d[0])
        self.ev_seq[key] = n = self.ev_seq.get(key, 0) + 1
        e = {"id": f"ev-{d[0]}-{j.py}-{n}", "type": etype, "date": ds(d)}
        if self.r.random() < 0.15 and d[2] > 5:
            e["decided"] = ds((d[0], d[1], d[2] - self.r.randint(1, 5)))
        e.update(kw)
        e["sources"] = list(dict.fromkeys(docs))
        e["_d"] = d
        e["_j"] = j.id
        self.events.append(e)
        return e

    def mark(self, d: tuple, *ids: str) -> None:
        self.busy.setdefault(d, set()).update(ids)

    def free(self, d: tuple, bid: str) -> bool:
        b = self.bodies[bid]
        return b.end is None and b.start is not None and b.start < d and bid not in self.busy.get(d, ())

    def add(self, b: B) -> None:
        self.bodies[b.id] = b
        self.jb.setdefault(b.jid, []).append(b)

    def move(self, b: B, jid: str) -> None:
        self.jb[b.jid].remove(b)
        b.jid = jid
        self.jb.setdefault(jid, []).append(b)

    def alive(self, j: J, d: tuple, pred=None) -> list[B]:
        out = [b for b in self.jb.get(j.id, ()) if self.free(d, b.id) and (pred is None or pred(b))]
        out.sort(key=lambda b: b.id)
        return out

    def by_key(self, j: J, key: str) -> B | None:
        for b in self.jb.get(j.id, ()):
            if b.tpl and b.tpl.key == key and b.end is None and b.start is not None:
                return b
        return None

    def new_id(self, j: J, key: str) -> str:
        base = f"{j.py}-{key.replace('_', '-')}"
        bid, k = base, 2
        while bid in self.bodies:
            bid, k = f"{base}-{k}", k + 1
        return bid

    def full_name(self, j: J, tpl: Tpl) -> tuple[str, str]:
        if tpl.key == "dangwei":
            return f"中共{j.name}委员会", f"{j.short}委"
        if tpl.key == "zhengxie":
            return f"中国人民政治协商会议{j.name}委员会", f"{j.short}政协"
        if tpl.key == "tuanwei":
            return f"共青团{j.name}委员会", f"团{j.short}委"
        full = j.name + tpl.core + tpl.suffix
        short = j.short + (tpl.short or (tpl.core + tpl.suffix))
        return full, short

    def parent_for(self, j: J, tpl: Tpl) -> str | None:
        if tpl.parent == "none":
            return None
        role = {"gov": "zhengfu", "party": "dangwei"}.get(tpl.parent, tpl.parent)
        p = self.by_key(j, role)
        if p is None and tpl.parent not in ("gov", "party"):
            p = self.by_key(j, "zhengfu")
        return p.id if p else None

    def gov_name(self, j: J, d: tuple) -> tuple[str, str]:
        y = d[0]
        if 1955 <= y < 1968:
            return f"{j.name}人民委员会", f"{j.short}人委"
        if 1968 <= y < 1981:
            return f"{j.name}革命委员会", f"{j.short}革委会"
        return f"{j.name}人民政府", f"{j.short}政府"

    # ---- events that change the state -----------------------------------------------------------
    def establish(self, j: J, d: tuple, tpl: Tpl, docs: list[str], name=None, short=None, bid=None,
                  parent: str | None = "auto", staffing=True) -> B:
        bid = bid or self.new_id(j, tpl.key)
        full, sh = (name, short) if name else self.full_name(j, tpl)
        if tpl.key == "zhengfu":
            full, sh = self.gov_name(j, d)
        if parent == "auto":
            parent = self.parent_for(j, tpl)
        b = B(bid, j.id, tpl, tpl.kind, tpl.cat, start=d, name=full, short=sh,
              parent=parent, rank=tpl.rank, names=[(d, full)], functions=list(tpl.functions))
        self.add(b)
        kw = {"body": bid, "name": full}
        if sh:
            kw["short"] = sh
        if parent:
            kw["parent"] = parent
        kw["jurisdiction"] = j.id
        if tpl.rank:
            kw["rank"] = tpl.rank
        if staffing and tpl.rank and self.r.random() < 0.35:
            kw["staffing"] = self.figures(b)
        self.ev(j, d, "establish", docs, **kw)
        self.mark(d, bid, *([parent] if parent else []))
        text = f"{dzh(d)}，设立[[{bid}@{ds(d)}]]" + (f"（简称{sh}）" if sh else "") + \
               (f"，隶属[[{parent}]]" if parent else "") + (f"，{tpl.rank}" if tpl.rank else "")
        if "staffing" in kw:
            text += "，" + self.fig_text(kw["staffing"])
        b.story.append((d, text, docs))
        return b

    def figures(self, b: B) -> dict:
        kind = b.tpl.figures if b.tpl else "行政编制"
        n = self.r.randint(3, 25) if kind != "事业编制" else self.r.randint(5, 60)
        f: dict = {kind: n}
        if kind == "行政编制" and self.r.random() < 0.4:
            f["工勤编制"] = self.r.randint(1, 4)
        rank = b.rank or "正科级"
        if rank in ("正科级", "副科级"):
            lead = {rank: 1}
            sub = "副科级" if rank == "正科级" else "正股级"
            lead[sub] = self.r.randint(1, 4)
            f["领导职数"] = lead
        return f

    @staticmethod
    def fig_text(f: dict) -> str:
        parts = [f"核定{k}{v}名" for k, v in f.items() if k != "领导职数"]
        if "领导职数" in f:
            parts.append("领导职数" + "、".join(f"{k}{v}名" for k, v in f["领导职数"].items()))
        return "，".join(parts)

    def end_body(self, bid: str, d: tuple, successor: str | None, docs: list[str]) -> None:
        """End bid on d; move its surviving children to the successor (or the government)."""
        b = self.bodies[bid]
        b.end = d
        j = self.jur[b.jid]
        kids = sorted((c for c in self.jb.get(b.jid, ()) if c.parent == bid and c.end is None and c.start is not None),
                      key=lambda c: c.id)
        for c in kids:
            if c.jid != b.jid:
                continue
            target = successor if successor and self.bodies[successor].end is None and \
                self.bodies[successor].jid == c.jid and successor != c.id else None
            if target is None:
                gov = self.by_key(j, "zhengfu")
                target = gov.id if gov and gov.id != bid and gov.end is None else None
            if target is None or target == c.id:
                continue
            self.ev(j, d, "reparent", docs, body=c.id, parent=target)
            c.parent = target
            self.mark(d, c.id)
            c.story.append((d, f"{dzh(d)}，[[{c.id}]]改由[[{target}]]管理", docs[:1]))

    def rename(self, j: J, d: tuple, b: B, full: str, short: str | None, docs: list[str]) -> None:
        prev = b.names[-1][0]
        kw = {"body": b.id, "name": full}
        if short:
            kw["short"] = short
        self.ev(j, d, "rename", docs, **kw)
        b.story.append((d, f"{dzh(d)}，[[{b.id}@{ds(prev)}]]更名为[[{b.id}@{ds(d)}]]" +
                        (f"（简称{short}）" if short else ""), docs))
        b.name, b.short = full, short
        b.names.append((d, full))
        self.mark(d, b.id)

    def name_free(self, j: J, full: str) -> bool:
        return all(not (x.end is None and x.name == full) for x in self.jb.get(j.id, ()))

    # ---- one jurisdiction's years ---------------------------------------------------------------------
    def found(self, j: J, d: tuple, county: bool) -> None:
        doc = self.doc(j, d, "" if county else "政", f"{j.name}建置沿革资料" if county else f"关于{j.name}人民政府成立的通告")
        gov = self.establish(j, d, CAT_BY_KEY["zhengfu"], [doc])
        d2 = add_days(d, 1)
        self.establish(j, d2, CAT_BY_KEY["dangwei"], [doc])
        d3 = add_days(d2, 20)
        keys = [t.key for t in CATALOGUE if t.year <= d[0] + (3 if county else 0) and t.cat in ("party", "gov", "law", "mass")
                and t.key not in ("dangwei", "zhengfu") and t.parent in ("gov", "party", "none")]
        n = max(4, int(len(keys) * (0.7 if not county else 0.6) * self.density))
        picks = sorted(self.r.sample(keys, min(n, len(keys))), key=keys.index)
        doc2 = self.doc(j, d3, "政" if not county else "", f"关于设立{j.name}人民政府工作部门的通知")
        for k in picks:
            self.establish(j, d3, CAT_BY_KEY[k], [doc2])
        self.towns(j, d3, 9 if county else 4, doc2)
        del gov

    def towns(self, j: J, d: tuple, n: int, doc: str) -> None:
        n = max(2, int(n * self.density))
        pair_names = self.pair_towns.setdefault(self.pair_of[j.id], set())
        for _ in range(n):
            core, py = self.place(2, pair_names)
            street = j.level == "市辖区" and self.r.random() < 0.5
            end = "街道" if street else self.r.choice(TOWN_ENDS)
            tpl = Tpl("town-" + py, core, end, "街道" if street else "乡镇", "town", "none", "正科级", 1949)
            bid = f"{j.py}-{py}-{'jd' if street else 'z'}"
            if bid in self.bodies:
                continue
            self.establish(j, d, tpl, [doc], name=f"{j.name}{core}{end}", short=core + end, bid=bid, parent=None,
                           staffing=False)

    def year_ops(self, j: J, y: int) -> None:
        """Everything that happens in jurisdiction j in year y."""
        r = self.r
        if y in (1955, 1968, 1981):
            gov = self.by_key(j, "zhengfu")
            if gov and gov.start[0] < y:
                d = (y, r.randint(1, 6), r.randint(1, 28))
                full, short = self.gov_name(j, d)
                doc = self.doc(j, d, "", f"{j.name}{'人民委员会' if y == 1955 else '革命委员会' if y == 1968 else '人民政府'}成立资料汇编")
                self.rename(j, d, gov, full, short, [doc])
        if y in REFORMS:
            self.reform(j, y)
        else:
            k = r.random()
            n = 1 if k < 0.55 else 2 if k < 0.85 else 0
            if j.level == "县" and y < 1980:
                n = 1 if k < 0.6 else 0
            dates = sorted((y, r.randint(2, self.max_month), r.randint(1, 28))
                           for _ in range(int(n * (0.6 + 0.6 * self.density))))
            for d in dates:
                self.minor(j, d)

    def available(self, j: J, y: int, cats=("gov", "party", "law", "mass", "renda", "bian", "shiye")) -> list[Tpl]:
        have = {b.tpl.key for b in self.jb.get(j.id, ()) if b.tpl and b.end is None}
        used = {b.tpl.key for b in self.jb.get(j.id, ()) if b.tpl}
        out = []
        for t in CATALOGUE:
            if t.year > y or t.cat not in cats or t.key in have or t.key in ("dangwei", "zhengfu"):
                continue
            if t.key in used and self.r.random() < 0.7:
                continue
            if t.parent not in ("gov", "party", "none") and not self.by_key(j, t.parent) and t.parent != "bianwei":
                continue
            if t.parent == "bianwei" and not self.by_key(j, "bianwei"):
                continue
            out.append(t)
        return out

    def minor(self, j: J, d: tuple) -> None:
        r = self.r
        op = r.choice(["establish", "establish", "staffing", "staffing", "rename", "add-name", "rerank", "reparent",
                       "transfer", "drop-name"])
        docs = [self.round_doc(j, d, "编")]
        if op == "establish":
            av = self.available(j, d[0])
            if av:
                self.establish(j, d, r.choice(av), docs)
                return
            op = "staffing"
        if not self.op(j, d, op, docs):
            self.op(j, d, "staffing", docs)

    def reform(self, j: J, y: int) -> None:
        r = self.r
        d = (y, r.randint(2, 5), r.randint(1, 28))
        if j.start is None or j.start >= d:
            return
        gdoc = self.round_doc(j, d, "政")
        dens = self.density
        # new bodies of the round
        av = self.available(j, y)
        for t in r.sample(av, min(len(av), int(r.randint(2, 5) * dens + 0.5))):
            doc = self.round_doc(j, d, "编") if r.random() < 0.5 else gdoc
            self.establish(j, d, t, [doc])
        plan = (["merge-new"] * r.randint(1, 2) + ["merge-into"] * r.randint(1, 2) + ["split"] +
                ["abolish"] * r.randint(1, 2) + ["rename"] * r.randint(2, 4) + ["rerank"] * r.randint(1, 3) +
                ["add-name"] * r.randint(1, 2) + ["drop-name"] + ["transfer"] * r.randint(1, 2) +
                ["reparent"] + ["staffing"] * r.randint(2, 5) + ["town"] * r.randint(0, 1))
        plan = [p for p in plan if r.random() < 0.5 + 0.5 * dens]
        for op in plan:
            docs = [gdoc] if r.random() < 0.6 else [self.round_doc(j, d, "编")]
            if r.random() < 0.15:
                docs.append(self.round_doc(j, d, "编"))
            self.op(j, d, op, docs)

    def op(self, j: J, d: tuple, op: str, docs: list[str]) -> bool:
        r = self.r
        depts = self.alive(j, d, lambda b: b.kind in ("政府工作部门", "政府直属机构") and b.cat == "gov")
        if op == "merge-new":
            if len(depts) < 4:
                return False
            a, b = r.sample(depts, 2)
            ca = a.tpl.core if a.tpl and a.tpl.suffix == "局" else None
            cb = b.tpl.core if b.tpl and b.tpl.suffix == "局" else None
            if not ca or not cb or len(ca + cb) > 9:
                return False
            full, short = f"{j.name}{ca}{cb}局", f"{j.short}{ca[:2]}{cb[:2]}局"
            if not self.name_free(j, full):
                return False
            key = f"{a.tpl.key}-{b.tpl.key}"
            tpl = Tpl(key, ca + cb, "局", "政府工作部门", "gov", "gov", "正科级", d[0],
                      functions=a.tpl.functions + b.tpl.functions)
            nid = self.new_id(j, key)
            gov = self.by_key(j, "zhengfu")
            nb = B(nid, j.id, tpl, tpl.kind, "gov", start=d, name=full, short=short, parent=gov.id if gov else None,
                   rank="正科级", names=[(d, full)], functions=list(tpl.functions))
            after = {"id": nid, "name": full, "short": short}
            if nb.parent:
                after["parent"] = nb.parent
            after["jurisdiction"] = j.id
            after["rank"] = "正科级"
            kw = {"before": [a.id, b.id] if r.random() < 0.7 else [a.id, {"id": b.id, "as": b.short or b.name}],
                  "after": after}
            if r.random() < 0.5:
                kw["staffing"] = self.figures(nb)
            self.add(nb)
            self.ev(j, d, "merge", docs, **kw)
            self.mark(d, a.id, b.id, nid)
            text = f"{dzh(d)}，[[{a.id}]]与[[{b.id}]]合并，设立[[{nid}]]（简称{short}）"
            for x in (a, b):
                x.story.append((d, text, docs))
            nb.story.append((d, text + ("，" + self.fig_text(kw["staffing"]) if "staffing" in kw else ""), docs))
            self.end_body(a.id, d, nid, docs)
            self.end_body(b.id, d, nid, docs)
            return True
        if op == "merge-into":
            if len(depts) < 4:
                return False
            a, s = r.sample(depts, 2)
            kw = {"before": [a.id, s.id], "after": s.id}
            self.ev(j, d, "merge", docs, **kw)
            self.mark(d, a.id, s.id)
            text = f"{dzh(d)}，[[{a.id}]]并入[[{s.id}]]"
            a.story.append((d, text, docs))
            s.story.append((d, text, docs))
            self.end_body(a.id, d, s.id, docs)
            return True
        if op == "split":
            av = [t for t in self.available(j, d[0], ("gov",)) if t.parent == "gov"]
            if not depts or not av:
                return False
            src = r.choice(depts)
            keep = r.random() < 0.7 or len(av) < 2
            news = r.sample(av, 1 if keep else 2)
            after: list = [src.id] if keep else []
            created = []
            for t in news:
                full, short = self.full_name(j, t)
                if not self.name_free(j, full):
                    return False
                nid = self.new_id(j, t.key)
                gov = self.by_key(j, "zhengfu")
                nb = B(nid, j.id, t, t.kind, t.cat, start=d, name=full, short=short, parent=gov.id if gov else None,
                       rank=t.rank, names=[(d, full)], functions=list(t.functions))
                desc = {"id": nid, "name": full, "short": short}
                if nb.parent:
                    desc["parent"] = nb.parent
                desc["jurisdiction"] = j.id
                if t.rank:
                    desc["rank"] = t.rank
                after.append(desc)
                created.append(nb)
            for nb in created:
                self.add(nb)
            self.ev(j, d, "split", docs, before=src.id, after=after)
            self.mark(d, src.id, *[nb.id for nb in created])
            names = "、".join(f"[[{nb.id}]]" for nb in created)
            text = (f"{dzh(d)}，从[[{src.id}]]分设{names}" if keep else
                    f"{dzh(d)}，[[{src.id}@{ds(src.start)}]]撤销，分设为{names}")
            src.story.append((d, text, docs))
            for nb in created:
                nb.story.append((d, text, docs))
            if not keep:
                self.end_body(src.id, d, created[0].id, docs)
            return True
        if op == "abolish":
            cands = [b for b in self.alive(j, d, lambda b: b.kind in ("政府工作部门", "政府直属机构", "事业单位", "党委办事机构"))]
            if len(cands) < 3:
                return False
            b = r.choice(cands)
            kw = {"body": b.id}
            to = None
            if r.random() < 0.6:
                others = [x for x in depts if x.id != b.id and x.id != b.parent]
                if others:
                    to = r.choice(others)
                    kw["functions_to"] = [to.id]
                    self.mark(d, to.id)
            self.ev(j, d, "abolish", docs, **kw)
            self.mark(d, b.id)
            b.story.append((d, f"{dzh(d)}，撤销[[{b.id}]]" + (f"，职能划入[[{to.id}]]" if to else ""), docs))
            self.end_body(b.id, d, to.id if to else None, docs)
            return True
        if op == "rename":
            cands = [b for b in self.alive(j, d, lambda b: b.tpl is not None and (b.tpl.suffix == "局" or b.cat == "shiye")
                                           and b.names[-1][0] < d)]
            if not cands:
                return False
            b = r.choice(cands)
            t = b.tpl
            variants = []
            if t.suffix == "局":
                variants = [(f"{j.name}{t.core}委员会", f"{j.short}{t.core[:1]}委"), (f"{j.name}{t.core}管理局", None),
                            (f"{j.name}{t.core}事务局", None), (f"{j.name}{t.core}局", f"{j.short}{t.core}局")]
            elif b.cat == "shiye":
                variants = [(f"{j.name}{t.core}", None), (f"{j.name}{t.core}服务中心", None), (f"{j.name}{t.core}（中心）", None)]
            else:
                base = j.name + t.core + t.suffix
                variants = [(base, f"{j.short}{t.short or t.core}"), (base + "办公室", None)]
            variants = [v for v in variants if v[0] != b.name and self.name_free(j, v[0])]
            if not variants:
                return False
            full, short = r.choice(variants)
            self.rename(j, d, b, full, short, docs)
            return True
        if op == "rerank":
            cands = self.alive(j, d, lambda b: b.rank in ("正科级", "副科级", "股级") and b.cat != "town")
            if not cands:
                return False
            b = r.choice(cands)
            kw = {"body": b.id}
            if b.kind == "政府工作部门" and r.random() < 0.25:
                kw["kind"] = "政府直属机构"
                b.kind = "政府直属机构"
                text = f"{dzh(d)}，[[{b.id}]]由政府工作部门改为政府直属机构"
                etype = "rerank"
            else:
                new = {"正科级": "副科级", "副科级": "正科级", "股级": "副科级"}[b.rank]
                up = new == "正科级" or b.rank == "股级"
                kw["rank"] = new
                b.rank = new
                text = f"{dzh(d)}，[[{b.id}]]{'升格' if up else '降格'}为{new}"
                etype = "rerank" if r.random() < 0.6 else ("升格" if up else "降格")
            self.ev(j, d, etype, docs, **kw)
            self.mark(d, b.id)
            b.story.append((d, text, docs))
            return True
        if op == "add-name":
            cands = [b for b in depts if len(b.second) < 2]
            if not cands:
                return False
            b = r.choice(cands)
            options = [j.name + s for s in SECOND_NAMES if j.name + s not in b.second]
            name = r.choice(options)
            self.ev(j, d, "add-name", docs, body=b.id, name=name)
            b.second.append(name)
            self.mark(d, b.id)
            b.story.append((d, f"{dzh(d)}，[[{b.id}]]加挂{name}牌子", docs))
            return True
        if op == "drop-name":
            cands = [b for b in self.alive(j, d, lambda b: bool(b.second))]
            if not cands:
                return self.op(j, d, "add-name", docs)
            b = r.choice(cands)
            name = b.second.pop(0)
            self.ev(j, d, "drop-name", docs, body=b.id, name=name)
            self.mark(d, b.id)
            b.story.append((d, f"{dzh(d)}，[[{b.id}]]不再挂{name}牌子", docs))
            return True
        if op == "transfer":
            src = [b for b in depts if b.functions]
            if not src or len(depts) < 2:
                return False
            a = r.choice(src)
            b = r.choice([x for x in depts if x.id != a.id])
            f = r.choice(a.functions)
            self.ev(j, d, "transfer", docs, **{"from": a.id, "to": b.id, "functions": [f]})
            self.mark(d, a.id, b.id)
            b.functions.append(f)
            text = f"{dzh(d)}，[[{a.id}]]的{f}职能划入[[{b.id}]]"
            a.story.append((d, text, docs))
            b.story.append((d, text, docs))
            return True
        if op == "reparent":
            kids = self.alive(j, d, lambda b: b.kind == "事业单位")
            if not kids or not depts:
                return False
            c = r.choice(kids)
            targets = [x for x in depts if x.id != c.parent]
            gov = self.by_key(j, "zhengfu")
            if gov and c.parent != gov.id and gov.start < d:
                targets.append(gov)
            if not targets:
                return False
            p = r.choice(targets)
            self.ev(j, d, "reparent", docs, body=c.id, parent=p.id)
            c.parent = p.id
            self.mark(d, c.id, p.id)
            c.story.append((d, f"{dzh(d)}，[[{c.id}]]改由[[{p.id}]]管理", docs))
            return True
        if op == "staffing":
            cands = self.alive(j, d, lambda b: b.rank is not None and b.cat != "town")
            if not cands:
                return False
            b = r.choice(cands)
            f = self.figures(b)
            self.ev(j, d, r.choice(["staffing", "staffing", "核定编制", "调整编制"]), docs, body=b.id, staffing=f)
            self.mark(d, b.id)
            b.story.append((d, f"{dzh(d)}，[[{b.id}]]{self.fig_text(f)}", docs))
            return True
        if op == "town":
            towns = self.alive(j, d, lambda b: b.cat == "town")
            xiang = [b for b in towns if b.name.endswith("乡")]
            if xiang and self.r.random() < 0.6:
                b = r.choice(xiang)
                core = b.tpl.core
                full = f"{j.name}{core}镇"
                if not self.name_free(j, full):
                    return False
                self.rename(j, d, b, full, core + "镇", docs)
                b.story[-1] = (d, (f"{dzh(d)}，撤销{core}乡，设立{core}镇，[[{b.id}@{ds(b.names[-2][0])}]]改称"
                                   f"[[{b.id}@{ds(d)}]]"), docs)
                return True
            if len(towns) >= 3:
                a, s = r.sample(towns, 2)
                self.ev(j, d, "merge", docs, before=[a.id, s.id], after=s.id)
                self.mark(d, a.id, s.id)
                text = f"{dzh(d)}，撤销[[{a.id}]]建制，并入[[{s.id}]]"
                a.story.append((d, text, docs))
                s.story.append((d, text, docs))
                self.end_body(a.id, d, s.id, docs)
                return True
            self.towns(j, d, 1, docs[0])
            return True
        return False

    # ---- 2020: the county is abolished, its bodies go to the district ----------------------------------
    def dissolve(self, county: J, district: J) -> None:
        r = self.r
        d = (2020, 9, 1)
        doc = self.doc(county, (2020, 8, r.randint(10, 25)), "编", f"关于撤销{county.name}后有关机构调整的通知", city=True)
        doc2 = self.doc(county, (2020, 6, r.randint(1, 28)), "政", f"关于撤销{county.name}的批复", city=True)
        self.ev(county, d, "merge", [doc2], before=[county.id, district.id], after=district.id,
                note=f"{county.name}撤销，其行政区域划归{district.name}管辖。")
        county.end = d
        alive = sorted((b for b in self.jb.get(county.id, ()) if b.end is None and b.start is not None),
                       key=lambda b: (b.kind != "事业单位", b.cat != "town", b.id))
        for b in alive:
            if b.end is not None:
                continue
            if b.start >= d:
                continue
            if b.cat == "town":
                self.ev(county, d, "rejurisdiction", [doc], body=b.id, jurisdiction=district.id)
                self.move(b, district.id)
                core = b.tpl.core
                end = b.name[-1]
                full = f"{district.name}{core}{end}"
                if self.name_free(district, full):
                    self.rename(district, d, b, full, b.short, [doc])
                b.story.append((d, f"{dzh(d)}，[[{b.id}]]划归[[{district.id}]]管辖", [doc]))
                continue
            twin = self.by_key(district, b.tpl.key) if b.tpl else None
            if b.kind == "事业单位":
                parent = self.bodies.get(b.parent) if b.parent else None
                pt = self.by_key(district, parent.tpl.key) if parent and parent.tpl else None
                pt = pt or self.by_key(district, "zhengfu")
                if twin is None and r.random() < 0.6 and pt:
                    self.ev(county, d, "rejurisdiction", [doc], body=b.id, jurisdiction=district.id, parent=pt.id)
                    self.move(b, district.id)
                    b.parent = pt.id
                    self.mark(d, b.id)
                    b.story.append((d, f"{dzh(d)}，[[{b.id}]]划归[[{district.id}]]，由[[{pt.id}]]管理", [doc]))
                    continue
            if twin is not None and twin.start < d:
                self.ev(county, d, "merge", [doc], before=[b.id, twin.id], after=twin.id)
                text = f"{dzh(d)}，[[{b.id}]]并入[[{twin.id}]]"
                b.story.append((d, text, [doc]))
                twin.story.append((d, text, [doc]))
            else:
                self.ev(county, d, "abolish", [doc], body=b.id)
                b.story.append((d, f"{dzh(d)}，[[{b.id}]]撤销", [doc]))
            b.end = d  # everything left in the county ends today: no rerouting of children
            self.mark(d, b.id)

    # ---- the whole run ------------------------------------------------------------------------------
    def run(self) -> None:
        r = self.r
        used_codes: set[str] = set()
        self.pair_of: dict[str, int] = {}
        pairs = []
        for k in range(self.pairs):
            city, _city_py = self.place(2)
            county, cpy = self.place(2)
            dist, dpy = self.place(2)
            codes = []
            for nm in (county, dist, city):
                c = next((ch for ch in nm if ch not in used_codes), None)
                if c is None:
                    c = nm
                used_codes.add(c)
                codes.append(c)
            cj = J(f"{cpy}-xian", county + "县", county, "县", "县", cpy, codes[0], city + "市", codes[2])
            dj = J(f"{dpy}-qu", dist + "区", dist, "市辖区", "区", dpy, codes[1], city + "市", codes[2])
            for x in (cj, dj):
                self.jur[x.id] = x
                self.pair_of[x.id] = k
            pairs.append((cj, dj))
        for cj, dj in pairs:
            doc = self.doc(cj, (1985, r.randint(1, 12), r.randint(1, 28)), "", f"{cj.name}建置沿革")
            cj.start = (1949, 1, 1)
            self.ev(cj, (1949, 10, 1), "establish", [doc], body=cj.id, name=cj.name)["date"] = "1949前"
            y0 = r.randint(1981, 1987)
            dd = (y0, r.randint(1, 12), r.randint(1, 20))
            ddoc = self.doc(dj, (y0, dd[1], 1), "", f"关于设立{dj.name}的批复")
            ddoc_rec = self.docs[ddoc]
            ddoc_rec["issuer"] = cj.city + "人民政府"
            self.ev(dj, dd, "establish", [ddoc], body=dj.id, name=dj.name)
            dj.start = dd
            self.found(cj, (1949, 10, r.randint(1, 28)), True)
            for y in range(1950, 2023):
                if y == dj.start[0]:
                    self.found(dj, (y, dd[1], min(28, dd[2] + 2)), False)
                self.max_month = 7 if y == 2020 else 12
                for j in (cj, dj):
                    if j.start[0] < y and (j.end is None):
                        self.year_ops(j, y)
                if y == 2020:
                    self.dissolve(cj, dj)
        self.people_and_posts()
        self.staffing_records()

    # ---- people, posts, staffing records --------------------------------------------------------------
    def people_and_posts(self) -> None:
        r = self.r
        bodies = sorted((b for b in self.bodies.values() if b.rank and b.cat != "town" and b.tpl), key=lambda b: b.id)
        n = max(6, int(25 * self.scale))
        picks = r.sample(bodies, min(n, len(bodies)))
        names: set[str] = set()
        seq = 0
        for b in sorted(picks, key=lambda b: b.id):
            j = self.jur[b.jid]
            suffix = next((s for s in ("委员会", "办公室", "局", "部", "院", "会") if b.name.endswith(s)), "局")
            titles = POSTS.get(suffix, ["主任", "副主任"])
            life_end = b.end or (2022, 12, 31)
            y = b.start[0]
            for title in titles:
                seq += 1
                for _ in range(50):
                    nm = r.choice(SURNAMES) + "".join(r.sample(GIVEN, r.choice((1, 2))))
                    if nm not in names:
                        break
                names.add(nm)
                pid = f"p-{seq:04d}"
                person = {"id": pid, "name": nm, "gender": r.choice(["男", "男", "女"]),
                          "born": str(r.randint(max(1900, y - 55), y - 28))}
                self.people.append(person)
                start = (b.start[0], b.start[1], b.start[2])
                if r.random() < 0.5 and life_end[0] - start[0] > 3:
                    start = (start[0] + r.randint(1, min(8, life_end[0] - start[0] - 1)), r.randint(1, 12), r.randint(1, 28))
                span = r.randint(3, 10)
                end = (start[0] + span, r.randint(1, 12), r.randint(1, 28))
                post = {"person": pid, "body": b.id, "post": title, "from": ds(start)}
                if end < life_end:
                    post["to"] = ds(end)
                elif b.end:
                    post["to"] = ds(b.end)
                doc = self.doc(j, start, "组", f"关于{nm}等同志职务任免的通知")
                post["sources"] = [doc]
                post["_j"] = j.id
                self.posts.append(post)

    def staffing_records(self) -> None:
        r = self.r
        n = max(10, int(60 * self.scale))
        years = [1990, 1996, 2002, 2010, 2015, 2019, 2021]
        pool = sorted((b for b in self.bodies.values() if b.rank and b.cat != "town"), key=lambda b: b.id)
        out = []
        reports: dict[tuple, str] = {}
        for _ in range(n * 3):
            if len(out) >= n:
                break
            b = r.choice(pool)
            y = r.choice(years)
            d = (y, 12, 31)
            if not (b.start < d and (b.end is None or b.end > d)):
                continue
            j = self.jur[b.jid]
            key = (j.id, y)
            if key not in reports:
                reports[key] = self.doc(j, (y + 1, 3, r.randint(1, 28)), "", f"{j.name}机构编制统计年报（{y}年）")
            f = self.figures(b)
            basis = "核定" if r.random() < 0.4 else "实有"
            if basis == "实有":
                f.pop("领导职数", None)
                f = {k: max(0, v - r.randint(0, 3)) for k, v in f.items()}
            rec = {"body": b.id, "date": ds(d), "basis": basis, "figures": f, "sources": [reports[key]], "_j": j.id}
            if (b.id, d, basis) in {(x["body"], x["date"], x["basis"]) for x in out}:
                continue
            out.append(rec)
        self.staffing = out


# ---- YAML writing (hand-written style, deterministic) ---------------------------------------------------
_PLAIN = re.compile(r"^[0-9A-Za-z\u3000-\u303f\u4e00-\u9fff\uff00-\uffef〔〕（）、，。；：·—_.\-★]+$")


def _scalar(v) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    s = str(v)
    if _PLAIN.match(s) and s[0] not in "-?:,[]{}#&*!|>'\"%@`" and s not in ("null", "true", "false", "yes", "no") \
            and not re.fullmatch(r"[0-9.]+", s):
        return s
    return json.dumps(s, ensure_ascii=False)


def _flow(v) -> str:
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {_flow(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(_flow(x) for x in v) + "]"
    return _scalar(v)


def _block(rec: dict, indent: int) -> list[str]:
    pad = " " * indent
    lines = []
    for k, v in rec.items():
        if k.startswith("_"):
            continue
        if isinstance(v, dict) and k in ("after",):
            lines.append(f"{pad}{k}:")
            lines += _block(v, indent + 2)
        elif isinstance(v, list) and any(isinstance(x, dict) and "name" in x for x in v):
            lines.append(f"{pad}{k}:")
            for x in v:
                if isinstance(x, dict):
                    sub = _block(x, indent + 4)
                    lines.append(f"{pad}  - " + sub[0].lstrip())
                    lines += sub[1:]
                else:
                    lines.append(f"{pad}  - {_scalar(x)}")
        else:
            lines.append(f"{pad}{k}: {_flow(v)}")
    return lines


def dump_list(recs: list[dict], header: str = "") -> str:
    out = [f"# {header}", ""] if header else []
    for rec in recs:
        lines = _block(rec, 2)
        out.append("- " + lines[0].lstrip())
        out += lines[1:]
        out.append("")
    return "\n".join(out)


def dump_one(rec: dict) -> str:
    return "\n".join(_block(rec, 0)) + "\n"


# ---- transcriptions and prose ---------------------------------------------------------------------------
def transcription(rng: random.Random, doc: dict) -> str:
    number = doc.get("number", "")
    issuer = doc["issuer"]
    y, m, d = doc["_d"]
    items = ["根据上级关于机构改革的部署，结合本地实际，经研究决定",
             "按照精简、统一、效能的原则，调整有关机构设置",
             "各有关单位要加强领导，周密安排，确保机构调整平稳有序",
             "人员编制按照核定数额从严掌握，不得突破",
             "内设机构和领导职数另行核定",
             "原有机构的档案资料、财产物资，由新设机构接收管理",
             "各单位要认真做好干部职工的思想工作，保证各项工作正常运转",
             "本通知自印发之日起施行，此前有关规定与本通知不一致的，以本通知为准",
             "请各单位于本月底前将落实情况书面报告"]
    body = [f"# {doc['title']}", "", f"{issuer}文件", ""]
    if number:
        body += [number, ""]
    body += ["各乡镇人民政府，各有关单位：", ""]
    picks = rng.sample(items, rng.randint(4, 6))
    for i, t in enumerate(picks, 1):
        body += [f"{zh_num(i)}、{t}。", ""]
    body += [issuer, "", f"{y}年{m}月{d}日", ""]
    text = "\n".join(body)
    while _chars(text) < 200:
        text += "\n（此件存档）本件共印若干份，分送有关单位，并报上级机关备案。\n"
    return text


def _chars(s: str) -> int:
    return sum(1 for c in re.sub(r"\[\[[^\]]*\]\]", "某某", s) if "\u4e00" <= c <= "\u9fff")


FILLER = [
    "这一时期，机构设置随着经济社会发展和上级部署多次调整，职能逐步理顺，管理体制日趋规范。",
    "各项调整均按照精简、统一、效能的原则进行，编制总量从严控制，内设机构和领导职数相应核定。",
    "历次调整后，原有机构的档案资料由接收单位统一管理，人员按照有关规定妥善安置，工作衔接平稳。",
    "本章所记机构名称、隶属关系、规格和编制，均据机构编制部门文件和档案馆所存资料整理。",
    "机构沿革中个别年份资料缺失，所记设立、撤销日期以现存文件为准，未见文件的暂付阙如。",
    "随着职能转变的深入，部分管理职能下放或划转，机构承担的事务逐步由直接管理转向宏观指导和监督服务。",
]


class Prose:
    def __init__(self, g: Gen):
        self.g = g
        self.r = g.r
        self.files: dict[str, str] = {}
        self.parts: list[dict] = []
        self.chapter_no = 0

    def para(self, b: B) -> list[str]:
        out = []
        for d, text, docs in sorted(b.story, key=lambda s: s[0]):
            foot = "".join(f"[[{x}]]" for x in docs[:1])
            out.append(text + foot + "。")
        paras = []
        cur = ""
        for s in out:
            cur += s
            if _chars(cur) > 220:
                paras.append(cur)
                cur = ""
        if cur:
            paras.append(cur)
        if b.functions:
            paras.append(f"[[{b.id}]]的主要职责是：{'；'.join(b.functions)}。")
        return paras

    def chapters_for(self, jurs: list[J], cat: str, title: str) -> list[str]:
        g = self.g
        out = []
        for j in jurs:
            bodies = sorted((b for b in g.bodies.values()
                             if b.cat == cat and b.story and (b.jid == j.id or self._origin(b) == j.id)),
                            key=lambda b: (b.start, b.id))
            if not bodies:
                continue
            sections: list[tuple[str, list[str]]] = [(b.names[-1][1] if False else b.name, self.para(b)) for b in bodies]
            chunks: list[list] = [[]]
            size = 0
            for sec in sections:
                n = sum(_chars(p) for p in sec[1])
                if size + n > 1300 and chunks[-1]:
                    chunks.append([])
                    size = 0
                chunks[-1].append(sec)
                size += n
            if len(chunks) > 1 and sum(_chars(p) for s in chunks[-1] for p in s[1]) < 600:
                last = chunks.pop()
                chunks[-1].extend(last)
            for k, chunk in enumerate(chunks):
                self.chapter_no += 1
                name = f"第{zh_num(self.chapter_no)}章 {j.name}{title}" + (f"（{zh_num(k + 1)}）" if len(chunks) > 1 else "")
                path = f"{cat}/{j.py}-{k + 1}.md"
                self.files[path] = self.chapter(name, j, chunk)
                out.append(path)
        return out

    def _origin(self, b: B) -> str:
        return b.jid

    def chapter(self, title: str, j: J, sections: list) -> str:
        r = self.r
        lines = ["---", f"title: {title}", f"status: {r.choice(['初稿', '修改稿', '送审稿', '定稿'])}",
                 f"target: {r.choice([2000, 2500, 3000])}", "---", "", f"# {title}", ""]
        intro = f"本章记述{j.name}有关机构的设置沿革。" + r.choice(FILLER)
        lines += [intro, ""]
        total = _chars(intro)
        for i, (name, paras) in enumerate(sections, 1):
            lines += [f"## 第{zh_num(i)}节 {name}", ""]
            for p in paras:
                lines += [p, ""]
                total += _chars(p)
        k = 0
        while total < 1050:
            p = FILLER[k % len(FILLER)]
            lines += [p, ""]
            total += _chars(p)
            k += 1
        return "\n".join(lines)

    def build(self) -> dict:
        g = self.g
        jurs = sorted(g.jur.values(), key=lambda j: (g.pair_of[j.id], j.level != "县"))
        part_no = 0
        for cat, title in CATS:
            chapters = self.chapters_for(jurs, cat, title)
            if chapters:
                part_no += 1
                self.parts.append({"title": f"第{zh_num(part_no)}篇 {title}", "chapters": chapters})
        first = jurs[1] if len(jurs) > 1 else jurs[0]
        book = {"title": f"{first.city}{first.name}机构编制志", "subtitle": "1949—2022（虚构测速卷）",
                "upper": 1949, "lower": 2022, "front": ["fanli.md", "gaishu.md"]}
        text = ["# 虚构档案生成器（zhi synth）所写，内容纯属虚构。", dump_one(book).rstrip(), "parts:"]
        for p in self.parts:
            text.append(f"  - title: {p['title']}")
            text.append("    chapters:")
            text += [f"      - {c}" for c in p["chapters"]]
        text.append("back: [bianhouji.md]")
        self.files["book.yaml"] = "\n".join(text) + "\n"
        names = "、".join(j.name for j in jurs[:6]) + ("等" if len(jurs) > 6 else "")
        self.files["fanli.md"] = "\n".join([
            "---", "title: 凡例", "status: 定稿", "---", "", "# 凡例", "",
            f"一、本志记述{names}机构编制沿革，上限1949年，下限2022年。本志为程序生成的虚构资料，所记机构、人物、文件均属虚构。", "",
            "二、本志采用述、记、志、图、表、录等体裁，以志为主。", "",
            "三、机构名称以当时名称为准，首次出现时写全称，其后用规范简称。", "",
            "四、资料来源于各级机构编制部门文件和档案馆馆藏档案，一般不注出处，重要事项以脚注注明。", "",
            "五、大事记以事件生效日期为序，同日事件以设立、合并、分设在前，撤销在后。", ""])
        gaishu = ["---", "title: 概述", "status: 修改稿", "---", "", "# 概述", ""]
        for j in jurs:
            n = sum(1 for b in g.bodies.values() if b.jid == j.id)
            first_ev = "1949年10月" if j.level == "县" else f"{j.start[0]}年{j.start[1]}月"
            gaishu += [f"{first_ev}，[[{j.id}]]人民政府成立。此后历经{len([y for y in REFORMS if y > j.start[0]])}次机构改革，"
                       f"机构设置几经调整。至{'2020年撤销' if j.end else '2022年底'}，档案所载先后设置机构{n}个。" +
                       FILLER[1] + FILLER[5], ""]
        gaishu += ["## 机构改革", "", "".join(
            f"{y}年，按照上级部署进行机构改革，党政机构和人员编制有所精简。" for y in REFORMS) + FILLER[2], ""]
        self.files["gaishu.md"] = "\n".join(gaishu)
        self.files["bianhouji.md"] = (
            "---\ntitle: 编后记\nstatus: 定稿\n---\n\n# 编后记\n\n"
            "本志由 zhi synth 按固定的随机种子生成，用于测试编纂工具的检查、生成和排版，并测量其速度。"
            "志中地名、机构名、人名、文号均为虚构，如有雷同，纯属巧合。\n")
        return {"chapters": sum(len(p["chapters"]) for p in self.parts)}


# ---- entry point --------------------------------------------------------------------------------------------
def generate(out: Path, scale: float = 1.0, seed: int = 1) -> dict:
    """Write a complete synthetic project to out (which must not exist or be empty); return the counts."""
    out = Path(out)
    if scale <= 0:
        raise ValueError("scale must be positive")
    g = Gen(scale, seed)
    g.run()
    files: dict[str, str] = {}
    jrecs = []
    for j in sorted(g.jur.values(), key=lambda j: (g.pair_of[j.id], j.level != "县")):
        jrecs.append({"id": j.id, "level": j.level,
                      "note": f"{j.name}，{'2020年撤销，其行政区域划归' + next(x.name for x in g.jur.values() if g.pair_of[x.id] == g.pair_of[j.id] and x.id != j.id) if j.end else '本志记述范围'}。"})
    files["sources/jurisdictions/jurisdictions.yaml"] = dump_list(jrecs, "行政区划（虚构）")
    # bodies, by the jurisdiction they were set up in and category
    home: dict[str, str] = {}
    for e in g.events:
        if e["type"] == "establish" and e["body"] in g.bodies:
            home.setdefault(e["body"], e["_j"])
        for a in ([e["after"]] if isinstance(e.get("after"), dict) else
                  [x for x in e.get("after", []) if isinstance(x, dict)] if isinstance(e.get("after"), list) else []):
            home.setdefault(a["id"], e["_j"])
    groups: dict[str, list] = {}
    for b in sorted(g.bodies.values(), key=lambda b: b.id):
        j = g.jur[home.get(b.id, b.jid)]
        rec = {"id": b.id, "kind": b.tpl.kind if b.tpl else b.kind}
        if b.tpl and b.tpl.functions:
            rec["functions"] = list(b.tpl.functions)
        groups.setdefault(f"sources/bodies/{j.py}/{b.cat}.yaml", []).append(rec)
    for path, recs in groups.items():
        files[path] = dump_list(recs)
    # events, by jurisdiction and year, in date order
    order = {"establish": 0, "merge": 0, "split": 0, "abolish": 2}
    evs = sorted(g.events, key=lambda e: (e["_d"], order.get(e["type"], 1)))
    groups = {}
    for e in evs:
        j = g.jur[e["_j"]]
        groups.setdefault(f"sources/events/{j.py}/{e['_d'][0]}.yaml", []).append(e)
    for path, recs in groups.items():
        files[path] = dump_list(recs)
    # documents (some with transcriptions)
    groups = {}
    tr = random.Random(seed * 7919 + 17)
    n_tr = 0
    for did in sorted(g.docs, key=lambda k: (g.docs[k]["_d"], k)):
        doc = g.docs[did]
        j = g.jur[doc["_j"]]
        path = f"sources/documents/{j.py}/{doc['_d'][0]}.yaml"
        groups.setdefault(path, []).append(doc)
        if tr.random() < 0.2:
            files[f"sources/documents/{j.py}/{did}.md"] = transcription(tr, doc)
            n_tr += 1
    for path, recs in groups.items():
        files[path] = dump_list(recs)
    files["sources/people/people.yaml"] = dump_list(g.people, "人物（虚构）")
    groups = {}
    for p in g.posts:
        groups.setdefault(f"sources/posts/{g.jur[p['_j']].py}.yaml", []).append(p)
    for path, recs in groups.items():
        files[path] = dump_list(recs)
    groups = {}
    for s in sorted(g.staffing, key=lambda s: (s["_j"], s["date"], s["body"], s["basis"])):
        groups.setdefault(f"sources/staffing/{g.jur[s['_j']].py}.yaml", []).append(s)
    for path, recs in groups.items():
        files[path] = dump_list(recs)
    prose = Prose(g)
    pc = prose.build()
    for path, text in prose.files.items():
        files[f"chronicle/{path}"] = text
    # write
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(files):
        p = out / path
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(files[path], encoding="utf-8")
    here = Path(__file__).resolve().parents[2]
    if (here / "theme").is_dir() and not (out / "theme").exists():
        shutil.copytree(here / "theme", out / "theme")
    if (here / "mkdocs.yml").is_file():
        shutil.copyfile(here / "mkdocs.yml", out / "mkdocs.yml")
    types: dict[str, int] = {}
    canon = {"核定编制": "staffing", "调整编制": "staffing", "升格": "rerank", "降格": "rerank"}
    for e in g.events:
        t = canon.get(e["type"], e["type"])
        if t == "merge":
            t = "merge-new" if isinstance(e["after"], dict) else "merge-into"
        types[t] = types.get(t, 0) + 1
    prose_chars = sum(_chars(t) for p, t in prose.files.items() if p.endswith(".md"))
    return {"jurisdictions": len(g.jur), "bodies": len(g.bodies), "events": len(g.events),
            "documents": len(g.docs), "transcriptions": n_tr, "people": len(g.people), "posts": len(g.posts),
            "staffing": len(g.staffing), "chapters": pc["chapters"], "prose_chars": prose_chars,
            "event_types": dict(sorted(types.items())), "files": len(files)}
