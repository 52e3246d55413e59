"""The name material, the catalogue of bodies, the records in the making and date helpers."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

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
