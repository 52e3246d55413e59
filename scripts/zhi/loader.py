"""Load `sources/` into one Archive. The directory decides the record kind.

Loading never raises on bad input: every problem becomes a finding with the
file and line, and the rest of the archive is still read.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from .classification import NOT_PUBLIC, Level, highest, secrecy_statements, stated_level
from .dates import UNKNOWN_WORDS, Date
from .docno import parse_docno
from .eventshapes import EVENT_KEYS, EventShapes
from .fields import Fields, as_record_map
from .fieldwords import did_you_mean, words_flaw
from .findings import Finding, Loc
from .invisible import quote
from .model import (
    BODY_KINDS,
    CONCURRENT_UNREAD,
    EVENT_ALIASES,
    EVENT_TYPES,
    EVENT_WORDINGS,
    JURISDICTION_LEVELS,
    KIND_ALIASES,
    LEVEL_ALIASES,
    POST_UNKNOWN,
    PUBLISHED_GENRES,
    STAFFING_BASES,
    UNKNOWN,
    Archive,
    Body,
    Document,
    Event,
    Jurisdiction,
    Memo,
    NewBody,
    OutsideName,
    Person,
    Post,
    Ref,
    Remark,
    StaffingFigure,
    Unit,
)
from .plaintext import markup_in
from .project import skipped_message, skipped_part
from .yamlsource import LList, LMap, YamlFile

KIND_DIRS = {
    "jurisdictions": "行政区划",
    "bodies": "机构",
    "events": "事件",
    "documents": "文件",
    "people": "人物",
    "posts": "任职",
    "staffing": "编制",
    "memos": "记事",
}
HOUSE_STYLE = "house-style.yaml"
INTERNAL = Level("内部")
GENDERS = ("男", "女")  # a person's 性别 as the sources write it; unknown: no gender key

COMMON = {"id", "classification", "note", "original_classification", "declassified"}
# `dashiji: 收/不收` (or the Chinese key 大事记): the editor's choice for the 大事记, over the house style's rules
DASHIJI_KEYS = {"dashiji", "大事记"}
DASHIJI_VALUES = {"收": True, "不收": False, "include": True, "exclude": False, True: True, False: False}
EVENT_COMMON = COMMON | {"type", "date", "decided", "sources", "conflict_note", "staffing", "group"} | DASHIJI_KEYS
# `distinguish: 县级` (or the Chinese key 区别语): the words that tell a body or place from another of the same name,
# printed in full-width brackets after the name (滁州市（县级）); see views.naming.distinguished
DISTINGUISH_KEYS = {"distinguish", "区别语"}
# `different_from: [cs-yc]` (or 非同一机构): in a classified body's (or place's) record, the places of a lower level whose
# names hold its name's distinctive part and which are other bodies (checks.secrecy: secret-stem-public)
DIFFERENT_KEYS = {"different_from", "非同一机构"}


def _read_text(path: Path) -> tuple[str | None, str | None]:
    try:
        return path.read_text(encoding="utf-8"), None
    except UnicodeDecodeError:
        try:
            path.read_text(encoding="gb18030")
            return None, "文件不是 UTF-8 编码（像是 GBK/GB18030）；请用编辑器另存为 UTF-8"
        except UnicodeDecodeError:
            return None, "文件不是 UTF-8 编码的文字；请用编辑器另存为 UTF-8"
    except OSError as e:
        return None, f"文件无法读取：{e.strerror}"


def _web_address(f: Fields) -> str:
    """A document's ``url``: a web address (http, https) with a host, printed as it is written and linked on the
    site; anything else is refused at its line (a path, a javascript: link, a mistyped address), never printed."""
    url = f.text("url") or ""
    if not url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc \
            or any(ch.isspace() or ch in '<>"`\\' or ord(ch) < 32 for ch in url):
        f.error("schema-value", f"“url（网址）”“{url[:60]}”不是网页地址：须以 http:// 或 https:// 开头，后接网站域名，"
                "中间不留空格，不含尖括号、引号、反斜杠，如 https://www.example.gov.cn/art/2021/3/1/art_1.html。"
                "文件只有纸本的，不写 url；本机存档的扫描件写在 scans", "url")
        return ""
    return url


class Loader:
    """The steps of a load: report what in sources/ is no record folder (``_report_strays``), then each record
    folder in turn (``_read_kind``), each file of it (``_load_file``) and each record of a file, read by its kind's
    ``_read_<folder>``; an event's own keys are read by ``EventShapes``, ids kept unique by ``Ids``, and the parts
    several kinds share (sources, staffing figures) by ``Fields``."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.sources = self.root / "sources"
        self.archive = Archive(root=self.root)
        self.findings = self.archive.findings
        self._order = 0
        self._source_dated: list[tuple[object, Fields]] = []   # records written `date: 见于来源`
        self.shapes = EventShapes(self.findings)
        self.ids = Ids(self.findings)
        self.unclassified_people: set[str] = set()   # people whose record writes no classification

    def rel(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    # ---- driver -----------------------------------------------------------------
    def load(self) -> Archive:
        if not self.sources.is_dir():
            self.findings.append(Finding("layout-missing", "error",
                                         "找不到 sources/ 目录；档案记录应放在项目根目录下的 sources/ 中", Loc("sources")))
            return self.archive
        self._report_strays()
        for dirname in KIND_DIRS:
            self._read_kind(dirname)
        self._date_from_sources()
        self._origins_unknown()
        self._hold_not_public()
        mark_successive(self.archive.posts)
        self._people_at_their_posts_level()
        self._hold_stated_level()
        from .identifying import hold_identifiers

        self.findings.extend(hold_identifiers(self.archive))
        return self.archive

    def _origins_unknown(self) -> None:
        """A body written ``start: 不详`` (甲并入乙, and no source says when 乙 was set up) gets a stand-in origin: there
        at or before the first event that names it (``1984-06或以前``), by the name that event calls it (``as``);
        never printed as an event, its start printed as 始年不详. Refused where it would say more than the record:
        a body that also has a setting up, or whose first event does not give its name."""
        a = self.archive
        for b in [b for b in [*a.bodies.values(), *a.jurisdictions.values()] if b.start_unknown]:
            made = [e for e in a.events if b.id in e.new]
            if made:
                self.findings.append(Finding(
                    "schema-value", "error", f"{b.kind_zh}“{b.id}”写了“start: 不详”，档案里却有产生它的事件（{made[0].type_zh}，"
                    f"{made[0].date}）：两者必有一误；来源记了它的设立的，请删去“start: 不详”", b.loc, [made[0].loc]))
                continue
            named = sorted(((e, r) for e in a.events if e.date is not None for r in _named(e) if r.id == b.id),
                           key=lambda er: (er[0].date.earliest(), er[0].order))
            if not named or not named[0][1].as_name:
                where = f"它第一次出现的事件（{named[0][0].date}）" if named else "它第一次出现的事件"
                self.findings.append(Finding(
                    "schema-missing", "error", f"{b.kind_zh}“{b.id}”写了“start: 不详”：{where}要写出它那时的名称，如"
                    f"“{{id: {b.id}, as: {'某某局' if isinstance(b, Body) else '某某县'}}}”（照来源的称呼）；没有任何事件提到它的，请删去“start: 不详”，补记它的设立",
                    named[0][1].loc if named else b.loc))
                continue
            first, ref = named[0]
            d = Date(first.date.start, qualifier="before", inclusive=True)
            e = Event(f"{b.id}-start-unknown", ref.loc, first.classification, type="establish", date=d,
                      body=Ref(b.id, ref.loc), name=ref.as_name, sources=list(first.sources),
                      order=first.order, dashiji=False, origin_unknown=True)
            where = (b.first_jurisdiction, b.first_parent) if isinstance(b, Body) else (None, None)  # a place: none
            e.new[b.id] = NewBody(b.id, ref.loc, name=ref.as_name, jurisdiction=where[0], parent=where[1])
            e.jurisdiction, e.parent = where
            a.events.append(e)

    def _date_from_sources(self) -> None:
        """`date: 见于来源`: the record is dated by its first source's date (the 志书's 2005年后), as known no earlier
        and no later than that; a source without a date gives none, and the record is refused (date-invalid)."""
        for rec, f in self._source_dated:
            first = next(iter(rec.sources), None)
            doc = self.archive.documents.get(first.doc) if first else None
            if doc is not None and doc.classification.rank > rec.classification.rank:
                # fail closed: the record would print the date of a document its edition withholds
                f.error("date-invalid", f"“date: 见于来源”取第一个来源的日期，而这个来源（{doc.id}）的密级"
                        f"（{doc.classification.name}）高于这条记录（{rec.classification.name}）：印出来就公布了那份文件的日期。"
                        "请把密级不高于这条记录的来源写在 sources 的第一个，或照来源写出这件事的日期", "date")
                continue
            if doc is not None and doc.covers is not None:
                # a 志书 says how things stood as of its 下限 (记述下限): at some time up to it, never after
                rec.date = Date(doc.covers.end or doc.covers.start, qualifier="before", inclusive=True)
                continue
            if doc is not None and doc.date is not None:
                rec.date = doc.date
                self.archive.source_dated.append((rec, f.loc("date"), doc))
                continue
            what = f"来源{quote(doc.label, True)}没有写日期（date）" if doc is not None else "没有可以取日期的来源"
            f.error("date-invalid", f"“date: 见于来源”取第一个来源的日期，但{what}；请给来源补上日期（只知大约的写 "
                    "2005后、2005或以前），或照来源写出这件事的日期", "date")

    def _hold_not_public(self) -> None:
        """A public record that says in one of its texts that it is not public (note: 此件不公开, 不予公开, 内部使用 …,
        ``classification.NOT_PUBLIC``, the importer's list): the editor typed what the original's 附注 says but not
        its level. Named (``not-public-word``) and held as 内部, so that no public edition prints it; unless the
        words stand in a text the house style's ``not-marks`` confirms as ordinary wording (a title such as
        关于政府信息不予公开的答复)."""
        from .leaks import fold
        from .project import load_house_style

        a = self.archive
        plain: list[str] | None = None
        for r in [*a.jurisdictions.values(), *a.bodies.values(), *a.documents.values(), *a.people.values(),
                  *a.events, *a.posts, *a.staffing, *a.memos]:
            if r.classification.rank >= INTERNAL.rank:
                continue
            for where, text, loc in self._texts_saying(r):
                flat = fold(text)
                if not NOT_PUBLIC.search(flat):
                    continue
                if plain is None:
                    plain = sorted({fold(p) for p in load_house_style(a.root).not_marks}, key=len, reverse=True)
                for p in plain:
                    flat = flat.replace(p, "\0")
                said = NOT_PUBLIC.search(flat)
                if not said:
                    continue
                self.findings.append(Finding(
                    "not-public-word", "error",
                    f"{r.kind_zh}记录的{where}中有“{said.group(0)}”，说它不公开，而这条记录的密级是公开；在改正之前"
                    f"公开版不收这条记录（按内部处理）。原件确不公开的，请照原件写上密级（classification: 内部，或原件所标的"
                    f"秘密、机密等）；“{said.group(0)}”若是标题、名称里的普通用语（如《关于政府信息不予公开的答复》），"
                    f"请把含有它的原文写进体例文件 sources/house-style.yaml 的 not-marks 列表", loc))
                r.classification = INTERNAL
                break

    def _people_at_their_posts_level(self) -> None:
        """A person whose record writes no classification, and whose every post (任职) is above 公开 — the post's own
        level or its body's: the editor marked the posts and forgot the person. Held at the level of the least secret
        of them (fail closed: the name is printed in no edition below it, and a lower record or chapter that names the
        person — 由骆青禾兼任 in a public ex_officio — is refused, ``secret-shared``). A person with one post at 公开
        stays 公开; a level written in the person's record is kept as written. A 公开 记事 that mentions such a
        person (``mentions``) no longer makes the person 公开 (fail closed: it made a secret body's leader public on
        every page); the 记事 is withheld with the person and the editor told (``_mentions_held``)."""
        a = self.archive
        levels: dict[str, list[Level]] = defaultdict(list)
        for post in a.posts:
            if post.person is not None and post.person.id in self.unclassified_people:
                body = a.bodies.get(post.body.id) if post.body is not None else None
                levels[post.person.id].append(highest([post.classification,
                                                       *([body.classification] if body is not None else [])]))
        for pid, held in levels.items():
            least = min(held, key=lambda lv: lv.rank)
            if least.rank and (p := a.people.get(pid)) is not None:
                p.classification = least
        self._mentions_held({pid for pid in levels if (p := a.people.get(pid)) is not None and p.classification.rank})

    def _mentions_held(self, held: set[str]) -> None:
        """``record-withheld`` at the ``mentions`` line of a 记事 below a person held at the level of the person's posts
        (``_people_at_their_posts_level``): the editor may have meant the person to be public."""
        for m in self.archive.memos:
            for r in m.mentions:
                p = self.archive.people.get(r.id)
                if r.id in held and p is not None and p.classification.rank > m.classification.rank:
                    self.findings.append(Finding(
                        "record-withheld", "warning",
                        f"记事 {m.id or ''}（{m.classification}）的 mentions（涉及记录）列了人物 {r.id}；这个人的记录没写密级，"
                        f"而他的每一条任职都是涉密的，他是{p.classification.name}任职的人员，按“{p.classification.name}”处理。"
                        f"公开记事提到他会使其姓名公开，所以凡不收这个人的版本（如公开版）都不印这条记事。"
                        f"如不应公开，请把这条记事的 classification 改为“{p.classification.name}”，或从 mentions 删去他；"
                        f"确可公开的，请在人物 {r.id} 的记录里写明 classification: 公开", r.loc or m.loc))

    def _hold_stated_level(self) -> None:
        """A document whose full text states a level above the record's (此件按秘密件管理, 本文件属国家秘密, 秘密★5年 at
        its foot): the text contradicts the level declared (``transcription-level``), unless the record says the
        original's level was lifted (``declassified_from``, at least the level stated). Named at the line of the
        full text and held at the level stated (绝密 for a state secret whose level is not said: fail closed)."""
        from .leaks import fold

        for d in self.archive.documents.values():
            path = d.transcription
            if path is None or not path.is_file():
                continue
            text, _ = _read_text(path)
            worst: tuple[Level, int, str, bool] | None = None
            for n, line in enumerate((text or "").splitlines(), 1):
                found = secrecy_statements(fold(line))
                level = stated_level(found)
                if level is not None and (worst is None or level.rank > worst[0].rank):
                    worst = (level, n, line.strip(), all(lv is not None for lv, _ in found))
            if worst is None or worst[0].rank <= d.classification.rank:
                continue
            level, n, line, named = worst
            lifted = d.declassified_from
            if lifted is not None and level.rank <= lifted.rank:
                continue
            said = f"说此件为{level}" if named else "说此件是国家秘密，但未写明密级"
            if lifted is not None:
                mend = (f"记录写的原密级“{lifted}”低于全文所说的，请照原件改正 original_classification")
            else:
                mend = (f"原件确是{level.name if named else '涉密'}的，请把记录的 classification 改为原件所标的密级"
                        f"（如 classification: {level.name if named else '秘密'}，照原件写保密期限）；原件已经解密的，照编辑指南"
                        f"“文件”一页“已解密的文件”写上 original_classification（原密级）和 declassified（解密日期和依据）")
            at = f"（{d.loc.file} 第 {d.loc.line} 行）" if d.loc else ""
            self.findings.append(Finding(
                "transcription-level", "error",
                f"文件“{d.id}”的全文这一行{quote(line[:60], True)}{said}，而这条文件记录{at}的密级是“{d.classification}”："
                f"全文与记录所写的密级相抵。在改正之前这份文件按{level.name if named else '绝密'}处理，公开版、内部版都不收。{mend}",
                Loc(self.rel(path), n)))
            d.classification = level

    def _texts_saying(self, r) -> list[tuple[str, str, Loc]]:
        """(where, text, place) of what a record says that may say it is not public: every text typed into it of
        its own level (a part above it is held already), and of a document's full text the lines that read as a
        附注 (（此件不公开） alone or in brackets on its line, as the importer reads one; a sentence of the text such
        as 涉密信息不得公开 is the text's own wording)."""
        out = [(t.where, t.text, t.loc) for t in r.typed if t.level is None or t.level.rank < INTERNAL.rank]
        path = getattr(r, "transcription", None)
        if path is not None and path.is_file():
            text, _ = _read_text(path)
            for n, line in enumerate((text or "").splitlines(), 1):
                bare_line = line.strip().strip("#>*_-+ ")
                if NOT_PUBLIC.search(bare_line) and (len(bare_line) <= 16 or NOT_PUBLIC.fullmatch(bare_line)):
                    out.append(("全文", bare_line, Loc(self.rel(path), n)))
        return out

    def _report_strays(self) -> None:
        """Files and folders of sources/ that are no record folder: named, never read."""
        for path in sorted(self.sources.iterdir()):
            if path.is_file() and path.suffix in (".yaml", ".yml") and path.name != HOUSE_STYLE:
                self.findings.append(Finding(
                    "layout-unknown", "warning",
                    f"文件不在任何记录目录中，未读入；请移到 {'、'.join(d + '/' for d in KIND_DIRS)} 之一",
                    Loc(self.rel(path))))
            elif path.is_dir() and path.name not in KIND_DIRS and not path.name.startswith("."):
                self.findings.append(Finding(
                    "layout-unknown", "warning",
                    f"目录“{path.name}/”不是记录目录，其中文件未读入；记录目录为 {'、'.join(d + '/' for d in KIND_DIRS)}",
                    Loc(self.rel(path))))

    def _read_kind(self, dirname: str) -> None:
        """Every YAML file under one record folder, in name order."""
        base = self.sources / dirname
        if not base.is_dir():
            return
        files = sorted(p for p in base.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
        for path in files:
            part = skipped_part(path.relative_to(base).as_posix())
            if part:  # a draft or hidden file: never read, so never published; named so the editor knows
                self.findings.append(Finding("file-skipped", "warning", skipped_message(
                    path.relative_to(base).as_posix(), part, "其中的记录不进入志书、网站和开放数据，也未作检查"),
                    Loc(self.rel(path))))
                continue
            self._load_file(dirname, path)

    def _load_file(self, dirname: str, path: Path) -> None:
        if not path.resolve().is_relative_to(self.root):
            # a symbolic link to a file elsewhere: nothing outside the project is ever read into an output
            self.findings.append(Finding("path-outside", "error",
                                         f"“{path.relative_to(self.root).as_posix()}”是指向项目之外"
                                         f"（{path.resolve()}）的链接，未读入；请把文件本身复制进项目",
                                         Loc(path.relative_to(self.root).as_posix())))
            return
        rel = self.rel(path)
        self.archive.files.append(rel)
        text, problem = _read_text(path)
        if text is None:
            self.findings.append(Finding("file-encoding", "error", problem or "文件无法读取", Loc(rel)))
            return
        yf = YamlFile(rel, text)
        self.findings.extend(yf.findings)
        data = yf.data
        if data is None:
            if not yf.findings:
                self.findings.append(Finding("file-empty", "warning", "文件是空的", Loc(rel, 1)))
            return
        what = KIND_DIRS[dirname]
        if isinstance(data, LList):
            items = [(item, data.line_of(i)) for i, item in enumerate(data)]
        else:
            items = [(data, getattr(data, "line", 1))]
        _give_comments(yf.comments(), [item for item, _ in items], text.removeprefix("\ufeff").split("\n"))
        reader = getattr(self, f"_read_{dirname}")
        for item, line in items:
            m = as_record_map(item, rel, line, self.findings, what)
            if m is not None:
                reader(m, rel, path)

    # ---- kinds --------------------------------------------------------------------
    def _read_jurisdictions(self, m: LMap, rel: str, path: Path) -> None:
        f = Fields(m, rel, self.findings, "行政区划",
                   COMMON | {"level", "scope", "names", "start"} | DISTINGUISH_KEYS | DIFFERENT_KEYS)
        rid = f.ident()
        in_scope = self._scope(f)
        start = f.text("start", printed=False)
        if start is not None and (start not in UNKNOWN_WORDS or not in_scope):
            f.error("schema-value", f"行政区划的“start（始年）”只能写“不详”（来源没有说它何时设立，档案第一次记到它是在某件事里），"
                    f"不是“{start}”；设立请记为事件（见编辑指南 guide/jurisdictions.md）" if in_scope
                    else "本志之外的行政区划（scope: out）不写“start（始年）”：它的各个名称及起止写在 names 里", "start")
        # `level: 不详`: the source does not say (no level invented to fill the field): no 层级 is printed or derived
        level = f.choice("level", (*JURISDICTION_LEVELS, UNKNOWN), LEVEL_ALIASES, what="层级") or ""
        j = Jurisdiction(rid or "", f.loc(), f.level(), f.text("note") or "",
                         level="" if level == UNKNOWN else level, level_unknown=level == UNKNOWN,
                         in_scope=in_scope, names=self._outside_names(f, in_scope), distinguish=_distinguish(f),
                         different_from=_different(f), start_unknown=in_scope and start in UNKNOWN_WORDS)
        j.typed = f.typed
        if rid:
            self.ids.register(self.archive.jurisdictions, j)

    def _read_bodies(self, m: LMap, rel: str, path: Path) -> None:
        f = Fields(m, rel, self.findings, "机构",
                   COMMON | {"kind", "functions", "units", "start", "jurisdiction", "parent", "end", "scope", "names",
                             "sources", "seen", "remarks"}
                   | DISTINGUISH_KEYS | DIFFERENT_KEYS,
                   hint="名称、上级、规格、属地由事件记录（设立、更名等），不写在机构文件中。")
        rid = f.ident()
        in_scope = self._scope(f)
        end = f.text("end", printed=False)
        if end is not None and end not in UNKNOWN_WORDS and end != "至今":
            f.error("schema-value", f"机构文件的“end（止年）”只能写“不详”（档案未载其撤销、合并）或“至今”（来源说它至今仍在，"
                    f"须在 sources 中写明是哪份来源），不是“{end}”；机构的撤销、合并、分设请记为事件（见编辑指南 guide/events.md）",
                    "end")
        start = f.text("start", printed=False)
        if start is not None and (start not in UNKNOWN_WORDS or not in_scope):
            f.error("schema-value", f"机构文件的“start（始年）”只能写“不详”（来源没有说它何时、怎样设立，档案第一次记到它就是"
                    f"在某件事里，如“甲并入乙”的乙），不是“{start}”；机构的设立请记为事件（见编辑指南 guide/events.md）"
                    if in_scope else "本志之外的机构（scope: out）不写“start（始年）”：它的各个名称及起止写在 names 里",
                    "start")
        where = (f.ref("jurisdiction"), f.ref("parent"))   # where a body of unknown start was when first met
        if any(where) and start not in UNKNOWN_WORDS:
            f.error("schema-unknown-key", "机构文件只在写了“start: 不详”时写“jurisdiction（行政区划）”“parent（上级）”"
                    "（档案第一次记到它时的属地、上级）；其他机构的属地、上级写在设立等事件里", "jurisdiction" if where[0] else "parent")
        elif in_scope and start in UNKNOWN_WORDS and not any(where):
            f.error("schema-missing", "写了“start: 不详”的机构，请写“jurisdiction（行政区划）”：档案第一次记到它时它属于哪个"
                    "行政区划（来源说了上级的，另写“parent（上级）”）；设立时间不详，不等于不知道它是哪里的机构", "start")
        sources = f.citations()
        seen = f.dates("seen")
        if seen and not sources:
            f.error("schema-missing", "机构文件写了“seen（见于）”，却没有写哪份来源显示它那时还在；请在“sources（来源）”中"
                    "写上那份文件的编号", "seen")
        if end == "至今" and not sources:
            f.error("schema-missing", "机构文件写了“end: 至今”，却没有写哪份来源这样说；请在“sources（来源）”中写上"
                    "说它“至今”仍在的文件编号", "end")
        elif sources and end != "至今" and not seen:
            f.error("schema-unknown-key", "机构文件的“sources（来源）”只用来写明“end: 至今”或“seen（见于）”的依据；"
                    "设立、更名等的来源写在事件里", "sources")
        units: list[Unit] = []
        raw_units = m.get("units")
        if isinstance(raw_units, LList):
            for i, u in enumerate(raw_units):
                if isinstance(u, str):
                    held = getattr(raw_units, "held", {}).get(i)   # beside a comment zhi cannot place (``Fields``)
                    units.append(Unit(u, None, None, Loc(rel, raw_units.line_of(i)), held or Level()))
                    if held is None:   # a held one is no text of the body's level
                        f.say("units", u, raw_units.line_of(i))
                    continue
                um = as_record_map(u, rel, raw_units.line_of(i), self.findings, "内设机构")
                if um is None:
                    continue
                uf = f.nested(um, "内设机构", {"name", "from", "to", "note", "classification", "merged_from",
                                             "renamed_from", "wording"}, "内设机构")
                to, to_unknown = uf.date_or_unknown("to")   # to: 不详 — no source gives its end
                start, start_unknown = uf.date_or_unknown("from")   # from: 不详 — nor its start
                units.append(Unit(uf.text("name", True) or "", start, to, uf.loc(),
                                  uf.level(), uf.text("note") or "", merged_from=uf.text_list("merged_from"),
                                  renamed_from=uf.text("renamed_from") or "", wording=uf.text("wording") or "",
                                  end_unknown=to_unknown, start_unknown=start_unknown))
        elif raw_units not in (None, ""):
            f.error("schema-type", "“units（内设机构）”应为列表", "units")
        remarks = self._remarks(f, m, rel)
        kind = f.choice("kind", (*BODY_KINDS, "不详"), KIND_ALIASES, "类别", required=in_scope) or ""
        b = Body(rid or "", f.loc(), f.level(), f.text("note") or "", kind_unknown=kind == "不详",
                 body_kind="" if kind == "不详" else kind,
                 functions=f.text_list("functions", list_only=True), units=units, end_unknown=end in UNKNOWN_WORDS,
                 in_scope=in_scope, names=self._outside_names(f, in_scope), extant=end == "至今", sources=sources,
                 seen=seen, distinguish=_distinguish(f), typed=f.typed, different_from=_different(f),
                 start_unknown=in_scope and start in UNKNOWN_WORDS, remarks=remarks,
                 seen_loc=f.loc("seen") if seen else None)
        for r in remarks:
            r.classification = b.classification
        b.first_jurisdiction, b.first_parent = where
        if rid:
            self.ids.register(self.archive.bodies, b)

    def _remarks(self, f: Fields, m: LMap, rel: str) -> list[Remark]:
        """``remarks`` (附注): sentences a source gives about the body that no event or date holds, each printed on
        the body's page with its sources; every one must name a source (unlike ``note``, the editor's own, never
        printed)."""
        raw = m.get("remarks")
        if raw in (None, ""):
            return []
        if not isinstance(raw, LList):
            f.error("schema-type", "“remarks（附注）”应为列表，每一项写 text（附注）和 sources（来源），如"
                    "“- {text: 县政府内设机构时有变动。, sources: [doc-…]}”", "remarks")
            return []
        out: list[Remark] = []
        for i, item in enumerate(raw):
            rm = as_record_map(item, rel, raw.line_of(i), self.findings, "附注")
            if rm is None:
                continue
            rf = f.nested(rm, "附注", {"text", "sources"}, "附注")
            text = rf.text("text", True)
            sources = rf.citations()
            if text and not sources:
                rf.error("schema-missing", f"附注“{text[:20]}”没有写来源：附注照来源印在机构页上，请在 sources 中写明"
                         "哪份文件这样说；只给编辑自己看的话写在 note（备注）里，不印出", "text")
            if text:
                out.append(Remark(text, rf.loc(), sources))
        return out

    @staticmethod
    def _scope(f: Fields) -> bool:
        scope = f.text("scope", printed=False) or "in"
        if scope not in ("in", "out", "本志", "境外"):
            # 本志外, 县外, 上级: outside, though the spelling is nearest to 本志
            outside = any(w in scope for w in ("外", "上级", "邻")) or "out" in scope.casefold()
            tip = "是否应为“out”？" if outside else did_you_mean(scope, ("in", "out", "本志", "境外"))
            f.error("schema-value", f"“scope（范围）”只能是 in（本志记述）或 out（本志之外，如越境不书的邻区、"
                    f"上级机关），不是{quote(scope, True)}。{tip}", "scope")
            return True
        return scope not in ("out", "境外")

    def _outside_names(self, f: Fields, in_scope: bool) -> list[OutsideName]:
        """``names:`` of a record outside the volume: each name with the period a source gives for it."""
        v = f.data.get("names")
        if v is None or v == "":
            return []
        if in_scope:
            f.error("schema-value", "“names（名称）”只用于本志之外（scope: out）的记录；本志记述的机构、行政区划，"
                    "名称由设立、更名事件记录", "names")
            return []
        if not isinstance(v, LList):
            f.error("schema-type", "“names（名称）”应为列表，每项写 {name: 名称, from: 起, to: 止, sources: [文件编号]}",
                    "names")
            return []
        out = []
        for i, item in enumerate(v):
            nm = as_record_map(item, f.rel, v.line_of(i), self.findings, "名称")
            if nm is None:
                continue
            nf = f.nested(nm, "名称", {"name", "from", "to", "sources", "note", "classification"}, "名称")
            name = nf.text("name", True)
            level = nf.level()
            if name:
                out.append(OutsideName(name, nf.date("from"), nf.date("to"), nf.loc(), nf.citations(), level))
        return out

    def _read_documents(self, m: LMap, rel: str, path: Path) -> None:
        keys = COMMON | {"number", "issuer", "issuer_body", "date", "title", "archive_ref", "transcription", "scans",
                         "description", "genre", "section", "publisher", "action", "url", "accessed", "covers"}
        f = Fields(m, rel, self.findings, "文件", keys)
        rid = f.ident()
        date = f.date("date")
        number = f.text("number") or ""
        genre = f.choice("genre", PUBLISHED_GENRES, what="出版物类别") or ""
        title, description = f.text("title") or "", f.text("description") or ""
        if not (title or number or description):
            f.error("schema-missing", "文件须写“title（标题）”；标题不详的，写“number（发文字号）”或"
                    "“description（说明，如：县革委会关于机构设置的批复，标题不详）”，不要自拟标题")
        elif genre and not title:
            f.error("schema-missing", f"出版物（{genre}）须写“title（书名）”，如“某某县志”", "genre")
        d = Document(rid or "", f.loc(), f.level(), f.text("note") or "", number=number,
                     docno=parse_docno(number, date.year if date else None) if number else None,
                     issuer=f.text("issuer") or "", issuer_body=f.ref("issuer_body"), date=date,
                     title=title, description=description, genre=genre, section=f.text("section") or "",
                     publisher=f.text("publisher") or "", archive_ref=f.text("archive_ref") or "",
                     action=f.text("action") or "", url=_web_address(f), typed=f.typed,
                     declassified_from=f.declassified_from, accessed=f.date("accessed"), covers=f.date("covers"))
        if d.accessed is not None and not d.url:
            f.error("schema-missing", "写了“accessed（访问日期）”，却没有写“url（网址）”：访问日期说的是何时在网上读到这个网页，"
                    "请补写网址；不是网上读到的，请删去 accessed", "accessed")
        if f.has("transcription"):
            d.transcription = self._path(f, "transcription", path)
        elif rid and (path.parent / f"{rid}.md").is_file():
            found = (path.parent / f"{rid}.md").resolve()
            if found.is_relative_to(self.root):
                d.transcription = found
            else:
                f.error("path-outside", f"同名全文“{rid}.md”是指向项目之外（{found}）的链接，未读入；"
                        f"请把全文本身复制进 {self.rel(path.parent)}/")
        for s in f.text_list("scans", printed=False):
            p = self._path(f, "scans", path, s)
            if p:
                d.scans.append(p)
        if rid:
            self.ids.register(self.archive.documents, d)

    def _path(self, f: Fields, key: str, path: Path, value: str | None = None) -> Path | None:
        value = value if value is not None else f.text(key, printed=False)
        if not value:
            return None
        p = (path.parent / value).resolve()
        if not p.is_relative_to(self.root):
            f.error("path-outside", f"“{key}”的路径“{value}”指向项目之外；文件须放在项目目录内", key)
            return None
        if not p.is_file():
            f.error("file-missing", f"“{key}”所指的文件“{value}”不存在（相对于 {self.rel(path.parent)}/）", key)
            return None
        part = skipped_part(self.rel(p))
        if part:  # a draft or hidden file is never published, even when a record names it
            f.error("draft-listed", f"“{key}”所指的“{value}”{skipped_message(self.rel(p), part, '不进入任何输出')}，"
                    "并改正这里的路径", key)
            return None
        return p

    def _read_people(self, m: LMap, rel: str, path: Path) -> None:
        f = Fields(m, rel, self.findings, "人物", COMMON | {"name", "gender", "born", "died"})
        rid = f.ident()
        p = Person(rid or "", f.loc(), f.level(), f.text("note") or "", name=f.text("name", True) or "",
                   gender=f.choice("gender", GENDERS, what="性别") or "", born=f.date("born"), died=f.date("died"),
                   typed=f.typed)
        if rid:
            self.ids.register(self.archive.people, p)
            if "classification" not in f.data:
                self.unclassified_people.add(rid)

    def _read_posts(self, m: LMap, rel: str, path: Path) -> None:
        f = Fields(m, rel, self.findings, "任职", COMMON | {"person", "body", "post", "from", "to", "term", "sources",
                                                         "in_office", "ex_officio"} | DASHIJI_KEYS)
        start, start_unknown = f.date_or_unknown("from", True)
        end, end_unknown = f.date_or_unknown("to")
        p = Post(f.ident(required=False) or "", f.loc(), f.level(), f.text("note") or "",
                 person=f.ref("person", not f.has("ex_officio")), body=f.ref("body", True), post=f.text("post", True) or "",
                 start=start, end=end, sources=f.citations(), start_unknown=start_unknown,
                 end_unknown=end_unknown, term=f.text("term") or "", dashiji=_dashiji(f),
                 in_office=f.dates("in_office"), typed=f.typed, ex_officio=f.text("ex_officio") or "")
        if p.person is not None and p.ex_officio:
            f.error("schema-value", "任职写了 person（人物），又写了 ex_officio（由某职兼任）：来源说出了兼任的人的，只写 person，"
                    "职务写“主席（兼）”；只说“主席由县委宣传部副部长兼任”、没有说是谁的，只写 ex_officio", "ex_officio")
            p.ex_officio = ""
        if p.post in UNKNOWN_WORDS + ("职务不详", "未详"):
            p.post = POST_UNKNOWN   # the source names the holder and the body, not the post (三明地区革委会：某某)
        unread = CONCURRENT_UNREAD.match(p.post)
        if unread:
            base = unread.group("a") or unread.group("b")
            f.error("schema-value", f"职务{quote(p.post, True)}的“兼”zhi 读不懂：兼任的职务请写成“{base}（兼）”，"
                    f"大事记才印“任……兼……{base}”，领导人的收录规则也把它算作“{base}”。您是不是要写“{base}（兼）”？",
                    "post")
        self.ids.unkeyed(p)
        self.archive.posts.append(p)

    def _read_staffing(self, m: LMap, rel: str, path: Path) -> None:
        f = Fields(m, rel, self.findings, "编制", COMMON | {"body", "jurisdiction", "system", "date", "basis", "figures",
                                                         "sources", "conflict_note"})
        basis_said = f.text("basis", printed=False)
        basis_text = basis_said or "核定"
        basis = STAFFING_BASES.get(basis_text)
        if basis is None:
            f.error("schema-value", f"“basis（口径）”只能是“核定”“实有”“超编”“精简”“设置”或“记载”，不是{quote(basis_text, True)}。"
                    f"{did_you_mean(basis_text, STAFFING_BASES)}", "basis")
            basis = "approved"
        fig = f.staffing("figures", required=True)
        body, jur = f.ref("body"), f.ref("jurisdiction")
        system = (f.text("system") or "").strip()
        if system.endswith("系统") and len(system) > 2:
            system = system[:-2]
        if body and jur:
            f.error("schema-value", "编制记录的“body（机构）”与“jurisdiction（行政区划）”只能写一个：机构的编制写 body，"
                    "全区划或某一系统的编制写 jurisdiction", "jurisdiction")
            jur = None
        elif body is None and jur is None:
            f.error("schema-missing", "编制记录缺少“body（机构）”或“jurisdiction（行政区划）”：机构的编制写 body，"
                    "全区划或某一系统（如政法系统）的编制写 jurisdiction 加 system", None)
        if system and jur is None:
            f.error("schema-value", "“system（系统）”只用于行政区划的编制（写 jurisdiction 加 system，如 system: 政法）；"
                    "机构的编制不写 system", "system")
            system = ""
        if fig is not None and basis == "set" and not fig.basis:
            fig.basis = "set"   # 设工作人员45人: posts set up, not people counted (its 人数 prints 设, never 实有)
        s = StaffingFigure(f.ident(required=False) or "", f.loc(), f.level(), f.text("note") or "",
                           body=body, jurisdiction=jur, system=system, date=f.date("date", True), basis=basis, basis_said=bool(basis_said),
                           figures=fig, sources=f.citations(staffing=True),
                           conflict_note=f.text("conflict_note") or "", typed=f.typed)
        if f.source_dated:
            self._source_dated.append((s, f))
        self.ids.unkeyed(s)
        self.archive.staffing.append(s)

    def _read_memos(self, m: LMap, rel: str, path: Path) -> None:
        """记事: a dated fact the editor writes for the 大事记, with sources; it changes nothing else."""
        f = Fields(m, rel, self.findings, "记事", COMMON | {"date", "text", "jurisdiction", "mentions", "sources",
                                                         "conflict_note"} | DASHIJI_KEYS,
                   hint="（记事可用的键见编辑指南 guide/dashiji.md）")
        self._order += 1
        memo = Memo(f.ident(required=False) or "", f.loc(), f.level(), f.text("note") or "", date=f.date("date", True),
                    text=f.text("text", True) or "", jurisdiction=f.ref("jurisdiction"), mentions=f.refs("mentions"),
                    sources=f.citations(True), dashiji=_dashiji(f),
                    conflict_note=f.text("conflict_note") or "", order=self._order, typed=f.typed)
        if f.source_dated:
            self._source_dated.append((memo, f))
        if memo.text and not memo.text.endswith(("。", "！", "？", "”", "）")):
            f.error("memo-text", f"记事的“text（记事）”应是一句完整的话，以句号结尾：“{memo.text[:30]}…”", "text",
                    severity="warning")
        looks = markup_in(memo.text)
        if looks:  # record text is plain text everywhere (plaintext.py): say so before it prints as typed
            f.error("memo-markup", "记事的文字照原样印出，不按 Markdown 解读：" +
                    "；".join(f"“{piece[:30]}”——{advice}" for piece, advice in looks), "text", severity="warning")
        self.ids.unkeyed(memo)
        self.archive.memos.append(memo)

    def _read_events(self, m: LMap, rel: str, path: Path) -> None:
        raw_type = m.get("type")
        raw = str(raw_type).strip() if raw_type is not None else ""
        etype = EVENT_ALIASES.get(raw, raw) if raw_type is not None else None
        if etype not in EVENT_TYPES:
            allowed = EVENT_COMMON | set().union(*EVENT_KEYS.values())
            f = Fields(m, rel, self.findings, "事件", allowed)
            if raw_type is None:
                f._missing("type")
            else:
                tip = did_you_mean(raw, [*EVENT_TYPES, *EVENT_ALIASES])
                f.error("event-type", f"事件类型{quote(str(raw_type), True)}无法识别。{tip}可用：" +
                        "、".join(f"{k}（{v}）" for k, v in EVENT_TYPES.items()), "type")
            # the keys every type reads alike are checked all the same: the editor mends every mistake of the
            # record in one round, not the type first and the date on the next run (the record is not kept)
            f.ident(), f.level(), f.date("date", True), f.date("decided"), f.citations(True)
            for key in ("note", "conflict_note", "group", "name", "short"):
                f.text(key)
            return
        zh = EVENT_TYPES[etype]
        f = Fields(m, rel, self.findings, f"{zh}事件", EVENT_COMMON | EVENT_KEYS[etype],
                   hint=f"（{zh}事件可用的键见编辑指南 guide/events.md）")
        self._order += 1
        e = Event(f.ident() or "", f.loc(), f.level(), f.text("note") or "", type=etype,
                  date=f.date("date", True), decided=f.date("decided"), sources=f.citations(True),
                  conflict_note=f.text("conflict_note") or "", order=self._order, dashiji=_dashiji(f),
                  group=f.text("group") or "")
        e.staffing = f.staffing("staffing", required=etype == "staffing")
        if raw in EVENT_WORDINGS:
            e.wording = raw
        self.shapes.read(e, f, m)
        if f.source_dated:
            self._source_dated.append((e, f))
        e.typed = f.typed
        if e.id:
            self.ids.unkeyed(e)
        self.archive.events.append(e)


def _give_comments(comments: list[tuple[int, str]], records: list, lines: list[str] | None = None) -> None:
    """Each record of a file gets the comments that may speak of it (``LMap.comments``; ``Fields.level`` reads
    them): those within its lines; one between two records is both records', unless it is indented under the record
    above (deeper than the “- ” of the next: the importer's “  # 待核：…” after a record's last key is that record's);
    one above the first record (the file's head) is every record's. Fail closed: a comment “# 秘密” is never left to
    no record."""
    def indent(n: int) -> int:   # the column of a 1-based line's first character
        t = lines[n - 1] if lines and 0 < n <= len(lines) else ""
        return len(t) - len(t.lstrip(" \t"))

    spans = [(r.line, max(r.last, r.line)) for r in records if isinstance(r, LMap)]
    maps = [r for r in records if isinstance(r, LMap)]
    if not comments or not maps:
        return
    given: list[list[tuple[int, str]]] = [[] for _ in maps]
    for line, text in comments:
        inside = [i for i, (a, b) in enumerate(spans) if a <= line <= b]
        if not inside:
            before = [i for i, (_, b) in enumerate(spans) if b < line]
            after = [i for i, (a, _) in enumerate(spans) if a > line]
            inside = (before[-1:] + after[:1]) if before else list(range(len(maps)))
            if before and after and lines and indent(line) > indent(spans[after[0]][0]):
                inside = before[-1:]
        for i in inside:
            given[i].append((line, text))
    for m, mine in zip(maps, given, strict=True):
        m.comments = tuple(mine)
        m.source_lines = lines or []   # the file's lines: where a comment stands in a list of parts (``Fields``)


class Ids:
    """Every record's id, once: a second record with an id already used is reported with both places."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        self._ids: dict = {}

    def _claim(self, rec) -> bool:
        first = self._ids.get(rec.id)
        if first is not None:
            self.findings.append(Finding("id-duplicate", "error",
                                         f"编号“{rec.id}”重复：已用于另一条{first[1]}记录；每条记录的编号须唯一",
                                         rec.loc, [first[0]]))
            return False
        self._ids[rec.id] = (rec.loc, rec.kind_zh)
        return True

    def register(self, table: dict, rec) -> None:
        """A record of a kind looked up by id (bodies, documents …): into ``table`` unless its id is taken."""
        if self._claim(rec):
            table[rec.id] = rec

    def unkeyed(self, rec) -> None:
        """A record kept in a list (events, posts …): its id, if it has one, is cleared when already taken."""
        if rec.id and not self._claim(rec):
            rec.id = ""

def _dashiji(f: Fields) -> bool | None:
    """The editor's `dashiji: 收/不收` (or `大事记: 收/不收`); anything else is refused with the two values."""
    for key in DASHIJI_KEYS:
        if key in f.data:
            raw = f.data[key]
            value = DASHIJI_VALUES.get(raw.strip() if isinstance(raw, str) else raw)
            if value is None:
                f.error("schema-value", f"“{key}”只能写“收”（收入大事记）或“不收”，不是“{raw}”", key)
            return value
    return None


def _different(f: Fields) -> list[str]:
    """The ids of ``different_from`` (or 非同一机构): ids, not printed."""
    return [x for k in sorted(DIFFERENT_KEYS & set(f.data)) for x in f.text_list(k, printed=False)]


def _distinguish(f: Fields) -> str:
    """The record's 区别语 (``distinguish`` or ``区别语``), a few words printed in full-width brackets after its name:
    text as the editor typed it (kept in ``typed``, so a secret record's 区别语 is secret), without brackets of its
    own, blanks or a sentence's marks, which would print inside the name."""
    keys = [k for k in ("distinguish", "区别语") if k in f.data]
    if len(keys) > 1:
        f.error("schema-value", "“distinguish”与“区别语”是同一个键，只能写一个", keys[1])
    if not keys:
        return ""
    key = keys[0]
    v = f.text(key)
    if not v:
        return ""
    bad = words_flaw(v) or next((c for c in v if c in "（）()[]【】〔〕<>《》“”\"'"), None)
    if bad:
        f.error("schema-value", f"“{key}（区别语）”{quote(v, True)}中有{quote(bad, True)}：区别语印在名称后的括号里，"
                f"如 滁州市（县级）；请只写括号里的字，如 distinguish: 县级，不写括号、空格和句号", key)
        return ""
    return v


def load_archive(root: Path, with_book: bool = True) -> Archive:
    """The archive of the project at ``root``; with the volume's prose (chronicle/) unless told otherwise."""
    archive = Loader(root).load()
    if with_book and (archive.root / "chronicle").is_dir():
        from .chronicle import load_book

        archive.book = load_book(archive.root)
        archive.findings.extend(archive.book.findings)
    return archive


def _refs(e: Event) -> list[Ref]:
    """Every body or jurisdiction an event names (its own, before, after, parent, partly …)."""
    out: list[Ref] = []
    for v in vars(e).values():
        if isinstance(v, Ref):
            out.append(v)
        elif isinstance(v, list):
            out.extend(x for x in v if isinstance(x, Ref))
    return out


def _named(e: Event) -> list[Ref]:
    """The refs an event names, also the place and superior it gives a body it sets up (设立甲，属乙县): where a
    place of unknown start (`start: 不详`) is first met with the name the source calls it (as)."""
    return _refs(e) + [r for nb in e.new.values() for r in (nb.jurisdiction, nb.parent) if isinstance(r, Ref)]


def mark_successive(posts: list[Post]) -> None:
    """Posts the source gives only as held in turn within one period (四任主任“先后任”于1968年2月至1976年10月间): each
    typed with that period as both its from and its to. Two or more of the same post of one body so are 先后任 (their
    term prints once, 1968年2月至1976年10月间（先后任）, in the order typed); one alone is simply held within it."""
    groups: dict[tuple, list[Post]] = {}
    for p in posts:
        if p.within() and p.body is not None:
            groups.setdefault((p.body.id, p.base_post, p.start.sort_key()), []).append(p)
    for group in groups.values():
        for p in group:
            p.successive = len(group) > 1
